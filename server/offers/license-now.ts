import { can, ownsListing, type Actor } from '../auth/permissions.ts';
import { createDeal, type DealDto } from '../deals/index.ts';
import { dealTerms, type DealTerms } from '../deals/terms.ts';
import { conflict, forbidden, unauthorized } from '../errors.ts';
import { PUBLIC_LISTING_STATUSES } from '../vocabulary.ts';
import { dtoResourceOf, getListing, type ListingDto } from '../listings/index.ts';

// "License now": a listing offering a non-exclusive licence at listed terms
// (its licenseTerms; an open licence, 专利开放许可, when the owner declared
// one) lets a verified company take that licence without negotiating. The
// deal's source is `license_now:<listing>-<company>`, so a double click or a
// retried request makes one deal.

const DAYS_PER_YEAR = 365;
/** When the listing names no patent with an expiry: a common term for a licence of know-how. */
const DEFAULT_TERM_YEARS = 5;
const MAX_TERM_YEARS = 30;
/** A non-exclusive licence at listed terms is for any field: the listing restricts none. */
export const OPEN_FIELD_OF_USE = 'all fields of use / 不限领域';

/**
 * The scope of a licence to the listing's patents when nobody negotiated one:
 * the territory its patents cover (their jurisdictions, or CN when it lists
 * none); any field of use; for the remaining life of its longest-lived patent
 * (whole years, 1–30), or 5 years without one.
 */
export function listedLicenceScope(listing: Pick<ListingDto, 'patents'>) {
  const jurisdictions = [...new Set(listing.patents.map((p) => p.jurisdiction))];
  const lifeDays = Math.max(0, ...listing.patents.map((p) => p.remainingLifeDays ?? 0));
  const termYears = lifeDays
    ? Math.min(MAX_TERM_YEARS, Math.max(1, Math.floor(lifeDays / DAYS_PER_YEAR)))
    : DEFAULT_TERM_YEARS;
  return {
    territory: jurisdictions.length ? jurisdictions.join(', ') : 'CN',
    fieldOfUse: OPEN_FIELD_OF_USE,
    termYears,
  };
}

/** The licence's terms from the listing: its upfront fee, royalty and minimum, in the listed scope. */
export function listedLicenseTerms(listing: ListingDto): DealTerms | null {
  const terms = listing.licenseTerms;
  if (!terms || !listing.dealTypes.includes('non_exclusive_license')) return null;
  const parsed = dealTerms.safeParse({
    dealType: 'non_exclusive_license',
    upfront: terms.upfront,
    royaltyPercent: terms.royaltyPercent,
    minimumAnnual: terms.minimumAnnual,
    ...listedLicenceScope(listing),
  });
  // Listed terms that pay nothing are no licence at listed terms (dealTerms refuses them).
  return parsed.success ? parsed.data : null;
}

/** What a listing page shows: the listed licence's terms (to everyone) and whether the viewer may take it. */
export interface LicenseNowStatus {
  /** The licence at listed terms, or null when the listing (or its status) offers none. */
  terms: DealTerms | null;
  openLicense: boolean;
  canTake: boolean;
}

export function licenseNowStatus(actor: Actor, listing: ListingDto): LicenseNowStatus {
  const terms = listing.status === 'published' ? listedLicenseTerms(listing) : null;
  return {
    terms,
    openLicense: Boolean(terms && listing.licenseTerms?.openLicense),
    canTake: terms !== null && can(actor, { action: 'license:take', listing: dtoResourceOf(listing) }),
  };
}

/** Whether the listing page shows the way to an offer: to buyers on another's public listing, and to visitors (who log in first). */
export function offerLinkShown(actor: Actor, listing: Pick<ListingDto, 'status' | 'organization'>): boolean {
  return (
    PUBLIC_LISTING_STATUSES.includes(listing.status) &&
    (actor === null || can(actor, { action: 'offer:make', listing: dtoResourceOf(listing) }))
  );
}

export async function licenseNow(actor: Actor, listingId: string): Promise<{ deal: DealDto; created: boolean }> {
  if (!actor) throw unauthorized();
  const listing = await getListing(actor, listingId);
  const resource = dtoResourceOf(listing);
  if (!can(actor, { action: 'license:take', listing: resource })) {
    if (ownsListing(actor, resource)) throw forbidden('errors.offers.ownListing');
    throw forbidden(actor.organizationVerified ? 'errors.offers.companiesOnly' : 'errors.offers.verifiedOnly');
  }
  if (listing.status !== 'published') throw conflict('errors.offers.listingNotOpen');
  const terms = listedLicenseTerms(listing);
  if (!terms) throw conflict('errors.offers.noListedLicense');
  return createDeal({
    source: { kind: 'license_now', id: `${listing.id}-${actor.organizationId}` },
    listingId: listing.id,
    sellerOrganizationId: listing.organization!.id,
    buyerOrganizationId: actor.organizationId,
    terms,
    priceSetBy: 'listing',
    createdBy: actor.userId,
  });
}
