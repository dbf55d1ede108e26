import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';

/**
 * POST /webhooks/stripe: Stripe's signed events. The body is read as bytes,
 * untouched, because the signature covers exactly what Stripe sent.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return json({ error: 'method_not_allowed' }, { status: 405 });
  const body = Buffer.from(await request.arrayBuffer());
  const result = await context.payments.receiveStripeWebhook(body, request.headers.get('stripe-signature'));
  return json(result.status === 400 ? { error: result.reason } : { received: true, outcome: result.outcome }, {
    status: result.status,
    headers: { 'Cache-Control': 'no-store' },
  });
}

export const loader = () => json({ error: 'method_not_allowed' }, { status: 405, headers: { Allow: 'POST' } });
