import { PUBLIC_LISTING_STATUSES, type ListingStatus, type MemberRole, type OrganizationKind } from '../vocabulary.ts';

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
  | { action: 'listing:view_unpublished' }
  /** Browsing and searching what is published. */
  | { action: 'listing:search' }
  | { action: 'listing:follow' }
  /** Creating listings and sending them for review. */
  | { action: 'listing:create' }
  /** Submitting, editing and withdrawing one's own organization's listing. */
  | { action: 'listing:manage'; listing: ListingResource }
  /** The operator's review: publish, or reject back to draft. */
  | { action: 'listing:review' }
  | { action: 'offer:make' }
  | { action: 'bid:place' }
  | { action: 'org:view' }
  /** A rejection's reason is between the organization and the operator. */
  | { action: 'org:view_verification_reason'; organizationId: string }
  | { action: 'org:review' }
  | { action: 'org:invite'; organizationId: string }
  | { action: 'outbox:read' }
  | { action: 'account:manage' }
  /** How the request proved who it is: a personal API token may not mint another token. */
  | { action: 'token:create'; credential: Credential };

/** What authenticated the request: the session cookie, or a personal API token. */
export type Credential = 'session' | 'token';

export type Action = Permission['action'];

/** Organizations whose members list patents, results and projects. */
const LISTING_KINDS: readonly OrganizationKind[] = ['basic_institute', 'engineering_institute', 'hospital', 'company'];
/** Organizations whose members make offers and bid (the architecture's buyers). */
const BUYER_KINDS: readonly OrganizationKind[] = ['company', 'investor'];

export function isOperator(actor: Actor): boolean {
  return actor?.organizationKind === 'operator';
}

function isVerifiedMemberOf(actor: Actor, kinds: readonly OrganizationKind[]): boolean {
  return actor !== null && actor.organizationVerified && kinds.includes(actor.organizationKind);
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
    // Everyone, signed in or not: the index holds public data only.
    case 'listing:search':
      return true;
    case 'listing:view_unpublished':
    case 'listing:review':
    case 'org:review':
    case 'outbox:read':
      return isOperator(actor);
    // Anyone signed in, verified or not, may follow listings.
    case 'listing:follow':
    case 'account:manage':
      return actor !== null;
    // Unverified organizations browse and follow; publishing and dealing need the operator's verification.
    case 'listing:create':
      return isVerifiedMemberOf(actor, LISTING_KINDS);
    case 'listing:manage':
      return ownsListing(actor, permission.listing);
    case 'offer:make':
    case 'bid:place':
      return isVerifiedMemberOf(actor, BUYER_KINDS);
    case 'org:view':
      return true;
    case 'org:view_verification_reason':
      return isOperator(actor) || actor?.organizationId === permission.organizationId;
    // A leaked token must not outlive its revocation by minting a successor.
    case 'token:create':
      return actor !== null && permission.credential === 'session';
    case 'org:invite':
      return (
        actor !== null &&
        actor.organizationId === permission.organizationId &&
        (actor.role === 'owner' || actor.role === 'admin')
      );
  }
}
