import type { Money } from '../shared/money.ts';

// The bank transfer, the way every deal can be paid: it fixes the reference
// the money must carry (also the payment record's id) and tells the buyer how
// to pay; the operator confirms receipt. Stripe Checkout, offered beside it when
// Stripe takes the deal, lives in ./deal-payments.ts.

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
