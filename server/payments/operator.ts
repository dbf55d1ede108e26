import { can, type Actor } from '../auth/permissions.ts';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../errors.ts';
import { parseMajorUnits } from '../shared/money.ts';
import type { Currency } from '../vocabulary.ts';
import { logger } from '../logger.ts';
import { Payment, type PaymentDoc } from './model.ts';
import { reconcileOne } from './reconcile.ts';
import { refundPayment } from './refunds.ts';
import { recordSucceeded } from './settle.ts';
import { stripe, stripeConfigured } from './stripe/client.ts';
import type { PaymentListQuery, RefundInput } from './schemas.ts';
import { changePayment, findPayment, requirePayment } from './transition.ts';

// The operator's side of payments: every payment with its provider, state and
// Stripe ids (mismatches flagged), and the steps taken by hand — a bank
// transfer received, a payout made to a seller, a refund sent back.

// The forms' zod schemas live in ./schemas.ts (pure, for the pages too).
export { bankReferenceInput, paymentListQuery, refundInput, type PaymentListQuery } from './schemas.ts';

const PAGE_SIZE = 50;

/** What needs the operator: a mismatch, money owed back, a payout owed to the seller, a refund that failed. */
export function needsAttention(p: PaymentDoc): string[] {
  const reasons: string[] = [];
  if (p.mismatch) reasons.push('mismatch');
  if (p.refundDue !== null && p.refunded < p.refundDue) reasons.push('refund_due');
  if (p.status === 'succeeded' && p.payout?.status === 'pending') reasons.push('payout_due');
  if (p.refunds.some((r) => r.status === 'failed')) reasons.push('refund_failed');
  return reasons;
}

function requireOperator(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'payment:manage' })) throw forbidden();
}

/** The payments collection holds one document per deal or membership charge: small enough to read in pages. */
export async function listPayments(actor: Actor, query: PaymentListQuery) {
  requireOperator(actor);
  const filter = query.status ? { status: query.status } : {};
  const all = await Payment.find(filter).sort({ createdAt: -1 }).lean<PaymentDoc[]>();
  const rows = query.attention ? all.filter((p) => needsAttention(p).length > 0) : all;
  const page = rows.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE);
  return {
    payments: page.map((p) => ({ payment: p, attention: needsAttention(p) })),
    total: rows.length,
    page: query.page,
    pageSize: PAGE_SIZE,
  };
}

export async function getPaymentForOperator(actor: Actor, reference: string) {
  requireOperator(actor);
  const payment = await findPayment(reference);
  if (!payment) throw notFound('payment');
  return { payment, attention: needsAttention(payment) };
}

/**
 * The operator received a bank transfer for the payment. Any Checkout Session
 * still open for it is expired, so the buyer cannot pay twice.
 */
export async function recordOfflinePayment(actor: Actor, reference: string, input: { bankReference: string | null }) {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'deal:confirm_payment' }) && !can(actor, { action: 'payment:manage' })) throw forbidden();
  const before = await requirePayment(reference);
  const { payment } = await recordSucceeded(reference, {
    provider: 'offline',
    by: actor.userId,
    note: input.bankReference,
    offline: { by: actor.userId, at: new Date(), bankReference: input.bankReference },
  });
  const session = before.stripe.checkoutSessionId;
  if (session && stripeConfigured() && payment.provider === 'offline') {
    await stripe()
      .checkout.sessions.expire(session)
      .catch((error: unknown) => logger.warn({ err: error, payment: reference }, 'Checkout Session not expired'));
  }
  return payment;
}

/** The operator paid the seller's share by bank transfer (sellers without a connected Stripe account). */
export async function recordPayout(actor: Actor, reference: string, input: { bankReference: string | null }) {
  requireOperator(actor);
  const { payment } = await changePayment(reference, (p) => {
    if (p.payout?.status === 'paid') return null;
    if (p.status !== 'succeeded' || p.payout?.method !== 'offline') throw conflict('errors.payments.noPayoutDue');
    return {
      type: 'payout_recorded',
      by: actor.userId,
      note: input.bankReference,
      set: {
        payout: { ...p.payout, status: 'paid', reference: input.bankReference, by: actor.userId, at: new Date() },
      },
    };
  });
  return payment;
}

/**
 * The operator refunds (part of) a payment, as typed on its page: `amount` in
 * major units of the payment's currency (empty: all that is left); through
 * Stripe, or by recording the bank transfer back.
 */
export async function refundByOperator(actor: Actor, reference: string, input: RefundInput) {
  requireOperator(actor);
  const payment = await requirePayment(reference);
  return refundPayment(reference, {
    amount: minorUnitsOf(input.amount, payment.amount.currency),
    reason: input.reason,
    bankReference: input.bankReference,
    by: actor.userId,
  });
}

function minorUnitsOf(text: string | undefined, currency: Currency): number | undefined {
  if (!text) return undefined;
  const amount = parseMajorUnits(text, currency);
  // Zero is no refund: said as a bad amount, not as one too large.
  if (amount === null || amount === 0) throw invalid({ amount: ['errors.payments.badAmount'] });
  return amount;
}

/** The operator asks Stripe now instead of waiting for the job. */
export async function reconcileByOperator(actor: Actor, reference: string) {
  requireOperator(actor);
  await requirePayment(reference);
  await reconcileOne(reference);
  return requirePayment(reference);
}
