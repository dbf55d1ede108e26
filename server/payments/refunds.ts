import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import { conflict, invalid } from '../errors.ts';
import { logger } from '../logger.ts';
import type { PaymentDoc, StoredRefund } from './model.ts';
import { PaymentOpen } from './model.ts';
import { sendReceipt } from './receipts.ts';
import { closeIfSettled } from './settle.ts';
import { fromStripeAmount, toStripeAmount } from './stripe/amounts.ts';
import { stripe } from './stripe/client.ts';
import { changePayment, requirePayment } from './transition.ts';

// Refunds go back through the provider that took the money: a Stripe refund
// (reversing the transfer to the seller and the platform fee with it), or a
// bank transfer the operator makes and records. A refund is first reserved on
// the payment (a guarded write, so two refunds can never together exceed what
// was paid), then made at Stripe under the refund's id as idempotency key.

/** What may still be refunded: paid, less refunds made or under way. */
export function refundable(p: PaymentDoc): number {
  if (p.status !== 'succeeded') return 0;
  const underWay = p.refunds.filter((r) => r.status === 'pending').reduce((sum, r) => sum + r.amount.amount, 0);
  return p.amount.amount - p.refunded - underWay;
}

export interface RefundRequest {
  /** Minor units in the payment's currency; absent: all that is left. */
  amount?: number;
  reason: string;
  by: string | null;
  /** For a payment taken offline: the bank reference of the transfer back. */
  bankReference?: string | null;
}

export async function refundPayment(
  reference: string,
  request: RefundRequest,
): Promise<{ payment: PaymentDoc; refund: StoredRefund }> {
  const id = `${reference}-R${randomBytes(3).toString('hex').toUpperCase()}`;
  let refund: StoredRefund | undefined;
  const { payment } = await changePayment(reference, (p) => {
    if (p.status !== 'succeeded' || !p.provider) throw conflict('errors.payments.notRefundable');
    if (p.provider === 'stripe' && !p.stripe.paymentIntentId) throw conflict('errors.payments.notRefundable');
    const left = refundable(p);
    const amount = request.amount ?? left;
    if (amount <= 0 || amount > left) throw invalid({ amount: ['errors.payments.refundTooLarge'] });
    const offline = p.provider === 'offline';
    refund = {
      id,
      amount: { amount, currency: p.amount.currency },
      provider: p.provider,
      reference: offline ? (request.bankReference ?? null) : null,
      status: offline ? 'succeeded' : 'pending',
      reason: request.reason,
      by: request.by,
      at: new Date(),
    };
    const refunded = offline ? p.refunded + amount : p.refunded;
    return {
      type: offline ? 'refund_recorded' : 'refund_requested',
      by: request.by,
      note: `${id}: ${request.reason}`,
      set: { refunds: [...p.refunds, refund], ...afterRefunds(p, refunded) },
    };
  });
  if (refund!.provider === 'stripe') {
    // Watched by the reconciliation job until Stripe reports it settled (a lost webhook strands no refund).
    await PaymentOpen.updateOne({ _id: reference }, { $set: { since: new Date() } }, { upsert: true });
    return makeStripeRefund(payment, refund!);
  }
  logger.info({ payment: reference, refund: id }, 'offline refund recorded');
  await sendReceipt(payment, refund!.id);
  return { payment, refund: refund! };
}

/** The refunded total's consequences: what is still owed back, and the seller's payout when all was refunded. */
function afterRefunds(p: PaymentDoc, refunded: number): Partial<PaymentDoc> {
  const all = refunded >= p.amount.amount;
  return {
    refunded,
    refundDue: p.refundDue === null || refunded >= p.refundDue ? null : p.refundDue,
    payout:
      all && p.payout
        ? p.payout.status === 'pending'
          ? null
          : { ...p.payout, status: p.payout.method === 'stripe_transfer' ? 'reversed' : p.payout.status }
        : p.payout,
  };
}

async function makeStripeRefund(payment: PaymentDoc, refund: StoredRefund) {
  try {
    const made = await stripe().refunds.create(
      {
        payment_intent: payment.stripe.paymentIntentId!,
        amount: toStripeAmount(refund.amount).amount,
        reason: 'requested_by_customer',
        metadata: { payment: payment._id, refund: refund.id },
        ...(payment.stripe.destination && { reverse_transfer: true, refund_application_fee: true }),
      },
      { idempotencyKey: `refund:${refund.id}` },
    );
    const { payment: after } = await changePayment(payment._id, (p) => ({
      type: 'refund_created',
      note: `${refund.id}: ${made.id}`,
      set: { refunds: p.refunds.map((r) => (r.id === refund.id ? { ...r, reference: made.id } : r)) },
    }));
    logger.info({ payment: payment._id, refund: refund.id, stripe: made.id }, 'Stripe refund created');
    // Settled (and counted) by the charge.refunded event, whatever Stripe answered here.
    return { payment: after, refund: { ...refund, reference: made.id } };
  } catch (error) {
    logger.error({ err: error, payment: payment._id, refund: refund.id }, 'Stripe refund failed');
    await changePayment(payment._id, (p) => ({
      type: 'refund_failed',
      note: `${refund.id}: ${error instanceof Error ? error.message : 'Stripe error'}`,
      set: { refunds: p.refunds.map((r) => (r.id === refund.id ? { ...r, status: 'failed' as const } : r)) },
    }));
    throw conflict('errors.payments.refundFailed');
  }
}

/**
 * A charge's refunds as Stripe reports them (`amount_refunded` is cumulative,
 * so an older report never lowers the total): our refunds under way are
 * settled in order, and a refund made in Stripe's dashboard is recorded too.
 */
export async function applyStripeRefunds(reference: string, charge: Stripe.Charge): Promise<void> {
  const total = fromStripeAmount(charge.amount_refunded, charge.currency);
  if (!total) return;
  const { payment, before, changed } = await changePayment(reference, (p) => {
    if (total.currency !== p.amount.currency || total.amount <= p.refunded) return null;
    let counted = p.refunded;
    const refunds = p.refunds.map((r) => {
      if (r.provider !== 'stripe' || r.status !== 'pending' || counted + r.amount.amount > total.amount) return r;
      counted += r.amount.amount;
      return { ...r, status: 'succeeded' as const };
    });
    if (counted < total.amount) {
      refunds.push({
        id: `${reference}-R${charge.id.slice(-6).toUpperCase()}${refunds.length}`,
        amount: { amount: total.amount - counted, currency: total.currency },
        provider: 'stripe',
        reference: charge.id,
        status: 'succeeded',
        reason: 'refunded at Stripe',
        by: null,
        at: new Date(),
      });
    }
    return {
      type: 'refunded',
      note: `${charge.id}: ${total.amount}`,
      set: {
        refunds,
        stripe: { ...p.stripe, chargeId: p.stripe.chargeId ?? charge.id },
        ...afterRefunds(p, total.amount),
      },
    };
  });
  if (!changed) return;
  await closeIfSettled(payment);
  const settledBefore = new Set(before.refunds.filter((r) => r.status === 'succeeded').map((r) => r.id));
  for (const r of payment.refunds) {
    if (r.status === 'succeeded' && !settledBefore.has(r.id)) await sendReceipt(payment, r.id);
  }
}

/** Stripe money for a payment already paid otherwise or cancelled goes straight back, whole. */
export async function refundLatePayment(reference: string, paymentIntentId: string | null): Promise<void> {
  if (!paymentIntentId) return;
  const made = await stripe().refunds.create(
    { payment_intent: paymentIntentId, reason: 'duplicate', metadata: { payment: reference, late: 'true' } },
    { idempotencyKey: `late:${paymentIntentId}` },
  );
  await changePayment(reference, (p) =>
    p.events.some((e) => e.type === 'late_payment_refunded' && e.note === made.id)
      ? null
      : { type: 'late_payment_refunded', note: made.id, set: {} },
  );
  logger.warn({ payment: reference, intent: paymentIntentId, refund: made.id }, 'late Stripe payment refunded');
}

/**
 * The deal was cancelled: an unpaid payment is cancelled (its open Checkout
 * expired); a paid one is refunded in full through Stripe, or marked as owed
 * back for the operator to transfer and record.
 */
export async function settleCancelledDeal(reference: string, by: string | null, reason: string): Promise<void> {
  const payment = await requirePayment(reference);
  if (payment.status === 'succeeded') {
    if (refundable(payment) <= 0) return;
    if (payment.provider === 'stripe') {
      await refundPayment(reference, { reason, by });
      return;
    }
    await changePayment(reference, (p) =>
      p.refundDue !== null
        ? null
        : { type: 'refund_due', by, note: reason, set: { refundDue: refundable(p) + p.refunded } },
    );
    return;
  }
  const { payment: after, changed } = await changePayment(reference, (p) =>
    p.status === 'cancelled' || p.status === 'succeeded'
      ? null
      : { type: 'cancelled', by, note: reason, set: { status: 'cancelled' } },
  );
  if (changed && after.stripe.checkoutSessionId) {
    await stripe()
      .checkout.sessions.expire(after.stripe.checkoutSessionId)
      .catch((error: unknown) => logger.warn({ err: error, payment: reference }, 'Checkout Session not expired'));
  }
}

/**
 * The reconciliation of a payment's Stripe refunds: one reserved but never
 * made (the process died before the call) is made now under its own id, and
 * the charge's refunds are read back as `charge.refunded` would report them.
 */
export async function reconcileRefunds(payment: PaymentDoc): Promise<void> {
  const pending = payment.refunds.filter((r) => r.provider === 'stripe' && r.status === 'pending');
  for (const refund of pending.filter((r) => r.reference === null)) {
    // Marked failed (and shown to the operator) when Stripe refuses it.
    await makeStripeRefund(payment, refund).catch(() => undefined);
  }
  if (pending.length > 0 && payment.stripe.paymentIntentId) {
    const intent = await stripe().paymentIntents.retrieve(payment.stripe.paymentIntentId, {
      expand: ['latest_charge'],
    });
    if (intent.latest_charge && typeof intent.latest_charge !== 'string') {
      await applyStripeRefunds(payment._id, intent.latest_charge);
    }
  }
  const after = await requirePayment(payment._id);
  await closeIfSettled(after);
}
