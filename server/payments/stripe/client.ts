import Stripe from 'stripe';
import { config } from '../../config.ts';

// The one Stripe client, built from the environment: STRIPE_SECRET_KEY turns
// Stripe on; STRIPE_API_BASE points the SDK elsewhere (stripe-mock in tests).

let cached: { key: string; base: string | undefined; client: Stripe } | undefined;

/** Whether deals and memberships can be paid through Stripe here. */
export const stripeConfigured = (): boolean => Boolean(config().STRIPE_SECRET_KEY);

export function stripe(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base } = config();
  if (!key) throw new Error('Stripe is not configured (STRIPE_SECRET_KEY)');
  if (cached?.key === key && cached.base === base) return cached.client;
  const at = base ? new URL(base) : undefined;
  const client = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'MedIP Exchange' },
    ...(at && {
      host: at.hostname,
      port: Number(at.port) || (at.protocol === 'https:' ? 443 : 80),
      protocol: at.protocol === 'https:' ? 'https' : 'http',
    }),
  });
  cached = { key, base, client };
  return client;
}
