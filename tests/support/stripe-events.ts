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
