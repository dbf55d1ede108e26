import { expect, type APIRequestContext } from '@playwright/test';
import Stripe from 'stripe';
import { withDatabase } from './deals.ts';

import { E2E_STRIPE_SECRET_KEY, E2E_STRIPE_WEBHOOK_SECRET } from './stripe-keys.ts';

// Stripe's side of the browser tests: the server talks to stripe-mock, and
// what Stripe would later report arrives as events signed like Stripe's.

const sdk = new Stripe(E2E_STRIPE_SECRET_KEY);

interface StoredPayment {
  _id: string;
  amount: { amount: number; currency: string };
  stripe: { checkoutSessionId: string | null; paymentIntentId: string | null };
}

/** The deal's payment as stored (its reference and the Checkout Session the buyer was sent to). */
export const paymentOfDeal = (dealId: string) =>
  withDatabase(async (db) => (await db.collection<StoredPayment>('payments').findOne({ deal: dealId }))!);

/** An event in Stripe's shape about `object`. */
export const stripeEvent = (type: string, object: Record<string, unknown>) => ({
  id: `evt_e2e_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
  object: 'event',
  api_version: '2026-08-26.dahlia',
  created: Math.floor(Date.now() / 1000),
  data: { object },
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  type,
});

/** POSTs the event to /webhooks/stripe as Stripe would: signed over the exact body (or with the given signature). */
export async function sendWebhook(api: APIRequestContext, event: object, signature?: string) {
  const body = JSON.stringify(event);
  return api.post('/webhooks/stripe', {
    data: body,
    headers: {
      'Content-Type': 'application/json',
      'Stripe-Signature':
        signature ?? sdk.webhooks.generateTestHeaderString({ payload: body, secret: E2E_STRIPE_WEBHOOK_SECRET }),
    },
  });
}

/** Stripe's report that the deal's Checkout Session was paid in full. */
export function sessionPaid(payment: StoredPayment, dealId: string) {
  expect(payment.stripe.checkoutSessionId).toMatch(/^cs_/);
  return stripeEvent('checkout.session.completed', {
    id: payment.stripe.checkoutSessionId,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    client_reference_id: payment._id,
    metadata: { payment: payment._id, deal: dealId },
    amount_total: payment.amount.amount,
    currency: payment.amount.currency.toLowerCase(),
    payment_intent: `pi_e2e_${dealId.slice(-10)}`,
  });
}
