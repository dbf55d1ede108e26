import mongoose from 'mongoose';
import { config } from '../config.ts';
import { insertOnce } from '../db/insert-once.ts';
import { conflict, fieldErrorsOf, invalid, notFound } from '../errors.ts';
import { Listing, moveListingForDeal, type ListingDoc } from '../listings/index.ts';
import { logger } from '../logger.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import { offlineProvider } from '../payments/index.ts';
import { createChangeFeed } from '../shared/change-feed.ts';
import type { OrganizationKind } from '../vocabulary.ts';
import { toDealDto, type DealDto } from './dto.ts';
import { paymentOf } from './payment.ts';
import {
  Deal,
  DealExclusiveClaim,
  DealNotice,
  DealPaymentDue,
  DealSourceClaim,
  type DealDoc,
  type DealParty,
  type DealStatus,
  type PriceSetter,
} from './model.ts';
import { amountDue, dealTerms, isExclusive, type DealTerms } from './terms.ts';

export type DealSource = { kind: 'offer' | 'license_now' | 'auction'; id: string };

export interface NewDeal {
  /** One deal per source: claimed by an insert, so a retried or parallel accept makes one deal. */
  source: DealSource;
  listingId: string;
  sellerOrganizationId: string;
  buyerOrganizationId: string;
  /** Frozen as accepted. */
  terms: DealTerms;
  priceSetBy: PriceSetter;
  /** The user whose step made the deal. */
  createdBy: string;
}

export interface DealCreated {
  dealId: string;
  listingId: string;
  exclusive: boolean;
  source: DealSource;
}

const feed = createChangeFeed<DealCreated>('dealCreated');
/** Told once a deal exists (the offers module ends the listing's other pending offers when it is exclusive). */
export const onDealCreated = feed.subscribe;

/** Research institutes sell under the law on transforming scientific results: a negotiated price is published first. */
const NOTICE_SELLERS: readonly OrganizationKind[] = ['basic_institute', 'engineering_institute'];
/** Entries of these types name the patents that move; a deal for them needs a listing with patents. */
const NEEDS_PATENTS: readonly DealTerms['dealType'][] = ['assignment', 'ip_for_equity'];
const SOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DAY = 86_400_000;
/** Far longer than creating a deal takes. */
const STALE_CLAIM_MS = 5 * 60_000;

/** Where a new deal starts: in notice, awaiting the payment due at signing, or (nothing due) awaiting completion. */
export function initialStatus(sellerKind: OrganizationKind, priceSetBy: PriceSetter, terms: DealTerms): DealStatus {
  if (NOTICE_SELLERS.includes(sellerKind) && priceSetBy === 'agreement' && config().PUBLIC_NOTICE_DAYS > 0) {
    return 'public_notice';
  }
  return afterNotice(terms);
}

/** The state after the notice (or instead of it): payment when cash is due at signing, otherwise completion. */
export const afterNotice = (terms: DealTerms): DealStatus =>
  amountDue(terms) ? 'awaiting_payment' : 'awaiting_completion';

const partyOf = (org: OrganizationDoc): DealParty => ({
  organization: String(org._id),
  name: { zh: org.name.zh ?? undefined, en: org.name.en ?? undefined },
  kind: org.kind,
});

/**
 * Internal (callers check their own permissions): creates the deal, or returns
 * the one its source already made. An exclusive deal also claims its listing:
 * of two racing exclusive deals on one listing, the second is refused (409
 * errors.listingTaken) and nothing of it is written but its source's claim.
 */
export async function createDeal(input: NewDeal): Promise<{ deal: DealDto; created: boolean }> {
  const parsed = dealTerms.safeParse(input.terms);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues, 'dealType'));
  const terms = parsed.data;
  if (!SOURCE_ID.test(input.source.id)) throw new Error(`createDeal: bad source id ${JSON.stringify(input.source.id)}`);
  const sourceKey = `${input.source.kind}:${input.source.id}`;
  const { doc: claim } = await insertOnce(
    DealSourceClaim,
    { _id: sourceKey },
    { _id: sourceKey, deal: new mongoose.Types.ObjectId().toHexString() },
  );
  const dealId = claim.deal;
  const existing = await Deal.findById(dealId).lean<DealDoc>();
  if (existing) {
    await settle(existing); // a creation that died half-way is finished by its retry
    return { deal: toDealDto(existing), created: false };
  }

  const [listing, seller, buyer] = await Promise.all([
    mongoose.isValidObjectId(input.listingId) ? Listing.findById(input.listingId).lean<ListingDoc>() : null,
    mongoose.isValidObjectId(input.sellerOrganizationId)
      ? Organization.findById(input.sellerOrganizationId).lean<OrganizationDoc>()
      : null,
    mongoose.isValidObjectId(input.buyerOrganizationId)
      ? Organization.findById(input.buyerOrganizationId).lean<OrganizationDoc>()
      : null,
  ]);
  if (!listing || !seller || !buyer) throw notFound('deal party or listing');
  if (String(listing.organization) !== String(seller._id))
    throw new Error('createDeal: the seller must own the listing');
  if (NEEDS_PATENTS.includes(terms.dealType) && listing.patents.length === 0) {
    throw invalid({ dealType: ['errors.deals.needsPatents'] });
  }

  const exclusive = isExclusive(terms);
  if (exclusive) await claimListing(input.listingId, dealId);

  const now = new Date();
  const status = initialStatus(seller.kind, input.priceSetBy, terms);
  const due = amountDue(terms);
  const doc = {
    _id: new mongoose.Types.ObjectId(dealId),
    source: input.source,
    listing: {
      id: input.listingId,
      title: { zh: listing.title.zh ?? undefined, en: listing.title.en ?? undefined },
      patents: listing.patents.map((p) => ({ number: p.number, jurisdiction: p.jurisdiction })),
    },
    seller: partyOf(seller),
    buyer: partyOf(buyer),
    terms,
    exclusive,
    priceSetBy: input.priceSetBy,
    status,
    version: 0,
    noticeEndsAt: status === 'public_notice' ? new Date(now.getTime() + config().PUBLIC_NOTICE_DAYS * DAY) : null,
    payment: due ? offlineProvider.start({ dealId, amount: due }) : null,
    registrationNumber: null,
    cancelProposedBy: null,
    cancelReason: null,
    publishAmounts: { seller: false, buyer: false },
    objections: [],
    events: [{ at: now, type: 'created', by: input.createdBy, status, note: null }],
    createdBy: input.createdBy,
    createdAt: now,
    completedAt: null,
  };
  const { doc: deal, created } = await insertOnce(Deal, { _id: doc._id }, doc);
  const stored = deal as unknown as DealDoc;
  await settle(stored);
  if (created) logger.info({ deal: dealId, listing: input.listingId, status, source: sourceKey }, 'deal created');
  return { deal: toDealDto(stored), created };
}

/**
 * Takes the listing for an exclusive deal, or refuses (409): its claim is held
 * by another live deal. A claim whose deal was never written (its creation died
 * between the two inserts) is released once it is older than any creation takes.
 */
async function claimListing(listingId: string, dealId: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const { doc: held } = await insertOnce(
      DealExclusiveClaim,
      { _id: listingId },
      { _id: listingId, deal: dealId, at: new Date() },
    );
    if (held.deal === dealId) return;
    const stale =
      Date.now() - (held as unknown as { at: Date }).at.getTime() > STALE_CLAIM_MS &&
      !(await Deal.exists({ _id: held.deal }));
    if (!stale) break;
    await DealExclusiveClaim.deleteOne({ _id: listingId, deal: held.deal });
  }
  throw conflict('errors.listingTaken');
}

/**
 * What follows a new deal, each part safe to repeat: its entry in the notice or
 * payment queue, the listing taken off the market, and the feed. Only while the
 * deal has taken no step since (a later step owns those by then).
 */
async function settle(deal: DealDoc): Promise<void> {
  if (deal.version !== 0) return;
  const id = String(deal._id);
  if (deal.status === 'public_notice') {
    await insertOnce(DealNotice, { _id: id }, { _id: id, endsAt: deal.noticeEndsAt });
  } else if (deal.status === 'awaiting_payment') {
    await insertOnce(DealPaymentDue, { _id: id }, { _id: id, since: deal.createdAt });
  }
  if (deal.exclusive) await moveListingForDeal(deal.listing.id, 'published', 'under_offer', deal.createdBy);
  await paymentOf(deal);
  await feed.publish({ dealId: id, listingId: deal.listing.id, exclusive: deal.exclusive, source: deal.source });
}
