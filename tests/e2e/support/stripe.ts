import { expect, type APIRequestContext } from '@playwright/test';
import Stripe from 'stripe';
import { checkoutPaid, stripeEvent, type CheckoutPayment } from '../../support/stripe-events.ts';
import { withDatabase } from './deals.ts';

import { E2E_STRIPE_SECRET_KEY, E2E_STRIPE_WEBHOOK_SECRET } from './stripe-keys.ts';

// Stripe's side of the browser tests: the server talks to stripe-mock, and
// what Stripe would later report arrives as events signed like Stripe's.

const sdk = new Stripe(E2E_STRIPE_SECRET_KEY);

/** The deal's payment as stored (its reference and the Checkout Session the buyer was sent to). */
export const paymentOfDeal = (dealId: string) =>
  withDatabase(async (db) => (await db.collection<CheckoutPayment>('payments').findOne({ deal: dealId }))!);

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
export function sessionPaid(payment: CheckoutPayment, dealId: string) {
  expect(payment.stripe.checkoutSessionId).toMatch(/^cs_/);
  return checkoutPaid(payment, `pi_e2e_${dealId.slice(-10)}`);
}

export { stripeEvent };
