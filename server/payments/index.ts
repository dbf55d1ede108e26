// The payments module: the only file other modules import.
export { offlineProvider } from './offline.ts';
export type { PaymentInstructions, PaymentProvider, PaymentRequest, StartedPayment } from './provider.ts';
export { purgeStripeEventClaims, receiveStripeWebhook, type WebhookOutcome } from './stripe/webhook.ts';
export { stripeConfigured } from './stripe/client.ts';
export { platformFee, type FeeSplit } from './fees.ts';
export { toStripeAmount, fromStripeAmount, withinStripeLimits } from './stripe/amounts.ts';
export { Payment, type PaymentDoc, type PaymentStatus, type PaymentProviderKind } from './model.ts';
export * as membership from './membership/index.ts';
export { requireMembership } from './membership/gate.ts';
export { connectStatus, payoutDestination, payoutsView, startOnboarding, type ConnectStatus } from './connect/index.ts';
export {
  bankReferenceInput,
  getPaymentForOperator,
  listPayments,
  needsAttention,
  paymentListQuery,
  reconcileByOperator,
  recordOfflinePayment,
  recordPayout,
  refundByOperator,
  refundInput,
  type PaymentListQuery,
} from './operator.ts';
export { reconcilePayments } from './reconcile.ts';
export {
  dealPaymentView,
  ensureDealPayment,
  startDealCheckout,
  stripeTakes,
  type DealPaymentFacts,
  type DealPaymentView,
} from './deal-payments.ts';
export { onPaymentSucceeded } from './settle.ts';
export { settleCancelledDeal } from './refunds.ts';
export { getReceipt, sendReceipt, type ReceiptView } from './receipts.ts';
