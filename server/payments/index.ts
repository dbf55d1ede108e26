// The payments module: the only file other modules import.
export { offlineProvider } from './offline.ts';
export type { PaymentInstructions, PaymentProvider, PaymentRequest, StartedPayment } from './provider.ts';
