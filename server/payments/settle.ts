import { logger } from '../logger.ts';
import { platformFee } from './fees.ts';
import { sendReceipt } from './receipts.ts';
import { PaymentOpen, StripeLink, type PaymentDoc, type PaymentProviderKind, type StripeIds } from './model.ts';
import { changePayment } from './transition.ts';

// How a payment's state moves when money arrives, settles or fails, whoever
// reports it (a webhook, the reconciliation job, the operator). States only move
// forward, so repeated and out-of-order reports are harmless:
// pending → processing → succeeded, and pending | processing → failed → (a new
// attempt) pending. Money that arrives for a payment that is already paid or
// cancelled is not lost: it is recorded as a mismatch for the operator (and
// Stripe money refunded by ./refunds.ts).

type Listener = (payment: PaymentDoc) => Promise<void>;
const listeners: Listener[] = [];

/**
 * Told when a payment succeeded (the deals module marks the deal paid). Unlike
 * a change feed a failure propagates: the payment stays in `payments_open` and
 * the reconciliation job tells the listeners again.
 */
export function onPaymentSucceeded(listener: Listener): void {
  listeners.push(listener);
}

export interface Report {
  provider: PaymentProviderKind;
  /** The user who reported it (an operator); null for the provider's own report. */
  by: string | null;
  note?: string | null;
  stripe?: Partial<StripeIds>;
  offline?: PaymentDoc['offline'];
}

/** Links each Stripe id to the payment, so later events naming only that object find it. */
export async function linkStripeIds(reference: string, ids: (string | null | undefined)[]): Promise<void> {
  await Promise.all(
    ids
      .filter((id): id is string => Boolean(id))
      .map((id) => StripeLink.updateOne({ _id: id }, { $set: { payment: reference } }, { upsert: true })),
  );
}

/**
 * The money is in. Returns the payment, whether this report is the one that
 * recorded it, and `late` when it came for a payment already settled otherwise.
 */
export async function recordSucceeded(
  reference: string,
  report: Report,
): Promise<{ payment: PaymentDoc; late: boolean; changed: boolean }> {
  let late = false;
  const { payment, changed } = await changePayment(reference, (p) => {
    if (p.status === 'succeeded' && p.provider === report.provider) return null;
    if (p.status === 'succeeded' || p.status === 'cancelled') {
      late = true;
      const note = `${report.provider} payment for a payment already ${p.status === 'cancelled' ? 'cancelled' : `paid by ${p.provider}`}`;
      if (p.mismatch === note) return null;
      return { type: 'late_payment', by: report.by, note, set: { mismatch: note } };
    }
    const split = p.purpose === 'deal' && p.payee ? platformFee(p.amount) : null;
    return {
      type: 'succeeded',
      by: report.by,
      note: report.note ?? null,
      set: {
        status: 'succeeded',
        provider: report.provider,
        paidAt: new Date(),
        fee: p.fee ?? split?.fee ?? null,
        net: p.net ?? split?.net ?? null,
        stripe: { ...p.stripe, ...report.stripe },
        offline: report.offline ?? p.offline,
        payout: p.payout ?? payoutAfterPayment(p, report, split?.net ?? null),
      },
    };
  });
  if (changed && !late) {
    logger.info({ payment: reference, provider: report.provider }, 'payment succeeded');
    // Here, not in tellSucceeded: the reconciliation job tells the listeners again, the receipt goes once.
    await sendReceipt(payment);
  }
  if (!late) await tellSucceeded(payment);
  return { payment, late, changed: changed && !late };
}

/** Funds routed to the seller's connected account are paid out by Stripe; otherwise the operator owes the seller. */
function payoutAfterPayment(p: PaymentDoc, report: Report, net: PaymentDoc['net']): PaymentDoc['payout'] {
  if (!p.payee || !net) return null;
  const destination = report.stripe?.destination ?? p.stripe.destination;
  return report.provider === 'stripe' && destination
    ? { method: 'stripe_transfer', amount: net, reference: destination, status: 'paid', by: null, at: new Date() }
    : { method: 'offline', amount: net, reference: null, status: 'pending', by: null, at: new Date() };
}

/** Tells the listeners, then drops the payment from the open set; a failure leaves it there for the job. */
export async function tellSucceeded(payment: PaymentDoc): Promise<void> {
  for (const listener of listeners) await listener(payment);
  await closeIfSettled(payment);
}

/** A succeeded payment leaves the open set once no Stripe refund of it is under way (those are reconciled too). */
export async function closeIfSettled(payment: PaymentDoc): Promise<void> {
  const refunding = payment.refunds.some((r) => r.provider === 'stripe' && r.status === 'pending');
  if (!refunding) await PaymentOpen.deleteOne({ _id: payment._id });
}

/** An asynchronous method (a bank transfer through Stripe) was started: the money is on its way. */
export async function recordProcessing(reference: string, report: Report): Promise<PaymentDoc> {
  const { payment } = await changePayment(reference, (p) =>
    p.status === 'pending' || p.status === 'failed'
      ? {
          type: 'processing',
          by: report.by,
          note: report.note ?? null,
          set: { status: 'processing', provider: report.provider, stripe: { ...p.stripe, ...report.stripe } },
        }
      : null,
  );
  return payment;
}

/** The provider said the payment failed; the buyer may pay again. */
export async function recordFailed(reference: string, report: Report): Promise<PaymentDoc> {
  const { payment } = await changePayment(reference, (p) =>
    p.status === 'pending' || p.status === 'processing'
      ? {
          type: 'failed',
          by: report.by,
          note: report.note ?? null,
          set: {
            status: 'failed',
            stripe: {
              ...p.stripe,
              ...report.stripe,
              checkoutSessionId: null,
              checkoutUrl: null,
              checkoutExpiresAt: null,
            },
          },
        }
      : null,
  );
  await PaymentOpen.deleteOne({ _id: reference });
  return payment;
}
