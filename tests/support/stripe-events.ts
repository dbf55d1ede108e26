import { randomBytes } from 'node:crypto';

// An event as Stripe sends it, for the vitest and the Playwright suites alike:
// `object` is the API object (a session, charge, account…) it is about. The
// API version is the one stripe-mock's spec and our pinned SDK speak.

export function stripeEvent(type: string, object: object, id = `evt_test_${randomBytes(8).toString('hex')}`) {
  return {
    id,
    object: 'event',
    api_version: '2026-08-26.dahlia',
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** What a stored payment needs for Stripe to report its Checkout Session. */
export interface CheckoutPayment {
  _id: string;
  deal: string | null;
  amount: { amount: number; currency: string };
  stripe: { checkoutSessionId: string | null };
}

/** Stripe's report that the payment's Checkout Session was paid in full, through the given payment intent. */
export const checkoutPaid = (payment: CheckoutPayment, paymentIntent: string) =>
  stripeEvent('checkout.session.completed', {
    id: payment.stripe.checkoutSessionId,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    client_reference_id: payment._id,
    metadata: { payment: payment._id, deal: payment.deal },
    amount_total: payment.amount.amount,
    currency: payment.amount.currency.toLowerCase(),
    payment_intent: paymentIntent,
  });
