import type { MemberRole, OrganizationKind } from '../vocabulary.ts';
import { PUBLIC_LISTING_STATUSES, type ListingStatus } from '../vocabulary.ts';

// The one place that answers "may this actor do this to that?". Services ask it
// before they change or reveal anything; routes never decide on their own.

/** Who is asking: null for an anonymous visitor. */
export type Actor = {
  userId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationVerified: boolean;
  role: MemberRole;
} | null;

export interface ListingResource {
  status: ListingStatus;
  organizationId: string;
}

export type Permission =
  | { action: 'listing:view'; listing: ListingResource }
  | { action: 'listing:view_confidential'; listing: ListingResource }
  | { action: 'listing:view_unpublished' };

export function isOperator(actor: Actor): boolean {
  return actor?.organizationKind === 'operator';
}

function ownsListing(actor: Actor, listing: ListingResource): boolean {
  return actor !== null && actor.organizationId === listing.organizationId;
}

export function can(actor: Actor, permission: Permission): boolean {
  switch (permission.action) {
    case 'listing:view':
      return (
        PUBLIC_LISTING_STATUSES.includes(permission.listing.status) ||
        ownsListing(actor, permission.listing) ||
        isOperator(actor)
      );
    // The NDA flow widens this to signatories; until then owners and operators.
    case 'listing:view_confidential':
      return ownsListing(actor, permission.listing) || isOperator(actor);
    case 'listing:view_unpublished':
      return isOperator(actor);
  }
}
