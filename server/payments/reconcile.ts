import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { applySession } from './deal-events.ts';
import { PaymentOpen } from './model.ts';
import { reconcileRefunds } from './refunds.ts';
import { tellSucceeded } from './settle.ts';
import { stripe, stripeConfigured } from './stripe/client.ts';
import { findPayment } from './transition.ts';

// A lost webhook must never strand a deal: Stripe payments still open after
// PAYMENT_RECONCILE_MINUTES are looked up at Stripe and their state applied as
// the webhook would have. `payments_open` is the small set of payments in
// flight; a payment that succeeded but whose deal was not told yet stays there
// too, and is told again here, as does one with a Stripe refund under way.

/** Checks the open payments older than the configured time; returns how many changed. */
export async function reconcilePayments(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - config().PAYMENT_RECONCILE_MINUTES * 60_000);
  const due = await PaymentOpen.find({ since: { $lte: before } })
    .limit(100)
    .lean();
  let changed = 0;
  for (const { _id } of due) {
    try {
      if (await reconcileOne(String(_id))) changed++;
    } catch (error) {
      logger.error({ err: error, payment: _id }, 'payment reconciliation failed');
    }
  }
  return changed;
}

/** One payment's state from Stripe; true when ours changed. */
export async function reconcileOne(reference: string): Promise<boolean> {
  const payment = await findPayment(reference);
  if (!payment || payment.status === 'cancelled' || payment.status === 'failed') {
    await PaymentOpen.deleteOne({ _id: reference });
    return false;
  }
  if (payment.status === 'succeeded') {
    await tellSucceeded(payment);
    if (stripeConfigured()) await reconcileRefunds(payment);
    // A refund still under way at Stripe: asked again after another period.
    await PaymentOpen.updateOne({ _id: reference }, { $set: { since: new Date() } });
    return false;
  }
  const id = payment.stripe.checkoutSessionId;
  if (!id || !stripeConfigured()) {
    await PaymentOpen.deleteOne({ _id: reference });
    return false;
  }
  const session = await stripe().checkout.sessions.retrieve(id);
  await applySession(session, 'state');
  const after = await findPayment(reference);
  const moved = after !== null && after.version !== payment.version;
  // Still open at Stripe: asked again after another period.
  if (!moved) await PaymentOpen.updateOne({ _id: reference }, { $set: { since: new Date() } });
  logger.info(
    { payment: reference, session: id, state: `${session.status}/${session.payment_status}`, moved },
    'payment reconciled',
  );
  return moved;
}
