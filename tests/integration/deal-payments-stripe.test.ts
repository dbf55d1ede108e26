import { beforeAll, describe, expect, test } from 'vitest';
import { action as dealAction } from '../../app/routes/deals.$id';
import { loader as healthz } from '../../app/routes/healthz';
import { User } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import {
  cancelDeal,
  createDeal,
  Deal,
  getDeal,
  payDeal,
  recordDuePayments,
  type DealTerms,
} from '../../server/deals/index.ts';
import { verifyLedger } from '../../server/ledger/index.ts';
import { QueuedMail } from '../../server/notifications/index.ts';
import { Payment, type PaymentDoc } from '../../server/payments/index.ts';
import { applySession } from '../../server/payments/deal-events.ts';
import { PaymentOpen, StripeEventClaim } from '../../server/payments/model.ts';
import { reconcilePayments } from '../../server/payments/reconcile.ts';
import { purgeStripeEventClaims } from '../../server/payments/stripe/webhook.ts';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { refusal } from '../support/refusal.ts';
import { call } from '../support/requests.ts';
import { deliver, mockStripe, signatureFor, stripeEvent, useTestStripe } from '../support/stripe.ts';

useTestDatabase();
useTestStripe();

const USD = (amount: number) => ({ amount, currency: 'USD' as const });
const ASSIGNMENT: DealTerms = { dealType: 'assignment', price: USD(250_000_00) };

let seller: Member;
let buyer: Member;
let outsider: Member;
let sources = 0;

beforeAll(async () => {
  [seller, buyer, outsider] = await Promise.all([
    createMember({ kind: 'company' }),
    createMember({ kind: 'company' }),
    createMember({ kind: 'company' }),
  ]);
  // Receipts are mailed to confirmed addresses only.
  await User.updateMany({ _id: { $in: [seller.userId, buyer.userId] } }, { $set: { emailVerifiedAt: new Date() } });
});

/** A deal awaiting a payment of $250,000 (a company sells at its listed price: no public notice). */
async function dealAwaitingPayment(terms: DealTerms = ASSIGNMENT) {
  const listingId = String((await createListing(seller.organizationId))._id);
  const { deal } = await createDeal({
    source: { kind: 'offer', id: `stripe-${++sources}` },
    listingId,
    sellerOrganizationId: seller.organizationId,
    buyerOrganizationId: buyer.organizationId,
    terms,
    priceSetBy: 'listing',
    createdBy: buyer.userId,
  });
  expect(deal.status).toBe('awaiting_payment');
  return deal;
}

const paymentOf = async (dealId: string) => (await Payment.findOne({ deal: dealId }).lean<PaymentDoc>())!;
const dealOf = async (dealId: string) => (await Deal.findById(dealId).lean())!;

/** A Checkout Session as Stripe reports it (stripe-mock's shape), in the state given, for our payment. */
async function sessionFor(payment: PaymentDoc, state: Record<string, unknown>) {
  const session = await mockStripe().checkout.sessions.retrieve(payment.stripe.checkoutSessionId ?? 'cs_test_x');
  return {
    ...session,
    id: payment.stripe.checkoutSessionId ?? session.id,
    mode: 'payment',
    client_reference_id: payment._id,
    metadata: { payment: payment._id, deal: payment.deal },
    amount_total: payment.amount.amount,
    currency: payment.amount.currency.toLowerCase(),
    payment_intent: `pi_test_${payment._id.slice(-8).toLowerCase()}`,
    ...state,
  } as Awaited<ReturnType<ReturnType<typeof mockStripe>['checkout']['sessions']['retrieve']>>;
}

const completed = async (payment: PaymentDoc, state: Record<string, unknown> = {}) =>
  stripeEvent(
    'checkout.session.completed',
    await sessionFor(payment, { status: 'complete', payment_status: 'paid', ...state }),
  );

/** The buyer opens Checkout; returns the deal's payment with its session. */
async function openCheckout(dealId: string) {
  await payDeal(buyer.actor, dealId, { locale: 'en' });
  return paymentOf(dealId);
}

test('/healthz reports Stripe as the payment provider when STRIPE_SECRET_KEY is set', async () => {
  expect(await (await call(healthz, '/healthz')).json()).toMatchObject({ payments: 'stripe' });
});

describe('paying through Stripe Checkout', () => {
  test("the buyer's Pay button answers 303 to the Stripe Checkout Session", async () => {
    const deal = await dealAwaitingPayment();
    const response = await call(dealAction, `/deals/${deal.id}`, {
      form: { intent: 'pay' },
      cookie: buyer.cookie,
      params: { id: deal.id },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const payment = await paymentOf(deal.id);
    expect(payment.stripe.checkoutSessionId).toMatch(/^cs_/);
    expect(payment.status).toBe('pending');
  });

  test('pressing Pay again reuses the open session: one payment never has two', async () => {
    const deal = await dealAwaitingPayment();
    const first = await payDeal(buyer.actor, deal.id, { locale: 'en' });
    const session = (await paymentOf(deal.id)).stripe.checkoutSessionId;
    const again = await Promise.all([1, 2, 3].map(() => payDeal(buyer.actor, deal.id, { locale: 'zh' })));
    expect(again.map((a) => a.url)).toEqual([first.url, first.url, first.url]);
    expect((await paymentOf(deal.id)).stripe.checkoutSessionId).toBe(session);
  });

  test('the seller of a deal payable online, without a payouts account, is pointed to /account/payouts', async () => {
    const deal = await dealAwaitingPayment();
    expect((await getDeal(seller.actor, deal.id)).suggestPayoutSetup).toBe(true);
    expect((await getDeal(buyer.actor, deal.id)).suggestPayoutSetup).toBe(false);
  });

  test('only the buyer may pay: the seller is refused and an outsider does not see the deal', async () => {
    const deal = await dealAwaitingPayment();
    expect(await refusal(payDeal(seller.actor, deal.id, { locale: 'en' }))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(payDeal(outsider.actor, deal.id, { locale: 'en' }))).toMatchObject({ code: 'not_found' });
  });

  test('a deal above what Stripe takes in one payment ($1,000,000.00) is paid by bank transfer only', async () => {
    const deal = await dealAwaitingPayment({ dealType: 'assignment', price: USD(1_000_000_00) });
    const view = await getDeal(buyer.actor, deal.id);
    expect(view.actions.pay).toBe(false);
    expect(view.paymentInstructions?.method).toBe('bank_transfer');
    expect(await refusal(payDeal(buyer.actor, deal.id, { locale: 'en' }))).toMatchObject({
      message: 'errors.payments.stripeUnavailable',
    });
  });
});

describe('webhooks', () => {
  test('a signed checkout.session.completed (paid) marks the payment succeeded and the deal paid', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    const response = await deliver(await completed(payment));
    expect(response.status).toBe(200);
    expect((await dealOf(deal.id)).status).toBe('paid');
    const after = await paymentOf(deal.id);
    expect(after).toMatchObject({ status: 'succeeded', provider: 'stripe' });
    // No connected account: the seller is paid out by the operator, $250,000 less 5% ($12,500).
    expect(after.fee).toEqual(USD(12_500_00));
    expect(after.payout).toMatchObject({ method: 'offline', status: 'pending', amount: USD(237_500_00) });
    expect(await PaymentOpen.exists({ _id: payment._id })).toBeNull();
  });

  test('a forged signature is refused with 400 and nothing is written', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    const event = await completed(payment);
    const body = JSON.stringify(event);
    const forged = signatureFor(body, 'whsec_not_ours');
    expect((await deliver(event, { signature: forged })).status).toBe(400);
    // Signed, then changed: the signature no longer matches the bytes.
    const tampered = body.replace(`"amount_total":${payment.amount.amount}`, '"amount_total":1');
    expect((await deliver(event, { body: tampered, signature: signatureFor(body) })).status).toBe(400);
    expect((await deliver(event, { signature: null })).status).toBe(400);
    expect(await StripeEventClaim.exists({ _id: event.id })).toBeNull();
    expect((await dealOf(deal.id)).status).toBe('awaiting_payment');
  });

  test('a replayed event changes nothing: processed once, answered as a duplicate', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    const event = await completed(payment);
    await deliver(event);
    const before = await dealOf(deal.id);
    const replay = await deliver(event);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ outcome: 'duplicate' });
    expect((await dealOf(deal.id)).version).toBe(before.version);
    // One receipt each for the buyer and the seller, however often Stripe reports it.
    const receipts = await QueuedMail.find({ type: 'payment.receipt', link: `/receipts/${payment._id}` }).lean();
    expect(receipts.map((m) => m.to).sort()).toEqual([buyer.email, seller.email].sort());
  });

  test('ten parallel deliveries of one event process it exactly once', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    const event = await completed(payment);
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    const outcomes = await Promise.all(responses.map((r) => r.json() as Promise<{ outcome: string }>));
    expect(outcomes.filter((o) => o.outcome === 'processed')).toHaveLength(1);
    expect(responses.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const after = await dealOf(deal.id);
    expect(after.events.filter((e) => e.type === 'payment_confirmed')).toHaveLength(1);
    expect((await paymentOf(deal.id)).events.filter((e) => e.type === 'succeeded')).toHaveLength(1);
  });

  test('two different events reporting the same payment (completed, then async succeeded) pay the deal once', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    await Promise.all([
      deliver(await completed(payment)),
      deliver(
        stripeEvent(
          'checkout.session.async_payment_succeeded',
          await sessionFor(payment, { status: 'complete', payment_status: 'paid' }),
        ),
      ),
    ]);
    expect((await dealOf(deal.id)).events.filter((e) => e.type === 'payment_confirmed')).toHaveLength(1);
  });

  test('a session for a different amount never pays the deal: it is flagged for the operator', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    await deliver(await completed(payment, { amount_total: 100 }));
    expect((await dealOf(deal.id)).status).toBe('awaiting_payment');
    expect((await paymentOf(deal.id)).mismatch).toMatch(/expected 25000000 USD/);
  });

  test('a bank transfer through Stripe stays processing until it settles, then pays the deal', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    await deliver(await completed(payment, { payment_status: 'unpaid' }));
    expect((await paymentOf(deal.id)).status).toBe('processing');
    expect((await dealOf(deal.id)).status).toBe('awaiting_payment');
    const settled = await sessionFor(payment, { status: 'complete', payment_status: 'paid' });
    await deliver(stripeEvent('checkout.session.async_payment_succeeded', settled));
    expect((await dealOf(deal.id)).status).toBe('paid');
  });

  test('a failed bank transfer fails the payment and the buyer may pay again with a new session', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    await deliver(await completed(payment, { payment_status: 'unpaid' }));
    await deliver(
      stripeEvent(
        'checkout.session.async_payment_failed',
        await sessionFor(payment, { status: 'complete', payment_status: 'unpaid' }),
      ),
    );
    const failed = await paymentOf(deal.id);
    expect(failed.status).toBe('failed');
    expect((await getDeal(buyer.actor, deal.id)).actions.pay).toBe(true);
    await payDeal(buyer.actor, deal.id, { locale: 'en' });
    const retried = await paymentOf(deal.id);
    expect(retried.stripe.checkoutSessionId).toMatch(/^cs_/);
  });

  test('an event arriving before the one it depends on is deferred (409) and its claim released for the retry', async () => {
    const charge = {
      ...(await mockStripe().charges.retrieve('ch_test_early')),
      payment_intent: 'pi_never_seen',
      metadata: {},
    };
    const event = stripeEvent('charge.refunded', charge);
    const response = await deliver(event);
    expect(response.status).toBe(409);
    expect(await StripeEventClaim.exists({ _id: event.id })).toBeNull();
  });
});

test('processed event claims older than a month are purged; recent and unfinished ones stay', async () => {
  const old = new Date(Date.now() - 31 * 86_400_000);
  await StripeEventClaim.insertMany([
    { _id: 'evt_purge_old', type: 'x', claimedAt: old, processedAt: old },
    { _id: 'evt_purge_recent', type: 'x', claimedAt: new Date(), processedAt: new Date() },
    { _id: 'evt_purge_unfinished', type: 'x', claimedAt: old, processedAt: null },
  ]);
  await purgeStripeEventClaims();
  const left = await StripeEventClaim.find({ _id: /^evt_purge_/ }).lean();
  expect(left.map((c) => c._id).sort()).toEqual(['evt_purge_recent', 'evt_purge_unfinished']);
});

describe('refunds on cancellation', () => {
  async function paidDeal() {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    await deliver(await completed(payment));
    return { deal, payment: await paymentOf(deal.id) };
  }

  test('cancelling a deal paid through Stripe refunds it at Stripe; charge.refunded settles the refund', async () => {
    const { deal, payment } = await paidDeal();
    await cancelDeal(buyer.actor, deal.id, { reason: 'Both sides agreed' });
    await cancelDeal(seller.actor, deal.id, { reason: '' });
    expect((await dealOf(deal.id)).status).toBe('cancelled');
    const requested = await paymentOf(deal.id);
    // Watched until Stripe reports it settled.
    expect(await PaymentOpen.exists({ _id: requested._id })).not.toBeNull();
    expect(requested.refunds).toHaveLength(1);
    expect(requested.refunds[0]).toMatchObject({ status: 'pending', provider: 'stripe', amount: USD(250_000_00) });
    expect(requested.refunds[0]!.reference).toMatch(/^re_/);

    const charge = await mockStripe().charges.retrieve('ch_test_refunded');
    const refunded = {
      ...charge,
      payment_intent: payment.stripe.paymentIntentId,
      amount: 250_000_00,
      amount_refunded: 250_000_00,
      currency: 'usd',
      refunded: true,
    };
    expect((await deliver(stripeEvent('charge.refunded', refunded))).status).toBe(200);
    const after = await paymentOf(deal.id);
    expect(after.refunded).toBe(250_000_00);
    expect(after.refunds[0]!.status).toBe('succeeded');
    expect(after.payout).toBeNull();
    expect(await PaymentOpen.exists({ _id: after._id })).toBeNull();
    expect((await verifyLedger()).ok).toBe(true);
  });

  test('a partial refund made in Stripe is recorded as such, and an older report never lowers it', async () => {
    const { payment } = await paidDeal();
    const charge = await mockStripe().charges.retrieve('ch_test_partial');
    const report = (amount: number) =>
      stripeEvent('charge.refunded', {
        ...charge,
        payment_intent: payment.stripe.paymentIntentId,
        amount_refunded: amount,
        currency: 'usd',
      });
    await deliver(report(50_000_00));
    await deliver(report(20_000_00));
    const after = await paymentOf(payment.deal!);
    expect(after.refunded).toBe(50_000_00);
    expect(after.refunds.map((r) => r.amount.amount)).toEqual([50_000_00]);
    expect(after.status).toBe('succeeded');
  });

  test('money arriving for a cancelled deal is refunded at once and flagged', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    await cancelDeal(buyer.actor, deal.id, { reason: 'No longer needed' });
    await cancelDeal(seller.actor, deal.id, { reason: '' });
    expect((await paymentOf(deal.id)).status).toBe('cancelled');
    await deliver(await completed(payment));
    const after = await paymentOf(deal.id);
    expect(after.mismatch).toMatch(/cancelled/);
    expect(after.events.some((e) => e.type === 'late_payment_refunded')).toBe(true);
    expect((await dealOf(deal.id)).status).toBe('cancelled');
  });
});

describe('reconciliation', () => {
  test('a payment still open at Stripe after the configured time stays pending and is asked about again later', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    await PaymentOpen.updateOne({ _id: payment._id }, { $set: { since: new Date(Date.now() - 3 * 3600_000) } });
    // stripe-mock reports every session open and unpaid.
    await reconcilePayments();
    expect((await paymentOf(deal.id)).status).toBe('pending');
    const open = await PaymentOpen.findById(payment._id).lean();
    expect(open!.since.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  test('a missed webhook: the session Stripe reports as paid pays the deal, exactly as the event would', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    // What checkout.sessions.retrieve answers for a paid session (stripe-mock keeps no state to say so).
    await applySession(await sessionFor(payment, { status: 'complete', payment_status: 'paid' }), 'state');
    expect((await dealOf(deal.id)).status).toBe('paid');
    expect(await PaymentOpen.exists({ _id: payment._id })).toBeNull();
  });

  test('a Stripe refund reserved but never made (the process died) is made by the job, under its own id', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    await deliver(await completed(payment));
    const paid = await paymentOf(deal.id);
    const reserved = {
      id: `${paid._id}-RCRASH`,
      amount: USD(1_000_00),
      provider: 'stripe' as const,
      reference: null,
      status: 'pending' as const,
      reason: 'Partial refund agreed',
      by: null,
      at: new Date(),
    };
    await Payment.updateOne({ _id: paid._id }, { $push: { refunds: reserved } });
    await PaymentOpen.updateOne({ _id: paid._id }, { $set: { since: new Date(0) } }, { upsert: true });
    await reconcilePayments();
    const after = await paymentOf(deal.id);
    expect(after.refunds.find((r) => r.id === reserved.id)!.reference).toMatch(/^re_/);
    // Until Stripe reports the refund settled, the job keeps asking.
    expect(await PaymentOpen.exists({ _id: paid._id })).not.toBeNull();
  });

  test('a deal paid but whose step was interrupted is told again by the job', async () => {
    const deal = await dealAwaitingPayment();
    const payment = await openCheckout(deal.id);
    // The payment succeeded; the process died before the deal moved.
    await Payment.updateOne(
      { _id: payment._id },
      { $set: { status: 'succeeded', provider: 'stripe', paidAt: new Date() } },
    );
    await PaymentOpen.updateOne({ _id: payment._id }, { $set: { since: new Date(0) } });
    await reconcilePayments();
    expect((await dealOf(deal.id)).status).toBe('paid');
  });
});

test('a deal awaiting payment from before payments were recorded gets its payment record at start-up', async () => {
  const deal = await dealAwaitingPayment();
  await Payment.deleteOne({ deal: deal.id });
  await recordDuePayments();
  expect(await paymentOf(deal.id)).toMatchObject({ status: 'pending', amount: USD(250_000_00), purpose: 'deal' });
});

test('the operator confirming a bank transfer pays the deal with the offline provider', async () => {
  const deal = await dealAwaitingPayment();
  const operator: NonNullable<Actor> = { ...buyer.actor, organizationKind: 'operator', organizationId: 'op' };
  const { confirmPayment } = await import('../../server/deals/index.ts');
  await confirmPayment(operator, deal.id, { bankReference: 'ICBC-2026-1124-001' });
  expect((await dealOf(deal.id)).status).toBe('paid');
  expect(await paymentOf(deal.id)).toMatchObject({
    status: 'succeeded',
    provider: 'offline',
    offline: { bankReference: 'ICBC-2026-1124-001' },
  });
});
