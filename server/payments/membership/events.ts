import type Stripe from 'stripe';
import { insertOnce } from '../../db/insert-once.ts';
import { logger } from '../../logger.ts';
import { Organization, type OrganizationDoc } from '../../orgs/index.ts';
import { NO_STRIPE_IDS, Payment, StripeLink, type PaymentDoc } from '../model.ts';
import { sendReceipt } from '../receipts.ts';
import { fromStripeAmount } from '../stripe/amounts.ts';
import type { StripeEventHandlers } from '../stripe/handlers.ts';
import { MembershipPlan, type MembershipPlanDoc, type MembershipStatus, type PlanRef } from './model.ts';
import { nameOf } from './invoices.ts';
import { OBJECT_ID } from './schemas.ts';
import { changeMembership, isNewer } from './state.ts';

// What Stripe tells us about membership subscriptions. The organization and
// plan travel in the metadata our Checkout Session gave the subscription (and
// Stripe copies onto each of its invoices), so every event names its
// membership itself and they may arrive in any order: `paidThrough` only moves
// forward, and a status is set only by news at least as recent as what set it.
// Handlers write to our database only (no calls to Stripe).

interface Target {
  organization: string;
  plan: PlanRef | null;
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === 'string' ? value : (value?.id ?? null);

const happened = (event: Stripe.Event) => new Date(event.created * 1000);

async function targetOf(metadata: Stripe.Metadata | null | undefined, event: Stripe.Event): Promise<Target | null> {
  const organization = metadata?.organization;
  if (!organization || !OBJECT_ID.test(organization)) {
    // Not one of our membership subscriptions (made in Stripe's dashboard, or another product).
    logger.warn({ event: event.id, type: event.type }, 'Stripe membership event without our organization; ignored');
    return null;
  }
  const planId = metadata?.plan;
  const plan =
    planId && OBJECT_ID.test(planId) ? await MembershipPlan.findById(planId).lean<MembershipPlanDoc>() : null;
  return { organization, plan: plan ? { id: plan._id, name: plan.name } : null };
}

/** The organization and plan of an invoice's subscription, from the metadata snapshot Stripe put on it. */
const invoiceTarget = (invoice: Stripe.Invoice, event: Stripe.Event) =>
  targetOf(invoice.parent?.subscription_details?.metadata, event);

/** The end of the period an invoice bills (the latest of its lines). */
function periodEnd(invoice: Stripe.Invoice): Date | null {
  const ends = invoice.lines.data.map((line) => line.period.end);
  return ends.length > 0 ? new Date(Math.max(...ends) * 1000) : null;
}

/** A reference our bank-transfer forms accept: `MEM-` and the invoice id in capitals (`in_1Ab` → `MEM-IN-1AB`). */
const referenceFor = (invoiceId: string) => `MEM-${invoiceId.replace(/_/g, '-').toUpperCase()}`;

/** The paid invoice as a membership Payment, so receipts and the operator's payments page list it. */
async function recordInvoicePayment(event: Stripe.Event, invoice: Stripe.Invoice, target: Target): Promise<void> {
  // A trial's zero invoice (paid up by bank transfer before subscribing) is no payment.
  if (invoice.amount_paid === 0) return;
  const amount = fromStripeAmount(invoice.amount_paid, invoice.currency);
  const organization = await Organization.findById(target.organization).lean<OrganizationDoc>();
  if (!amount || !organization) {
    logger.warn({ event: event.id, invoice: invoice.id }, 'membership invoice not recorded as a payment');
    return;
  }
  const reference = referenceFor(invoice.id!);
  const paidAt = new Date((invoice.status_transitions.paid_at ?? event.created) * 1000);
  const now = new Date();
  const payment = {
    _id: reference,
    purpose: 'membership',
    payer: { organization: target.organization, name: nameOf(organization) },
    payee: null,
    description: target.plan?.name ?? { zh: '联盟会员费', en: 'Alliance membership fee' },
    amount,
    provider: 'stripe',
    status: 'succeeded',
    stripe: {
      ...NO_STRIPE_IDS,
      invoiceId: invoice.id!,
      customerId: idOf(invoice.customer),
      subscriptionId: idOf(invoice.parent?.subscription_details?.subscription),
    },
    events: [{ at: now, type: 'stripe_invoice_paid', by: null, note: event.id }],
    createdAt: now,
    updatedAt: now,
    paidAt,
  };
  const { doc, created } = await insertOnce(Payment, { _id: reference }, payment);
  await insertOnce(StripeLink, { _id: invoice.id }, { _id: invoice.id, payment: reference });
  if (created) await sendReceipt(doc as unknown as PaymentDoc);
}

/** Our status for a subscription's; null: says nothing about membership yet (incomplete). */
function statusOf(subscription: Stripe.Subscription): MembershipStatus | null {
  switch (subscription.status) {
    case 'active':
    case 'trialing':
      return 'active';
    case 'past_due':
    case 'unpaid':
    case 'paused':
      return 'past_due';
    case 'canceled':
    case 'incomplete_expired':
      return 'cancelled';
    default:
      return null;
  }
}

async function onSubscriptionChanged(event: Stripe.Event): Promise<void> {
  const subscription = event.data.object as Stripe.Subscription;
  const target = await targetOf(subscription.metadata, event);
  if (!target) return;
  const at = happened(event);
  const status = event.type === 'customer.subscription.deleted' ? 'cancelled' : statusOf(subscription);
  await changeMembership(target.organization, (membership) => {
    // A replaced subscription's news is old news, unless it is a live one taking over.
    const current = !membership.subscriptionId || membership.subscriptionId === subscription.id;
    if (!status || !isNewer(membership, at) || (!current && status !== 'active')) return null;
    return {
      status,
      statusAt: at,
      provider: 'stripe',
      subscriptionId: subscription.id,
      cancelAtPeriodEnd: status !== 'cancelled' && subscription.cancel_at_period_end,
      ...(target.plan ? { plan: target.plan } : {}),
    };
  });
}

export const membershipEventHandlers: StripeEventHandlers = {
  /** The owner finished Checkout: the subscription is the organization's (paid or about to be). */
  'checkout.session.completed': async (event) => {
    const session = event.data.object as Stripe.Checkout.Session;
    const target = await targetOf(session.metadata, event);
    const subscriptionId = idOf(session.subscription);
    if (!target || !subscriptionId) return;
    const at = happened(event);
    await changeMembership(target.organization, (membership) => {
      if (!isNewer(membership, at)) return membership.subscriptionId ? null : { subscriptionId };
      return {
        subscriptionId,
        provider: 'stripe',
        checkout: null,
        cancelAtPeriodEnd: false,
        ...(target.plan ? { plan: target.plan } : {}),
        ...(session.payment_status !== 'unpaid' ? { status: 'active' as const, statusAt: at } : {}),
      };
    });
  },

  /** A year paid: the membership runs to the end of the invoiced period. */
  'invoice.paid': async (event) => {
    const invoice = event.data.object as Stripe.Invoice;
    const target = await invoiceTarget(invoice, event);
    const end = periodEnd(invoice);
    if (!target || !end || !invoice.id) return;
    await recordInvoicePayment(event, invoice, target);
    const at = happened(event);
    const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
    await changeMembership(target.organization, (membership) => {
      const forward = !membership.paidThrough || end > membership.paidThrough;
      const current = !membership.subscriptionId || membership.subscriptionId === subscriptionId;
      const activate = current && isNewer(membership, at) && membership.status !== 'active';
      if (!forward && !activate) return null;
      return {
        ...(forward ? { paidThrough: end } : {}),
        ...(activate ? { status: 'active' as const, statusAt: at, provider: 'stripe' as const } : {}),
        ...(membership.subscriptionId ? {} : { subscriptionId }),
        ...(target.plan && forward ? { plan: target.plan } : {}),
      };
    });
  },

  /** A renewal failed: past due, unless that period is paid already (a retry's success arrived first). */
  'invoice.payment_failed': async (event) => {
    const invoice = event.data.object as Stripe.Invoice;
    const target = await invoiceTarget(invoice, event);
    const end = periodEnd(invoice);
    if (!target || !end) return;
    const at = happened(event);
    const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
    await changeMembership(target.organization, (membership) => {
      const paid = membership.paidThrough !== null && end <= membership.paidThrough;
      const current = !membership.subscriptionId || membership.subscriptionId === subscriptionId;
      if (paid || !current || !isNewer(membership, at)) return null;
      return { status: 'past_due', statusAt: at };
    });
  },

  'customer.subscription.created': onSubscriptionChanged,
  'customer.subscription.updated': onSubscriptionChanged,
  'customer.subscription.deleted': onSubscriptionChanged,
};
