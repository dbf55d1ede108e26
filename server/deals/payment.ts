import { can, type Actor } from '../auth/permissions.ts';
import { conflict, forbidden } from '../errors.ts';
import { logger } from '../logger.ts';
import {
  dealPaymentView,
  ensureDealPayment,
  onPaymentSucceeded,
  settleCancelledDeal,
  startDealCheckout,
  type DealPaymentFacts,
  type DealPaymentView,
  type PaymentDoc,
} from '../payments/index.ts';
import { resourceOf } from './dto.ts';
import { Deal, DealPaymentDue, type DealDoc } from './model.ts';
import { tellParties } from './notify.ts';
import { transition, visibleDeal } from './transition.ts';

// The deal's side of its payment: the payments module holds the money's state
// (provider, refunds, payout); the deal moves to `paid` when that module says
// the money is in — from a verified Stripe event, the reconciliation job or an
// operator's confirmation of a bank transfer — and nothing else moves it there.

const factsOf = (deal: DealDoc): DealPaymentFacts | null =>
  deal.payment && {
    dealId: String(deal._id),
    reference: deal.payment.reference,
    amount: deal.payment.amount,
    buyer: { organization: deal.buyer.organization, name: deal.buyer.name },
    seller: { organization: deal.seller.organization, name: deal.seller.name },
    title: deal.listing.title,
  };

/** The deal's payment record (made on first need for deals older than it). */
export async function paymentOf(deal: DealDoc): Promise<PaymentDoc | null> {
  const facts = factsOf(deal);
  return facts && ensureDealPayment(facts);
}

export async function paymentViewOf(deal: DealDoc): Promise<DealPaymentView | null> {
  const payment = await paymentOf(deal);
  return payment && dealPaymentView(payment);
}

/** The buyer pays online: the URL of the deal's Stripe Checkout Session (the open one, or a new one). */
export async function payDeal(actor: Actor, id: string, options: { locale: 'zh' | 'en' }): Promise<{ url: string }> {
  const deal = await visibleDeal(actor, id);
  if (!can(actor, { action: 'deal:pay', deal: resourceOf(deal) })) throw forbidden();
  const facts = factsOf(deal);
  if (deal.status !== 'awaiting_payment' || !facts) throw conflict('errors.deals.state');
  return { url: await startDealCheckout({ facts, locale: options.locale }) };
}

/** The money is in: the deal moves to `paid` (once; a repeated report changes nothing). */
async function markPaid(payment: PaymentDoc): Promise<void> {
  if (payment.purpose !== 'deal' || !payment.deal) return;
  const { deal, changed } = await transition(payment.deal, (deal) =>
    deal.status === 'awaiting_payment'
      ? { type: 'payment_confirmed', by: payment.offline?.by ?? null, to: 'paid' }
      : null,
  );
  if (!changed) return;
  await DealPaymentDue.deleteOne({ _id: payment.deal });
  await tellParties(deal, 'paid', payment.offline?.by ?? null);
  logger.info({ deal: payment.deal, provider: payment.provider }, 'deal paid');
}
onPaymentSucceeded(markPaid);

/** A cancelled deal's money: refunded through its provider, or its open payment cancelled. Never fails the cancel. */
export async function settlePaymentOfCancelled(deal: DealDoc, by: string | null): Promise<void> {
  const payment = await paymentOf(deal);
  if (!payment) return;
  // By agreement the reason is the proposal's (the confirming party need not repeat it).
  const proposal = deal.events.findLast((e) => e.type === 'cancel_proposed');
  const reason = deal.cancelReason ?? proposal?.note ?? 'deal cancelled';
  await settleCancelledDeal(payment._id, by, reason).catch((error: unknown) =>
    logger.error({ err: error, deal: String(deal._id) }, 'payment of a cancelled deal not settled'),
  );
}

/**
 * Deals awaiting payment from before payments were recorded get their payment
 * record, so the operator's payments page lists every payment due (start-up;
 * a scan of the small queue of deals awaiting payment, then one `_id` read each).
 */
export async function recordDuePayments(): Promise<void> {
  for (const { _id } of await DealPaymentDue.find().lean()) {
    const deal = await Deal.findById(_id).lean<DealDoc>();
    if (deal) await paymentOf(deal);
  }
}
