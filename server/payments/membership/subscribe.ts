import { can, type Actor } from '../../auth/permissions.ts';
import { User } from '../../auth/index.ts';
import { config } from '../../config.ts';
import { conflict, fieldErrorsOf, forbidden, invalid, notFound, unauthorized } from '../../errors.ts';
import { Organization, type OrganizationDoc } from '../../orgs/index.ts';
import type { Bilingual } from '../../shared/bilingual.ts';
import { StripeCustomer } from '../model.ts';
import { toStripeAmount, withinStripeLimits } from '../stripe/amounts.ts';
import { stripe, stripeConfigured } from '../stripe/client.ts';
import { stripeCustomerFor } from '../stripe/customers.ts';
import type { MembershipPlanDoc } from './model.ts';
import { findPlan } from './plans.ts';
import { subscribeInput } from './schemas.ts';
import { changeMembership, isMember, readMembership } from './state.ts';

// The owner subscribes the organization through Stripe Checkout (a yearly
// subscription at the plan's price) and manages cards, invoices and
// cancellation in Stripe's customer portal. Nothing here changes the
// membership's status: only Stripe's events do (./events.ts).

const RETURN_PATH = '/account/membership';
/** How long a Checkout Session stays open (Stripe allows 30 minutes to 24 hours). */
const SESSION_HOURS = 23;
/** Stripe's shortest trial: a subscription may start charging later only if that is at least this far ahead. */
const TRIAL_NOTICE_MS = 2 * 24 * 3600_000 + 3600_000;
/** An open session is reused until shortly before Stripe expires it. */
const REUSE_MARGIN_MS = 5 * 60_000;

function requireOwner(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'membership:subscribe', organizationId: actor.organizationId })) {
    throw forbidden('errors.membership.ownerOnly');
  }
}

/** Whether Stripe can take this plan's fee (its currency is enabled and the amount within Stripe's limits). */
export const payableByStripe = (amount: MembershipPlanDoc['amount']): boolean =>
  stripeConfigured() && config().STRIPE_CURRENCIES.includes(amount.currency) && withinStripeLimits(amount);

const oneLine = (name: Bilingual): string =>
  [name.zh, name.en].filter((part, i, all) => part && all.indexOf(part) === i).join(' / ');

/** The URL of a Checkout Session for the chosen plan; a double click gets the same session. */
export async function startSubscription(
  actor: Actor,
  input: unknown,
  { locale }: { locale?: 'zh' | 'en' } = {},
): Promise<{ url: string }> {
  requireOwner(actor);
  const parsed = subscribeInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues, 'plan'));
  const plan = await findPlan(parsed.data.plan);
  if (!plan || !plan.active || plan.organizationKind !== actor.organizationKind) {
    throw invalid({ plan: ['validation.membership.planNotOffered'] });
  }
  if (!payableByStripe(plan.amount)) throw conflict('errors.membership.notByStripe');
  const membership = await readMembership(actor.organizationId);
  if (membership.provider === 'stripe' && membership.subscriptionId && isMember(membership)) {
    throw conflict('errors.membership.alreadySubscribed');
  }
  const open = membership.checkout;
  if (
    open &&
    open.plan === plan._id &&
    open.planVersion === plan.version &&
    open.expiresAt.getTime() - Date.now() > REUSE_MARGIN_MS
  ) {
    return { url: open.url };
  }

  const organization = await Organization.findById(actor.organizationId).lean<OrganizationDoc>();
  if (!organization) throw notFound('organization');
  const owner = await User.findById(actor.userId).lean();
  const customer = await stripeCustomerFor({
    id: actor.organizationId,
    name: oneLine(organization.name as Bilingual),
    email: owner?.email,
  });
  const { amount, currency } = toStripeAmount(plan.amount);
  const metadata = { organization: actor.organizationId, plan: plan._id };
  // Paid up for a while yet (by bank transfer): Stripe charges first when that ends (a trial needs two days' notice).
  const paidAhead =
    membership.paidThrough && membership.paidThrough.getTime() > Date.now() + TRIAL_NOTICE_MS
      ? Math.floor(membership.paidThrough.getTime() / 1000)
      : null;
  const back = `${config().PUBLIC_URL}${RETURN_PATH}`;
  // On the hour, so parallel clicks send identical parameters under their shared idempotency key.
  const expiresAt = (Math.floor(Date.now() / 3_600_000) + SESSION_HOURS) * 3600;
  const session = await stripe().checkout.sessions.create(
    {
      mode: 'subscription',
      customer,
      client_reference_id: actor.organizationId,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency,
            unit_amount: amount,
            recurring: { interval: 'year' },
            product_data: { name: oneLine(plan.name) },
          },
        },
      ],
      metadata,
      subscription_data: { metadata, ...(paidAhead ? { trial_end: paidAhead } : {}) },
      success_url: `${back}?checkout=success`,
      cancel_url: `${back}?checkout=cancelled`,
      expires_at: expiresAt,
      ...(locale ? { locale } : {}),
    },
    // Parallel clicks send the same key, so Stripe makes one session; the key moves on with each new session.
    {
      idempotencyKey: `membership-checkout:${actor.organizationId}:${plan._id}:${plan.version}:${open?.sessionId ?? 'first'}:${expiresAt}:${locale ?? ''}:${paidAhead ?? ''}`,
    },
  );
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);
  const url = session.url;
  await changeMembership(actor.organizationId, () => ({
    checkout: {
      sessionId: session.id,
      url,
      plan: plan._id,
      planVersion: plan.version,
      expiresAt: new Date(session.expires_at * 1000),
    },
  }));
  return { url };
}

/** The URL of a Stripe customer portal session for the organization (cards, invoices, cancellation). */
export async function openBillingPortal(actor: Actor): Promise<{ url: string }> {
  requireOwner(actor);
  if (!stripeConfigured()) throw conflict('errors.membership.notByStripe');
  const customer = await StripeCustomer.findById(actor.organizationId).lean();
  if (!customer) throw conflict('errors.membership.noBilling');
  const session = await stripe().billingPortal.sessions.create({
    customer: customer.customer,
    return_url: `${config().PUBLIC_URL}${RETURN_PATH}`,
  });
  return { url: session.url };
}
