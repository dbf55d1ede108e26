import Stripe from 'stripe';
import { z } from 'zod';
import { can, LISTING_KINDS, type Actor } from '../../auth/permissions.ts';
import { config } from '../../config.ts';
import { insertOnce } from '../../db/insert-once.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { logger } from '../../logger.ts';
import { Organization, type OrganizationDoc } from '../../orgs/index.ts';
import { askStripe } from '../stripe/ask.ts';
import { stripe, stripeConfigured } from '../stripe/client.ts';
import { StripeAccount, type StripeAccountDoc } from './model.ts';
import { accountState, applyAccountState, statusOf, type ConnectStatus } from './state.ts';

// /account/payouts: a seller organization's owner or admin creates its Stripe
// Express account (once) and goes through Stripe's onboarding by account
// links; coming back, the page reads the account from Stripe — the only Stripe
// call a page load makes, and one whose failure leaves the stored status shown.

const PAGE = '/account/payouts';

/** Why the actor may not manage payouts for the organization. */
export type PayoutsRefusal = 'not_seller' | 'unverified' | 'not_manager';

export function payoutsRefusal(actor: Actor, organizationId: string): PayoutsRefusal | null {
  if (can(actor, { action: 'payout:manage', organizationId })) return null;
  // The most basic reason first: an unverified seller will be one once the operator verifies it.
  if (!actor || !LISTING_KINDS.includes(actor.organizationKind)) return 'not_seller';
  if (!actor.organizationVerified) return 'unverified';
  return 'not_manager';
}

/** Where Stripe sends the seller back: `return` after onboarding, `refresh` when a link expired or was used. */
const arrival = z.enum(['return', 'refresh']).nullable().catch(null);

export type PayoutsView =
  | { mode: 'refused'; reason: PayoutsRefusal }
  /** No Stripe here: the operator pays sellers by bank transfer. */
  | { mode: 'offline' }
  | { mode: 'stripe'; status: ConnectStatus; notice: 'returned' | 'link_expired' | 'stripe_unreachable' | null };

/** The payouts page for the actor's organization; `from` is the page's `?from=` (hostile: anything else is ignored). */
export async function payoutsView(actor: Actor, from: unknown): Promise<PayoutsView> {
  const refusal = payoutsRefusal(actor, actor?.organizationId ?? '');
  if (refusal) return { mode: 'refused', reason: refusal };
  if (!stripeConfigured()) return { mode: 'offline' };
  const organizationId = actor!.organizationId;
  const came = arrival.parse(from ?? null);
  if (came === 'refresh')
    return { mode: 'stripe', status: statusOf(await findAccount(organizationId)), notice: 'link_expired' };
  if (came !== 'return') return { mode: 'stripe', status: statusOf(await findAccount(organizationId)), notice: null };
  const refreshed = await refreshFromStripe(organizationId);
  return {
    mode: 'stripe',
    status: statusOf(await findAccount(organizationId)),
    notice: refreshed ? 'returned' : 'stripe_unreachable',
  };
}

const findAccount = (organizationId: string) => StripeAccount.findById(organizationId).lean<StripeAccountDoc>();

/** Reads the account from Stripe and stores its state; false when Stripe could not be asked. */
async function refreshFromStripe(organizationId: string): Promise<boolean> {
  const stored = await findAccount(organizationId);
  if (!stored || stored.disconnectedAt) return true;
  try {
    const account = await stripe().accounts.retrieve(stored.account);
    await applyAccountState(organizationId, account, new Date());
    return true;
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    logger.warn(
      { err: error, organization: organizationId },
      'Stripe account could not be read; showing the stored status',
    );
    return false;
  }
}

const PAYOUT_ERRORS = { refused: 'errors.payouts.stripeRefused', unavailable: 'errors.payouts.stripeUnavailable' };

/**
 * The organization's connected account, created on first use. Stripe's
 * idempotency key makes parallel first clicks create one account; the insert
 * under the organization's id keeps the first stored. A disconnected account
 * is replaced by a new one (its id in the key, so retries agree again).
 */
async function connectedAccountFor(organization: OrganizationDoc): Promise<string> {
  const organizationId = String(organization._id);
  const known = await findAccount(organizationId);
  if (known && !known.disconnectedAt) return known.account;
  const created = await askStripe(
    () =>
      stripe().accounts.create(
        {
          type: 'express',
          country: organization.region.country,
          capabilities: { transfers: { requested: true } },
          metadata: { organization: organizationId },
        },
        { idempotencyKey: `connect-account:${organizationId}:${known?.account ?? 'first'}` },
      ),
    PAYOUT_ERRORS,
  );
  const now = new Date();
  // The state at creation is the oldest there is: any event about the account is newer.
  const fresh = {
    account: created.id,
    ...accountState(created),
    disconnectedAt: null,
    stateAsOf: new Date(0),
    updatedAt: now,
  };
  if (!known) {
    const { doc } = await insertOnce(
      StripeAccount,
      { _id: organizationId },
      { _id: organizationId, ...fresh, createdAt: now },
    );
    return doc.account;
  }
  await StripeAccount.updateOne(
    { _id: organizationId, account: known.account, disconnectedAt: { $ne: null } },
    { $set: fresh },
  );
  return (await findAccount(organizationId))!.account;
}

/** "Set up payouts" / "Continue setup": the Stripe onboarding link to send the seller to. */
export async function startOnboarding(actor: Actor, organizationId: string): Promise<{ url: string }> {
  if (payoutsRefusal(actor, organizationId)) throw forbidden();
  if (!stripeConfigured()) throw conflict('errors.payouts.offline');
  const organization = await Organization.findById(organizationId).lean<OrganizationDoc>();
  if (!organization) throw notFound('organization');
  const account = await connectedAccountFor(organization);
  const base = `${config().PUBLIC_URL}${PAGE}`;
  const link = await askStripe(
    () =>
      stripe().accountLinks.create({
        account,
        type: 'account_onboarding',
        refresh_url: `${base}?from=refresh`,
        return_url: `${base}?from=return`,
      }),
    PAYOUT_ERRORS,
  );
  return { url: link.url };
}
