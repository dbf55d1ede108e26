import { can, type Actor } from '../auth/permissions.ts';
import { notFound, unauthorized } from '../errors.ts';
import { logger } from '../logger.ts';
import { notifyOrganization } from '../notifications/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { formatMajorUnits, type Money } from '../shared/money.ts';
import type { PaymentDoc, PaymentParty, PaymentProviderKind, StoredRefund } from './model.ts';
import { findPayment } from './transition.ts';

// Receipts: what the payer (and, for a deal, the seller) keeps as proof of a
// payment received or a refund sent back. Only money that actually moved has
// one: a succeeded payment, a succeeded refund. Each is a page
// (/receipts/:reference, /receipts/:reference/refunds/:refundId) and a mail
// pointing to it.

export interface ReceiptView {
  /** The receipt's number: the payment's reference, or the refund's id. */
  number: string;
  kind: 'payment' | 'refund';
  reference: string;
  /** When the money moved (ISO). */
  date: string;
  purpose: PaymentDoc['purpose'];
  /** The deal the payment is for (its page /deals/:id); null for a membership fee. */
  dealId: string | null;
  description: Bilingual;
  payer: PaymentParty;
  /** Null: the alliance itself (membership fees). */
  payee: PaymentParty | null;
  amount: Money;
  /** The platform fee and the seller's share (deals). */
  fee: Money | null;
  net: Money | null;
  provider: PaymentProviderKind;
  /** Stripe's charge (or payment intent), or the bank reference of the transfer. */
  providerReference: string | null;
  /** For a refund receipt: the refund itself. */
  refund: { amount: Money; reason: string; providerReference: string | null } | null;
  /** Refunded of this payment so far. */
  refunded: Money;
}

const resourceOf = (p: PaymentDoc) => ({
  payerOrganizationId: p.payer.organization,
  payeeOrganizationId: p.payee?.organization ?? null,
});

/** The receipt's refund: one that succeeded; null when none with that id did. */
const succeededRefund = (p: PaymentDoc, refundId: string): StoredRefund | null =>
  p.refunds.find((r) => r.id === refundId && r.status === 'succeeded') ?? null;

const hasReceipt = (p: PaymentDoc): p is PaymentDoc & { provider: PaymentProviderKind; paidAt: Date } =>
  p.status === 'succeeded' && p.provider !== null && p.paidAt !== null;

function providerReferenceOf(p: PaymentDoc): string | null {
  if (p.provider === 'stripe') return p.stripe.chargeId ?? p.stripe.paymentIntentId;
  return p.offline?.bankReference ?? null;
}

/** A receipt for the payment's parties and the operators; to anyone else, as for a receipt that does not exist: not found. */
export async function getReceipt(actor: Actor, reference: string, refundId?: string): Promise<ReceiptView> {
  if (!actor) throw unauthorized();
  const payment = await findPayment(reference);
  if (!payment || !can(actor, { action: 'payment:view', payment: resourceOf(payment) })) throw notFound('receipt');
  if (!hasReceipt(payment)) throw notFound('receipt');
  const refund = refundId === undefined ? null : succeededRefund(payment, refundId);
  if (refundId !== undefined && !refund) throw notFound('receipt');
  return {
    number: refund?.id ?? payment._id,
    kind: refund ? 'refund' : 'payment',
    reference: payment._id,
    date: (refund?.at ?? payment.paidAt).toISOString(),
    purpose: payment.purpose,
    dealId: payment.deal,
    description: payment.description,
    payer: payment.payer,
    payee: payment.payee,
    amount: payment.amount,
    fee: payment.fee,
    net: payment.net,
    provider: payment.provider,
    providerReference: providerReferenceOf(payment),
    refund: refund && { amount: refund.amount, reason: refund.reason, providerReference: refund.reference },
    refunded: { amount: payment.refunded, currency: payment.amount.currency },
  };
}

/** One text for both languages' notifications: the currency code and the amount in major units. */
/** An amount as mail text shows it in either language: `CNY 1234.56`. */
export const amountText = (m: Money) => `${m.currency} ${formatMajorUnits(m.amount, m.currency)}`;

/**
 * Tells the payer's organization (and for a deal the seller's) that a receipt
 * is ready: for the payment, or with `refundId` for that refund. Call it once
 * the payment or the refund has succeeded; anything else (and any failure) is
 * logged, never thrown, so the step that called it stands.
 */
export async function sendReceipt(payment: PaymentDoc, refundId?: string): Promise<void> {
  try {
    const refund = refundId === undefined ? null : succeededRefund(payment, refundId);
    if (!hasReceipt(payment) || (refundId !== undefined && !refund)) {
      logger.warn({ payment: payment._id, refund: refundId }, 'no receipt to send: not succeeded');
      return;
    }
    const n = {
      type: refund ? 'payment.refund_receipt' : 'payment.receipt',
      params: {
        reference: payment._id,
        amount: amountText(refund?.amount ?? payment.amount),
        description_zh: payment.description.zh ?? '',
        description_en: payment.description.en ?? '',
      },
      link: refund ? `/receipts/${payment._id}/refunds/${refund.id}` : `/receipts/${payment._id}`,
    };
    const organizations = [payment.payer.organization, payment.payee?.organization].filter((o): o is string => !!o);
    const results = await Promise.allSettled(organizations.map((org) => notifyOrganization(org, n)));
    for (const r of results) {
      if (r.status === 'rejected') logger.error({ err: r.reason, payment: payment._id }, 'receipt notification failed');
    }
  } catch (error) {
    logger.error({ err: error, payment: payment._id, refund: refundId }, 'receipt not sent');
  }
}
