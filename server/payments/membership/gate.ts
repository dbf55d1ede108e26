import type { Actor } from '../../auth/permissions.ts';
import { config } from '../../config.ts';
import { forbidden } from '../../errors.ts';
import type { OrganizationKind } from '../../vocabulary.ts';
import { isMember, readMembership } from './state.ts';

/** The kinds that make offers and bid, and so may be asked to be members first. */
const GATED_KINDS: readonly OrganizationKind[] = ['company', 'investor'];

/**
 * With MEMBERSHIP_REQUIRED_FOR_OFFERS on, a company or investor makes offers
 * and bids only while its alliance membership is in good standing. Called by
 * the offers and auctions services after their own permission check.
 */
export async function requireMembership(actor: Actor): Promise<void> {
  if (!actor || !config().MEMBERSHIP_REQUIRED_FOR_OFFERS || !GATED_KINDS.includes(actor.organizationKind)) return;
  if (!isMember(await readMembership(actor.organizationId))) throw forbidden('errors.membership.required');
}
