import Stripe from 'stripe';
import { inject } from 'vitest';

// The payment tests talk to stripe-mock, Stripe's own mock of its API, the way
// the server does when STRIPE_API_BASE is set: this proves that wiring.

test('the stripe SDK pointed at STRIPE_API_BASE creates a Checkout Session on stripe-mock', async () => {
  const apiBase = new URL(inject('stripeApiBase'));
  const stripe = new Stripe('sk_test_medip', {
    host: apiBase.hostname,
    port: Number(apiBase.port),
    protocol: apiBase.protocol === 'https:' ? 'https' : 'http',
  });

  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    client_reference_id: 'deal-42',
    success_url: 'http://localhost:3000/deals/42?paid=1',
    line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 15_000, product_data: { name: 'Fee' } } }],
  });

  expect(session.id).toMatch(/^cs_/);
  expect(session.client_reference_id).toBe('deal-42');
});
