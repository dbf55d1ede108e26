import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { bootstrapOperator, loadAuthenticatedUser, User } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { placeBid } from '../../server/auctions/index.ts';
import { config } from '../../server/config.ts';
import { QueuedMail } from '../../server/notifications/index.ts';
import { makeOffer } from '../../server/offers/index.ts';
import { Payment, StripeLink } from '../../server/payments/model.ts';
import {
  createPlan,
  issueInvoice,
  markInvoicePaid,
  Membership,
  membershipPage,
  publicMembership,
  startSubscription,
  updatePlan,
} from '../../server/payments/membership/index.ts';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { refusal } from '../support/refusal.ts';
import { deliver, mockStripe, stripeEvent, useTestStripe } from '../support/stripe.ts';

// Alliance membership: the operator's plans, the owner's Stripe subscription
// (Checkout on stripe-mock; what Stripe reports later as signed events), the
// operator's offline invoices, and the optional gate on offers and bids.

useTestDatabase();
useTestStripe();

const DAY = 24 * 3600_000;
let operator: NonNullable<Actor>;
let companyPlanId: string;
let invoiceShape: Stripe.Invoice;
let subscriptionShape: Stripe.Subscription;

beforeAll(async () => {
  await bootstrapOperator('ops-membership@example.com', 'operator-passphrase-1');
  const user = await User.findOne({ emailNormalized: 'ops-membership@example.com' }).lean();
  operator = (await loadAuthenticatedUser(String(user!._id)))!.actor as NonNullable<Actor>;
  companyPlanId = (
    await createPlan(operator, {
      name: { zh: '企业会员', en: 'Company membership' },
      organizationKind: 'company',
      currency: 'CNY',
      amount: '12,000',
      active: 'true',
    })
  ).id;
  invoiceShape = await mockStripe().invoices.retrieve('in_shape');
  subscriptionShape = await mockStripe().subscriptions.retrieve('sub_shape');
});

afterEach(() => {
  config().MEMBERSHIP_REQUIRED_FOR_OFFERS = false;
});

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A paid (or failed) invoice of the organization's subscription for the year ending at `periodEnd`. */
function invoice(
  member: Member,
  periodEnd: Date,
  { id = `in_${Math.random().toString(36).slice(2, 12)}`, sub = 'sub_m1' } = {},
) {
  return {
    ...invoiceShape,
    id,
    amount_paid: 1_200_000,
    currency: 'cny',
    customer: 'cus_member',
    status_transitions: { ...invoiceShape.status_transitions, paid_at: seconds(new Date()) },
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: {
        metadata: { organization: member.organizationId, plan: companyPlanId },
        subscription: sub,
      },
    },
    lines: {
      ...invoiceShape.lines,
      data: [
        {
          ...invoiceShape.lines.data[0]!,
          period: { start: seconds(periodEnd) - 365 * 86400, end: seconds(periodEnd) },
        },
      ],
    },
  };
}

function subscription(member: Member, status: string, { id = 'sub_m1', cancelAtPeriodEnd = false } = {}) {
  return {
    ...subscriptionShape,
    id,
    status,
    cancel_at_period_end: cancelAtPeriodEnd,
    metadata: { organization: member.organizationId, plan: companyPlanId },
  };
}

/** An event that happened `ago` milliseconds before now (Stripe's `created` is in seconds). */
function at(event: ReturnType<typeof stripeEvent>, ago: number) {
  return { ...event, created: Math.floor((Date.now() - ago) / 1000) };
}

const membershipOf = (member: Member) => Membership.findById(member.organizationId).lean();

test('a plan takes its yearly fee in major units and stores minor units', async () => {
  const plan = await createPlan(operator, {
    name: { en: 'Investor membership' },
    organizationKind: 'investor',
    currency: 'USD',
    amount: '1,500.25',
    active: 'true',
  });
  expect(plan).toMatchObject({
    organizationKind: 'investor',
    amount: { amount: 150_025, currency: 'USD' },
    active: true,
  });
});

test('a plan without a name, with a bad amount or an unknown kind is refused per field', async () => {
  const refused = await refusal(
    createPlan(operator, { name: { zh: '', en: '' }, organizationKind: 'operator', currency: 'CNY', amount: '12.345' }),
  );
  expect(refused).toMatchObject({
    code: 'invalid',
    fieldErrors: {
      'name.zh': ['validation.bilingualRequired'],
      organizationKind: [expect.any(String)],
    },
  });
  const zero = await refusal(
    createPlan(operator, { name: { en: 'Free' }, organizationKind: 'company', currency: 'CNY', amount: '0' }),
  );
  expect(zero).toMatchObject({ code: 'invalid', fieldErrors: { amount: ['validation.membership.amount'] } });
});

test('only operators define plans', async () => {
  const company = await createMember();
  expect(
    await refusal(
      createPlan(company.actor, { name: { en: 'x' }, organizationKind: 'company', currency: 'CNY', amount: '1' }),
    ),
  ).toMatchObject({ code: 'forbidden' });
});

test('a plan edit made on a stale version is refused; a fresh one changes the price for later periods', async () => {
  const plan = await createPlan(operator, {
    name: { en: 'Hospital membership' },
    organizationKind: 'hospital',
    currency: 'CNY',
    amount: '5000',
    active: 'true',
  });
  const edit = { name: { en: 'Hospital membership' }, currency: 'CNY', amount: '6000', active: 'true' };
  expect(await updatePlan(operator, plan.id, { ...edit, version: '0' })).toMatchObject({
    amount: { amount: 600_000, currency: 'CNY' },
    version: 1,
  });
  expect(await refusal(updatePlan(operator, plan.id, { ...edit, amount: '7000', version: '0' }))).toMatchObject({
    code: 'conflict',
    message: 'errors.membership.planChanged',
  });
});

test("only the organization's owner subscribes: an admin or a member is refused", async () => {
  const company = await createMember();
  for (const role of ['admin', 'member'] as const) {
    expect(await refusal(startSubscription({ ...company.actor, role }, { plan: companyPlanId }))).toMatchObject({
      code: 'forbidden',
      message: 'errors.membership.ownerOnly',
    });
  }
});

test('subscribing sends the owner to a Stripe Checkout URL, and a second click to the same one', async () => {
  const company = await createMember();
  const first = await startSubscription(company.actor, { plan: companyPlanId });
  expect(first.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
  const again = await startSubscription(company.actor, { plan: companyPlanId });
  expect(again.url).toBe(first.url);
  expect((await membershipOf(company))?.checkout).toMatchObject({ plan: companyPlanId, url: first.url });
});

test('a plan for another kind of organization, or a malformed plan id, cannot be subscribed to', async () => {
  const investor = await createMember({ kind: 'investor' });
  expect(await refusal(startSubscription(investor.actor, { plan: companyPlanId }))).toMatchObject({
    code: 'invalid',
    fieldErrors: { plan: ['validation.membership.planNotOffered'] },
  });
  expect(await refusal(startSubscription(investor.actor, { plan: '../x' }))).toMatchObject({ code: 'invalid' });
});

test('a paid invoice makes the membership active until the end of the invoiced period, recorded as a payment', async () => {
  const company = await createMember();
  const end = new Date(Date.now() + 365 * DAY);
  const paid = invoice(company, end, { id: 'in_1PaidOnce' });
  expect((await deliver(stripeEvent('invoice.paid', paid))).status).toBe(200);

  expect(await membershipOf(company)).toMatchObject({
    status: 'active',
    paidThrough: new Date(seconds(end) * 1000),
    provider: 'stripe',
    subscriptionId: 'sub_m1',
  });
  expect(await Payment.findById('MEM-IN-1PAIDONCE').lean()).toMatchObject({
    purpose: 'membership',
    payee: null,
    provider: 'stripe',
    status: 'succeeded',
    amount: { amount: 1_200_000, currency: 'CNY' },
    payer: { organization: company.organizationId },
  });
  expect(await StripeLink.findById('in_1PaidOnce').lean()).toMatchObject({ payment: 'MEM-IN-1PAIDONCE' });
  expect(await publicMembership(company.organizationId)).toEqual({
    until: new Date(seconds(end) * 1000).toISOString(),
  });
});

test('an older invoice arriving after a newer one does not move paidThrough backwards', async () => {
  const company = await createMember();
  const later = new Date(Date.now() + 730 * DAY);
  const earlier = new Date(Date.now() + 365 * DAY);
  await deliver(at(stripeEvent('invoice.paid', invoice(company, later)), 0));
  await deliver(at(stripeEvent('invoice.paid', invoice(company, earlier)), 400 * DAY));
  expect((await membershipOf(company))?.paidThrough).toEqual(new Date(seconds(later) * 1000));
});

test('the same event delivered five times at once is processed once', async () => {
  const company = await createMember();
  const event = stripeEvent('invoice.paid', invoice(company, new Date(Date.now() + 365 * DAY), { id: 'in_1Dup' }));
  const outcomes = await Promise.all(
    Array.from({ length: 5 }, async () => ((await (await deliver(event)).json()) as { outcome: string }).outcome),
  );
  expect(outcomes.filter((o) => o === 'processed')).toHaveLength(1);
  const payment = await Payment.findById('MEM-IN-1DUP').lean();
  expect(payment?.events).toHaveLength(1);
  expect((await membershipOf(company))?.version).toBe(0);
});

test('a failed renewal makes the membership past due, unless that period is already paid', async () => {
  const company = await createMember();
  const end = new Date(Date.now() + 365 * DAY);
  await deliver(at(stripeEvent('invoice.paid', invoice(company, end)), 0));
  await deliver(at(stripeEvent('invoice.payment_failed', invoice(company, end)), 0));
  expect((await membershipOf(company))?.status).toBe('active');

  const next = new Date(Date.now() + 730 * DAY);
  await deliver(at(stripeEvent('invoice.payment_failed', invoice(company, next)), 0));
  expect((await membershipOf(company))?.status).toBe('past_due');
});

test('a cancelled subscription is not revived by an older update arriving late', async () => {
  const company = await createMember();
  await deliver(
    at(
      stripeEvent('customer.subscription.updated', subscription(company, 'active', { cancelAtPeriodEnd: true })),
      60_000,
    ),
  );
  expect(await membershipOf(company)).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
  await deliver(at(stripeEvent('customer.subscription.deleted', subscription(company, 'canceled')), 0));
  await deliver(at(stripeEvent('customer.subscription.updated', subscription(company, 'active')), 120_000));
  expect(await membershipOf(company)).toMatchObject({ status: 'cancelled', cancelAtPeriodEnd: false });
});

test('a completed subscription checkout links the subscription to the organization', async () => {
  const company = await createMember();
  const session = await mockStripe().checkout.sessions.retrieve('cs_shape');
  await deliver(
    stripeEvent('checkout.session.completed', {
      ...session,
      mode: 'subscription',
      payment_status: 'paid',
      subscription: 'sub_linked',
      metadata: { organization: company.organizationId, plan: companyPlanId },
    }),
  );
  expect(await membershipOf(company)).toMatchObject({
    status: 'active',
    subscriptionId: 'sub_linked',
    plan: { id: companyPlanId, name: { en: 'Company membership' } },
  });
});

async function issue(member: Member, reference = `MEM-${randomBytes(12).toString('hex').toUpperCase()}`) {
  const dueDate = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
  await issueInvoice(operator, { reference, organization: member.organizationId, plan: companyPlanId, dueDate });
  return reference;
}

test("an offline invoice is a pending membership payment the organization's owner sees with its reference", async () => {
  const company = await createMember();
  const reference = await issue(company);
  expect(await Payment.findById(reference).lean()).toMatchObject({
    purpose: 'membership',
    status: 'pending',
    provider: null,
    payee: null,
    amount: { amount: 1_200_000, currency: 'CNY' },
  });
  const page = await membershipPage(company.actor);
  expect(page.invoices).toMatchObject([
    { reference, status: 'pending', amount: { amount: 1_200_000, currency: 'CNY' } },
  ]);
});

test('issuing the same invoice form twice makes one invoice, and its members are told (and mailed) once', async () => {
  const company = await createMember();
  await User.updateOne({ _id: company.userId }, { $set: { emailVerifiedAt: new Date() } });
  const reference = await issue(company);
  await issue(company, reference);
  expect((await membershipPage(company.actor)).invoices).toHaveLength(1);
  const mails = await QueuedMail.find({ type: 'membership.invoice_issued', to: company.email }).lean();
  expect(mails).toHaveLength(1);
  expect(mails[0]!.params).toMatchObject({ reference, amount: 'CNY 12000' });
});

test('an invoice for a plan of another organization kind is refused on the plan field', async () => {
  const investor = await createMember({ kind: 'investor' });
  expect(await refusal(issue(investor))).toMatchObject({
    code: 'invalid',
    fieldErrors: { plan: ['validation.membership.planKind'] },
  });
});

test('five operators marking an offline invoice paid at once pay it once and add one year', async () => {
  const company = await createMember();
  const reference = await issue(company);
  const before = Date.now();
  const results = await Promise.all(
    Array.from({ length: 5 }, () => refusal(markInvoicePaid(operator, { reference, bankReference: 'BOC-778' }))),
  );
  expect(results.filter((r) => r === null)).toHaveLength(1);
  expect(results.filter((r) => r?.message === 'errors.membership.invoiceAlreadyPaid')).toHaveLength(4);
  const membership = await membershipOf(company);
  expect(membership).toMatchObject({ status: 'active', provider: 'offline', creditedInvoices: [reference] });
  const year = 365 * DAY;
  expect(membership!.paidThrough!.getTime()).toBeGreaterThanOrEqual(before + year);
  expect(membership!.paidThrough!.getTime()).toBeLessThanOrEqual(Date.now() + year + DAY);
  expect(await Payment.findById(reference).lean()).toMatchObject({
    status: 'succeeded',
    provider: 'offline',
    offline: { bankReference: 'BOC-778' },
  });
});

test('a second paid invoice extends the membership a year from its current end', async () => {
  const company = await createMember();
  const first = await issue(company);
  await markInvoicePaid(operator, { reference: first });
  const end = (await membershipOf(company))!.paidThrough!;
  await markInvoicePaid(operator, { reference: await issue(company) });
  const extended = new Date(end);
  extended.setUTCFullYear(extended.getUTCFullYear() + 1);
  expect((await membershipOf(company))?.paidThrough).toEqual(extended);
});

async function publishedAuctionListing() {
  const owner = await createMember({ kind: 'basic_institute' });
  const listing = await createListing(owner.organizationId, {
    auction: {
      startingPrice: { amount: 10_000_000, currency: 'CNY' },
      minimumIncrement: { amount: 1_000_000, currency: 'CNY' },
      reserve: null,
      endsAt: new Date(Date.now() + 3600_000),
    },
  });
  return String(listing._id);
}

const offer = {
  terms: { dealType: 'assignment', price: { amount: 40_000_000, currency: 'CNY' } },
  message: 'Interested.',
};

test('with membership required, a company without a membership can neither offer nor bid', async () => {
  config().MEMBERSHIP_REQUIRED_FOR_OFFERS = true;
  const company = await createMember();
  const listingId = String((await createListing((await createMember({ kind: 'basic_institute' })).organizationId))._id);
  expect(await refusal(makeOffer(company.actor, listingId, offer))).toMatchObject({
    code: 'forbidden',
    message: 'errors.membership.required',
  });
  expect(
    await refusal(
      placeBid(company.actor, await publishedAuctionListing(), { amount: { amount: 10_000_000, currency: 'CNY' } }),
    ),
  ).toMatchObject({ code: 'forbidden', message: 'errors.membership.required' });
});

test('with membership required, a member in good standing offers and bids', async () => {
  config().MEMBERSHIP_REQUIRED_FOR_OFFERS = true;
  const company = await createMember();
  await markInvoicePaid(operator, { reference: await issue(company) });
  const listingId = String((await createListing((await createMember({ kind: 'basic_institute' })).organizationId))._id);
  expect(await refusal(makeOffer(company.actor, listingId, offer))).toBeNull();
  expect(
    await refusal(
      placeBid(company.actor, await publishedAuctionListing(), { amount: { amount: 10_000_000, currency: 'CNY' } }),
    ),
  ).toBeNull();
});

test('with membership not required (the default), a company without one makes offers', async () => {
  const company = await createMember();
  const listingId = String((await createListing((await createMember({ kind: 'basic_institute' })).organizationId))._id);
  expect(await refusal(makeOffer(company.actor, listingId, offer))).toBeNull();
});
