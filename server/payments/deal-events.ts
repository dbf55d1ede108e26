import type Stripe from 'stripe';
import { logger } from '../logger.ts';
import { referenceOf, stripeIdsOf } from './deal-payments.ts';
import { refundLatePayment, applyStripeRefunds } from './refunds.ts';
import { linkStripeIds, recordFailed, recordProcessing, recordSucceeded } from './settle.ts';
import { fromStripeAmount } from './stripe/amounts.ts';
import { RetryLater, type StripeEventHandlers } from './stripe/handlers.ts';
import { changePayment, requirePayment } from './transition.ts';

// What Stripe's events about a deal's payment do. A deal becomes paid only
// here (a verified event), by the reconciliation job asking Stripe, or by an
// operator confirming a bank transfer.

/** Applies a Checkout Session's state to its payment: from its events and from the reconciliation job alike. */
export async function applySession(
  session: Stripe.Checkout.Session,
  reported: 'completed' | 'succeeded' | 'failed' | 'expired' | 'state',
) {
  const reference = await referenceOf(session.metadata, session.id);
  if (!reference) {
    logger.warn({ session: session.id }, 'Checkout Session of no payment of ours');
    return;
  }
  const ids = stripeIdsOf(session);
  await linkStripeIds(reference, [ids.checkoutSessionId, ids.paymentIntentId]);
  const payment = await requirePayment(reference);
  const received =
    session.amount_total !== null && session.currency ? fromStripeAmount(session.amount_total, session.currency) : null;
  if (received && (received.amount !== payment.amount.amount || received.currency !== payment.amount.currency)) {
    // Never marks a deal paid for a different sum: the operator looks at it.
    const note = `Checkout ${session.id} was for ${received.amount} ${received.currency}, expected ${payment.amount.amount} ${payment.amount.currency}`;
    await changePayment(reference, (p) =>
      p.mismatch === note ? null : { type: 'mismatch', note, set: { mismatch: note } },
    );
    return;
  }
  if (reported === 'failed') {
    await recordFailed(reference, { provider: 'stripe', by: null, note: session.id, stripe: ids });
    return;
  }
  if (reported === 'expired' || session.status === 'expired') {
    await changePayment(reference, (p) =>
      p.stripe.checkoutSessionId === session.id && p.status === 'pending'
        ? {
            type: 'checkout_expired',
            note: session.id,
            set: { stripe: { ...p.stripe, checkoutSessionId: null, checkoutUrl: null, checkoutExpiresAt: null } },
          }
        : null,
    );
    return;
  }
  if (session.status !== 'complete') return;
  if (
    session.payment_status === 'paid' ||
    session.payment_status === 'no_payment_required' ||
    reported === 'succeeded'
  ) {
    const { late } = await recordSucceeded(reference, { provider: 'stripe', by: null, note: session.id, stripe: ids });
    if (late) await refundLatePayment(reference, ids.paymentIntentId);
  } else {
    // Complete but unpaid: an asynchronous method (bank transfer) is settling.
    await recordProcessing(reference, { provider: 'stripe', by: null, note: session.id, stripe: ids });
  }
}

const sessionOf = (event: Stripe.Event) => event.data.object as Stripe.Checkout.Session;

export const dealPaymentEventHandlers: StripeEventHandlers = {
  'checkout.session.completed': (event) => applySession(sessionOf(event), 'completed'),
  'checkout.session.async_payment_succeeded': (event) => applySession(sessionOf(event), 'succeeded'),
  'checkout.session.async_payment_failed': (event) => applySession(sessionOf(event), 'failed'),
  'checkout.session.expired': (event) => applySession(sessionOf(event), 'expired'),
  // A card declined inside Checkout leaves the session open for another try: noted; only a settling payment fails.
  'payment_intent.payment_failed': async (event) => {
    const intent = event.data.object as Stripe.PaymentIntent;
    const reference = await referenceOf(intent.metadata, intent.id);
    if (!reference) return;
    const reason = intent.last_payment_error?.message ?? intent.last_payment_error?.code ?? 'payment failed';
    const payment = await requirePayment(reference);
    if (payment.status === 'processing') {
      await recordFailed(reference, {
        provider: 'stripe',
        by: null,
        note: reason,
        stripe: { paymentIntentId: intent.id },
      });
    } else if (payment.status === 'pending') {
      await changePayment(reference, (p) =>
        p.events.some((e) => e.type === 'attempt_failed' && e.note === `${intent.id}: ${reason}`)
          ? null
          : { type: 'attempt_failed', note: `${intent.id}: ${reason}`, set: {} },
      );
    }
  },
  'charge.refunded': async (event) => {
    const charge = event.data.object as Stripe.Charge;
    const intent =
      typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? null);
    const reference = await referenceOf(charge.metadata, intent, charge.id);
    // Its payment's own events (which link the payment intent) have not arrived yet.
    if (!reference) throw new RetryLater(`charge ${charge.id} of no known payment yet`);
    await linkStripeIds(reference, [charge.id]);
    await applyStripeRefunds(reference, charge);
  },
  'charge.refund.updated': async (event) => {
    const refund = event.data.object as Stripe.Refund;
    const intent =
      typeof refund.payment_intent === 'string' ? refund.payment_intent : (refund.payment_intent?.id ?? null);
    const reference = await referenceOf(refund.metadata, intent);
    if (!reference) return;
    if (refund.status === 'failed' || refund.status === 'canceled') {
      await changePayment(reference, (p) => {
        const ours = p.refunds.find((r) => r.reference === refund.id || r.id === refund.metadata?.refund);
        if (!ours || ours.status !== 'pending') return null;
        return {
          type: 'refund_failed',
          note: refund.failure_reason ?? refund.status,
          set: { refunds: p.refunds.map((r) => (r === ours ? { ...r, status: 'failed' as const } : r)) },
        };
      });
    }
  },
};
