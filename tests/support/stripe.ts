import Stripe from 'stripe';
import { afterAll, beforeAll, inject } from 'vitest';
import { action as stripeWebhook } from '../../app/routes/webhooks.stripe.ts';
import { config } from '../../server/config.ts';
import { call } from './requests.ts';

export { stripeEvent } from './stripe-events.ts';

// Stripe in tests is Stripe's own mock server (stripe-mock, started once per
// run by global-setup): the SDK talks to it as to Stripe. It keeps no state, so
// what Stripe would later tell us arrives as events in Stripe's shape, signed
// with the SDK's own test-header helper over the exact body sent.

export const TEST_WEBHOOK_SECRET = 'whsec_medip_test';
const sdk = new Stripe('sk_test_medip');

/** This test file's payments go through Stripe (stripe-mock); the settings come back afterwards. */
export function useTestStripe(): void {
  let saved: Pick<ReturnType<typeof config>, 'STRIPE_SECRET_KEY' | 'STRIPE_API_BASE' | 'STRIPE_WEBHOOK_SECRET'>;
  beforeAll(() => {
    const { STRIPE_SECRET_KEY, STRIPE_API_BASE, STRIPE_WEBHOOK_SECRET } = config();
    saved = { STRIPE_SECRET_KEY, STRIPE_API_BASE, STRIPE_WEBHOOK_SECRET };
    Object.assign(config(), {
      STRIPE_SECRET_KEY: 'sk_test_medip',
      STRIPE_API_BASE: inject('stripeApiBase'),
      STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    });
  });
  afterAll(() => {
    Object.assign(config(), saved);
  });
}

/** The `Stripe-Signature` header Stripe would send for this exact body. */
export const signatureFor = (body: string, secret = TEST_WEBHOOK_SECRET) =>
  sdk.webhooks.generateTestHeaderString({ payload: body, secret });

/** Delivers an event to POST /webhooks/stripe, signed; `body` overrides what is sent (same bytes are signed). */
export async function deliver(event: object, options: { signature?: string | null; body?: string } = {}) {
  const body = options.body ?? JSON.stringify(event);
  const signature = options.signature === undefined ? signatureFor(body) : options.signature;
  return call(stripeWebhook, '/webhooks/stripe', {
    method: 'POST',
    raw: body,
    headers: { 'Content-Type': 'application/json', ...(signature ? { 'Stripe-Signature': signature } : {}) },
  });
}

/** The SDK on the run's stripe-mock, for reading the shapes of Stripe objects in tests. */
export const mockStripe = () => {
  const base = new URL(inject('stripeApiBase'));
  return new Stripe('sk_test_medip', { host: base.hostname, port: Number(base.port), protocol: 'http' });
};
