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

/** A deal between the listing's organization (seller) and the buyer's. */
export interface DealResource {
  sellerOrganizationId: string;
  buyerOrganizationId: string;
}

/** A question thread between the organization that asked and the listing's owner. */
export interface ThreadResource {
  askerOrganizationId: string;
  ownerOrganizationId: string;
}

/** A listing-form draft: the user who started it, for the organization they then acted for. */
export interface DraftResource {
  authorUserId: string;
  organizationId: string;
}

/** An offer between the bidding organization and the listing's owner; `madeBy`: the side that made it. */
export interface OfferResource {
  bidderOrganizationId: string;
  ownerOrganizationId: string;
  madeByOrganizationId: string;
}

export type Permission =
  | { action: 'listing:view'; listing: ListingResource }
  /** The confidential section and documents; `ndaAccepted`: the actor's organization accepted this listing's NDA. */
  | { action: 'listing:view_confidential'; listing: ListingResource; ndaAccepted: boolean }
  /** Accepting a listing's NDA on behalf of one's organization, to open its data room. */
  | { action: 'listing:accept_nda'; listing: ListingResource }
  | { action: 'listing:view_unpublished' }
  /** Browsing and searching what is published. */
  | { action: 'listing:search' }
  | { action: 'listing:follow' }
  /** One's own organization's dashboard (its listings' funnels); the actor's organization is the scope. */
  | { action: 'dashboard:view' }
  /** Creating listings and sending them for review. */
  | { action: 'listing:create' }
  /** Submitting, editing and withdrawing one's own organization's listing. */
  | { action: 'listing:manage'; listing: ListingResource }
  /** Continuing, finishing or discarding a listing-form draft. */
  | { action: 'listing:edit_draft'; draft: DraftResource }
  /** The operator's review: publish, or reject back to draft. */
  | { action: 'listing:review' }
  /** Offering on another organization's listing (its status is the offer's own check). */
  | { action: 'offer:make'; listing: ListingResource }
  /** Who bid what in a listing's auction (bidders see only amounts): its owner and the operators. */
  | { action: 'auction:view_bidders'; listing: ListingResource }
  /** An offer's thread: its two organizations only. */
  | { action: 'offer:view'; offer: OfferResource }
  /** Accepting, rejecting or countering: the organization that received the offer. */
  | { action: 'offer:respond'; offer: OfferResource }
  /** Withdrawing: the organization that made the offer. */
  | { action: 'offer:withdraw'; offer: OfferResource }
  /** Taking a non-exclusive licence at a listing's listed terms, without negotiation. */
  | { action: 'license:take'; listing: ListingResource }
  /** A deal's terms, status and timeline: its two organizations and the operators. */
  | { action: 'deal:view'; deal: DealResource }
  /** Completing, cancelling by agreement, recording the registration number: its two organizations. */
  | { action: 'deal:act'; deal: DealResource }
  /**
   * What the deal page shows one side only: the buyer's payment instructions (and to the operators, who
   * confirm the payment), the seller's reminder to set up payouts.
   */
  | { action: 'deal:view_side'; deal: DealResource; side: 'buyer' | 'seller' }
  /** The operator's steps: confirming an offline payment, resolving an objection, cancelling with a reason. */
  | { action: 'deal:confirm_payment' }
  | { action: 'deal:resolve_objection' }
  | { action: 'deal:cancel_any' }
  /** Objecting to a deal in public notice: anyone signed in (the notice exists to hear them). */
  | { action: 'deal:object' }
  /** Paying a deal (opening Checkout): its buyer's members. */
  | { action: 'deal:pay'; deal: DealResource }
  /** A payment's or refund's receipt: the paying and the paid organization, and the operators. */
  | { action: 'payment:view'; payment: PaymentResource }
  /** Every payment, reconciliation, refunds and payouts recorded by hand: the operators. */
  | { action: 'payment:manage' }
  /** Onboarding the organization's Stripe account for payouts: the owner and admins of a verified seller. */
  | { action: 'payout:manage'; organizationId: string }
  /** Subscribing to the alliance and managing its billing: the organization's owner. */
  | { action: 'membership:subscribe'; organizationId: string }
  /** Defining membership plans and issuing offline invoices: the operators. */
  | { action: 'membership:manage' }
  | { action: 'bid:place'; listing: ListingResource }
  | { action: 'org:view' }
  /**
   * The public record of transfers, licenses and equity (and verifying it). Appending is no user action and
   * has no permission: the deals module appends when a deal completes, after its own checks.
   */
  | { action: 'ledger:view' }
  /** A rejection's reason is between the organization and the operator. */
  | { action: 'org:view_verification_reason'; organizationId: string }
  | { action: 'org:review' }
  | { action: 'org:invite'; organizationId: string }
  /** Editing the organisation's own record (its credit code): its owner and admins. */
  | { action: 'org:manage_profile'; organizationId: string }
  | { action: 'outbox:read' }
  | { action: 'account:manage' }
  /** Reading and marking one's own in-app notifications. */
  | { action: 'notification:read' }
  /** Asking a listing's owner a question; `emailVerified`: the asker confirmed their e-mail address. */
  | { action: 'inquiry:ask'; listing: ListingResource; emailVerified: boolean }
  /** Reading and answering a question thread: its two organizations only. */
  | { action: 'inquiry:view'; thread: ThreadResource }
  | { action: 'inquiry:reply'; thread: ThreadResource }
  /** How the request proved who it is: a personal API token may not mint another token. */
  | { action: 'token:create'; credential: Credential };

/** The organizations a payment concerns; `payeeOrganizationId` null: the alliance (membership fees). */
export interface PaymentResource {
  payerOrganizationId: string;
  payeeOrganizationId: string | null;
}

/** What authenticated the request: the session cookie, or a personal API token. */
export type Credential = 'session' | 'token';

export type Action = Permission['action'];

/** Organizations whose members list patents, results and projects (also tells the payouts page why it refuses). */
export const LISTING_KINDS: readonly OrganizationKind[] = [
  'basic_institute',
  'engineering_institute',
  'hospital',
  'company',
];
/** Organizations whose members make offers and bid (the architecture's buyers). */
const BUYER_KINDS: readonly OrganizationKind[] = ['company', 'investor'];

export function isOperator(actor: Actor): boolean {
  return actor?.organizationKind === 'operator';
}

function isVerifiedMemberOf(actor: Actor, kinds: readonly OrganizationKind[]): boolean {
  return actor !== null && actor.organizationVerified && kinds.includes(actor.organizationKind);
}

function isPartyTo(actor: Actor, deal: DealResource): boolean {
  return (
    actor !== null &&
    (actor.organizationId === deal.sellerOrganizationId || actor.organizationId === deal.buyerOrganizationId)
  );
}

function managesOrganization(actor: Actor, organizationId: string): boolean {
  return (
    actor !== null && actor.organizationId === organizationId && (actor.role === 'owner' || actor.role === 'admin')
  );
}

/** Also tells a refusal's reason: an owner is refused its own listing's offers, bids and licences. */
export function ownsListing(actor: Actor, listing: ListingResource): boolean {
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
    // The data room: its owner, the operators, and members of organizations that accepted the NDA.
    case 'listing:view_confidential':
      return (
        ownsListing(actor, permission.listing) ||
        isOperator(actor) ||
        (actor !== null && permission.ndaAccepted && PUBLIC_LISTING_STATUSES.includes(permission.listing.status))
      );
    // A verified organization other than the owner signs for its members; an anonymous or unchecked one cannot.
    case 'listing:accept_nda':
      return (
        actor !== null &&
        actor.organizationVerified &&
        !isOperator(actor) &&
        !ownsListing(actor, permission.listing) &&
        PUBLIC_LISTING_STATUSES.includes(permission.listing.status)
      );
    // Everyone, signed in or not: the index holds public data only.
    case 'listing:search':
      return true;
    case 'deal:view':
      return isPartyTo(actor, permission.deal) || isOperator(actor);
    case 'deal:act':
      return isPartyTo(actor, permission.deal);
    case 'deal:view_side':
      return permission.side === 'buyer'
        ? actor?.organizationId === permission.deal.buyerOrganizationId || isOperator(actor)
        : actor?.organizationId === permission.deal.sellerOrganizationId;
    case 'listing:view_unpublished':
    case 'listing:review':
    case 'deal:confirm_payment':
    case 'deal:resolve_objection':
    case 'deal:cancel_any':
    case 'org:review':
    case 'outbox:read':
    case 'payment:manage':
    case 'membership:manage':
      return isOperator(actor);
    case 'deal:pay':
      return actor !== null && actor.organizationId === permission.deal.buyerOrganizationId;
    case 'payment:view':
      return (
        isOperator(actor) ||
        (actor !== null &&
          (actor.organizationId === permission.payment.payerOrganizationId ||
            actor.organizationId === permission.payment.payeeOrganizationId))
      );
    // Anyone signed in, verified or not, may follow listings and see their organization's dashboard.
    case 'listing:follow':
    case 'dashboard:view':
    case 'account:manage':
    case 'notification:read':
    case 'deal:object':
      return actor !== null;
    // Any organization but the owner (unverified ones too: a question commits to nothing), through a member
    // whose e-mail is confirmed, while the listing is on the market; operators review, they do not ask.
    case 'inquiry:ask':
      return (
        actor !== null &&
        permission.emailVerified &&
        !isOperator(actor) &&
        !ownsListing(actor, permission.listing) &&
        (permission.listing.status === 'published' || permission.listing.status === 'under_offer')
      );
    case 'inquiry:view':
    case 'inquiry:reply':
      return (
        actor !== null &&
        (actor.organizationId === permission.thread.askerOrganizationId ||
          actor.organizationId === permission.thread.ownerOrganizationId)
      );
    // Unverified organizations browse and follow; publishing and dealing need the operator's verification.
    case 'listing:create':
      return isVerifiedMemberOf(actor, LISTING_KINDS);
    case 'listing:manage':
      return ownsListing(actor, permission.listing);
    // A draft is its author's alone, and stays with the organization it was started for.
    case 'listing:edit_draft':
      return (
        actor !== null &&
        actor.userId === permission.draft.authorUserId &&
        actor.organizationId === permission.draft.organizationId
      );
    case 'auction:view_bidders':
      return ownsListing(actor, permission.listing) || isOperator(actor);
    // Nobody deals with itself.
    case 'offer:make':
    case 'bid:place':
      return isVerifiedMemberOf(actor, BUYER_KINDS) && !ownsListing(actor, permission.listing);
    case 'offer:view':
      return (
        actor !== null &&
        (actor.organizationId === permission.offer.bidderOrganizationId ||
          actor.organizationId === permission.offer.ownerOrganizationId)
      );
    case 'offer:respond':
      return (
        can(actor, { action: 'offer:view', offer: permission.offer }) &&
        actor!.organizationId !== permission.offer.madeByOrganizationId
      );
    case 'offer:withdraw':
      return actor !== null && actor.organizationId === permission.offer.madeByOrganizationId;
    case 'license:take':
      return isVerifiedMemberOf(actor, ['company']) && !ownsListing(actor, permission.listing);
    case 'org:view':
    case 'ledger:view':
      return true;
    case 'org:view_verification_reason':
      return isOperator(actor) || actor?.organizationId === permission.organizationId;
    // A leaked token must not outlive its revocation by minting a successor.
    case 'token:create':
      return actor !== null && permission.credential === 'session';
    case 'membership:subscribe':
      return actor !== null && actor.organizationId === permission.organizationId && actor.role === 'owner';
    case 'org:invite':
    case 'org:manage_profile':
      return managesOrganization(actor, permission.organizationId);
    // Payouts go to sellers, the organizations that list.
    case 'payout:manage':
      return isVerifiedMemberOf(actor, LISTING_KINDS) && managesOrganization(actor, permission.organizationId);
  }
}
