import { insertOnce } from '../../db/insert-once.ts';
import { StripeCustomer } from '../model.ts';
import { stripe } from './client.ts';

/**
 * The organization's Stripe customer (for bank transfers into its customer
 * balance and for membership billing), created once. Stripe's idempotency key
 * makes parallel first calls create one customer; the insert keeps the first.
 */
export async function stripeCustomerFor(organization: { id: string; name: string; email?: string }): Promise<string> {
  const known = await StripeCustomer.findById(organization.id).lean();
  if (known) return known.customer;
  const created = await stripe().customers.create(
    { name: organization.name, email: organization.email, metadata: { organization: organization.id } },
    { idempotencyKey: `customer:${organization.id}` },
  );
  const { doc } = await insertOnce(
    StripeCustomer,
    { _id: organization.id },
    { _id: organization.id, customer: created.id },
  );
  return doc.customer;
}
