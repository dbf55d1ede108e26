import type { Money } from '../shared/money.ts';

// How a deal's buyer pays. A provider starts a payment (fixing the reference
// the money must carry) and tells the buyer how to pay; receipt is confirmed
// by the provider's own means (the operator for a bank transfer, a webhook for
// a card provider). This issue ships the offline provider only.

export interface PaymentRequest {
  dealId: string;
  amount: Money;
}

export interface StartedPayment {
  provider: PaymentProvider['kind'];
  /** What the transfer must quote, so the operator can match it to the deal. */
  reference: string;
  amount: Money;
}

export interface PaymentInstructions {
  method: 'bank_transfer';
  reference: string;
  amount: Money;
}

export interface PaymentProvider {
  kind: 'offline';
  start(request: PaymentRequest): StartedPayment;
  instructions(payment: StartedPayment): PaymentInstructions;
}
