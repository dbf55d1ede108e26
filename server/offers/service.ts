import mongoose from 'mongoose';
import { can, ownsListing, type Actor, type ListingResource, type OfferResource } from '../auth/permissions.ts';
import type { DealTerms } from '../deals/terms.ts';
import { conflict, fieldErrorsOf, forbidden, invalid, notFound, unauthorized } from '../errors.ts';
import { dtoResourceOf, getListing, type ListingDto } from '../listings/index.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import { requireMembership } from '../payments/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { tellSide } from './delivery.ts';
import { toOfferDto, type OfferDto } from './dto.ts';
import { Offer, OpenOffer, type OfferDoc, type OfferSide } from './model.ts';
import { indexedOffers, indexOffer } from './org-index.ts';
import { OFFER_ID, offerInput, rejectionReasonInput, type OfferInput } from './schemas.ts';
import { transition } from './transitions.ts';

const DAY = 24 * 60 * 60_000;

export const resourceOf = (o: OfferDoc): OfferResource => ({
  bidderOrganizationId: o.bidder.organization,
  ownerOrganizationId: o.owner.organization,
  madeByOrganizationId: o[o.madeBy].organization,
});

export const otherSide = (side: OfferSide): OfferSide => (side === 'bidder' ? 'owner' : 'bidder');

/** The offer if the actor's organization takes part in it; to anyone else it does not exist. */
export async function findOffer(actor: Actor, offerId: string): Promise<OfferDoc> {
  if (!actor) throw unauthorized();
  if (typeof offerId !== 'string' || !OFFER_ID.test(offerId)) throw notFound('offer');
  const offer = await Offer.findById(offerId).lean<OfferDoc>();
  if (!offer || !can(actor, { action: 'offer:view', offer: resourceOf(offer) })) throw notFound('offer');
  return offer;
}

function parseOffer(input: unknown): OfferInput {
  const parsed = offerInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

/**
 * The listing's rules for terms: a deal type it offers; equity only in a
 * project (a company to invest in); IP for equity only into a company.
 */
function checkDealType(listing: ListingDto, bidderKind: OrganizationDoc['kind'], terms: DealTerms): void {
  const type = terms.dealType;
  let message: string | null = null;
  if (!listing.dealTypes.includes(type)) message = 'validation.offers.dealTypeNotOffered';
  else if (type === 'equity' && listing.kind !== 'project') message = 'validation.offers.equityOnlyProjects';
  else if (type === 'ip_for_equity' && bidderKind !== 'company') message = 'validation.offers.ipForEquityCompanies';
  if (message) throw invalid({ 'terms.dealType': [message] });
}

/** A listing takes offers only while it is published (not in draft, under review, closed or withdrawn). */
function checkOpen(listing: ListingDto): void {
  if (listing.status !== 'published') throw conflict('errors.offers.listingNotOpen');
}

const nameOf = (org: OrganizationDoc): Bilingual => ({
  ...(org.name.zh ? { zh: org.name.zh } : {}),
  ...(org.name.en ? { en: org.name.en } : {}),
});

/**
 * Stores a new pending offer: its OpenOffer entry first (so no open offer ever
 * escapes the expiry sweep; an entry without its offer is an orphan the sweep
 * removes), then the offer, then both organizations' lists.
 */
type NewOffer = Pick<
  OfferDoc,
  'listing' | 'listingTitle' | 'previousOfferId' | 'bidder' | 'owner' | 'madeBy' | 'createdBy' | 'terms' | 'message'
> & { threadId?: string };

async function storeOffer(fields: NewOffer, expiresInDays: number): Promise<OfferDoc> {
  const now = new Date();
  const _id = String(new mongoose.Types.ObjectId());
  const offer: OfferDoc = {
    ...fields,
    _id,
    threadId: fields.threadId ?? _id,
    status: 'pending',
    expiresAt: new Date(now.getTime() + expiresInDays * DAY),
    createdAt: now,
    changedAt: now,
    rejection: null,
    dealId: null,
    acceptedBy: null,
    version: 0,
  };
  await OpenOffer.insertMany([{ _id, listing: offer.listing, expiresAt: offer.expiresAt, createdAt: now }]);
  await Offer.insertMany([offer]);
  await indexOffer(offer);
  return offer;
}

/** Why this actor may not make an offer on the listing, as a message key (the rule itself is `offer:make`). */
function makeRefusal(actor: NonNullable<Actor>, listing: ListingResource): string {
  if (ownsListing(actor, listing)) return 'errors.offers.ownListing';
  return actor.organizationVerified ? 'errors.offers.buyersOnly' : 'errors.offers.verifiedOnly';
}

/** A member of a verified company or investor makes an offer on a published listing of another organization. */
export async function makeOffer(actor: Actor, listingId: string, input: unknown): Promise<OfferDto> {
  if (!actor) throw unauthorized();
  const listing = await getListing(actor, listingId);
  const resource = dtoResourceOf(listing);
  if (!can(actor, { action: 'offer:make', listing: resource })) throw forbidden(makeRefusal(actor, resource));
  await requireMembership(actor);
  checkOpen(listing);
  const parsed = parseOffer(input);
  checkDealType(listing, actor.organizationKind, parsed.terms);
  const bidder = await Organization.findById(actor.organizationId).lean<OrganizationDoc>();
  if (!bidder || !listing.organization) throw notFound('listing');
  const offer = await storeOffer(
    {
      listing: listing.id,
      listingTitle: listing.title,
      previousOfferId: null,
      bidder: { organization: actor.organizationId, name: nameOf(bidder) },
      owner: { organization: listing.organization.id, name: { ...listing.organization.name } },
      madeBy: 'bidder',
      createdBy: actor.userId,
      terms: parsed.terms,
      message: parsed.message,
    },
    parsed.expiresInDays,
  );
  await tellSide(offer, 'owner', 'received');
  return toOfferDto(offer);
}

/** The offer, checked that the actor may act on it now: its receiver (or maker, to withdraw), while pending. */
export async function pendingOfferFor(
  actor: Actor,
  offerId: string,
  action: 'offer:respond' | 'offer:withdraw',
): Promise<OfferDoc> {
  const offer = await findOffer(actor, offerId);
  if (!can(actor, { action, offer: resourceOf(offer) })) throw forbidden('errors.offers.notYourTurn');
  if (offer.status !== 'pending') throw conflict('errors.offers.notPending');
  if (offer.expiresAt.getTime() <= Date.now()) throw conflict('errors.offers.expired');
  return offer;
}

/** A guarded change that lost its race: the offer changed meanwhile. */
function orConflict(offer: OfferDoc | null): OfferDoc {
  if (!offer) throw conflict('errors.offers.notPending');
  return offer;
}

export async function rejectOffer(actor: Actor, offerId: string, input: unknown): Promise<OfferDto> {
  const offer = await pendingOfferFor(actor, offerId, 'offer:respond');
  const parsed = rejectionReasonInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues, 'reason'));
  const rejected = orConflict(
    await transition(offer, 'rejected', { rejection: { cause: 'receiver', reason: parsed.data.reason } }),
  );
  await tellSide(rejected, rejected.madeBy, 'rejected');
  return toOfferDto(rejected);
}

export async function withdrawOffer(actor: Actor, offerId: string): Promise<OfferDto> {
  const offer = await pendingOfferFor(actor, offerId, 'offer:withdraw');
  const withdrawn = orConflict(await transition(offer, 'withdrawn'));
  await tellSide(withdrawn, otherSide(withdrawn.madeBy), 'withdrawn');
  return toOfferDto(withdrawn);
}

/**
 * The receiver answers with new terms: the offer becomes `countered` (guarded,
 * so a counter racing an accept or a withdrawal loses cleanly) and a new
 * pending offer by the other side joins the thread. The rules for terms are
 * those of a first offer, against the listing as it is now.
 */
export async function counterOffer(actor: Actor, offerId: string, input: unknown): Promise<OfferDto> {
  const offer = await pendingOfferFor(actor, offerId, 'offer:respond');
  const listing = await getListing(actor, offer.listing);
  checkOpen(listing);
  const parsed = parseOffer(input);
  const bidder = await Organization.findById(offer.bidder.organization).lean<OrganizationDoc>();
  if (!bidder) throw notFound('offer');
  checkDealType(listing, bidder.kind, parsed.terms);
  orConflict(await transition(offer, 'countered'));
  const counter = await storeOffer(
    {
      listing: offer.listing,
      listingTitle: offer.listingTitle,
      threadId: offer.threadId,
      previousOfferId: offer._id,
      bidder: offer.bidder,
      owner: offer.owner,
      madeBy: otherSide(offer.madeBy),
      createdBy: actor!.userId,
      terms: parsed.terms,
      message: parsed.message,
    },
    parsed.expiresInDays,
  );
  await tellSide(counter, offer.madeBy, 'countered');
  return toOfferDto(counter);
}

export interface OfferThreadDto {
  /** The offer asked for. */
  offer: OfferDto;
  /** The whole thread, oldest first. */
  thread: OfferDto[];
  /** The viewer's side. */
  side: OfferSide;
  /** What the viewer may do to the thread's latest offer now. */
  can: { respond: boolean; withdraw: boolean };
}

/** An offer and its whole thread, for either of its organizations. */
export async function getOfferThread(actor: Actor, offerId: string): Promise<OfferThreadDto> {
  const offer = await findOffer(actor, offerId);
  const ids = (await indexedOffers(actor!.organizationId))
    .filter((e) => e.threadId === offer.threadId && e.offerId !== offer._id)
    .map((e) => e.offerId);
  const others = await Promise.all(ids.map((id) => Offer.findById(id).lean<OfferDoc>()));
  const thread = [offer, ...others.filter((o): o is OfferDoc => o !== null)].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const latest = thread.at(-1)!;
  const open = latest.status === 'pending' && latest.expiresAt.getTime() > Date.now();
  return {
    offer: toOfferDto(offer),
    thread: thread.map(toOfferDto),
    side: offer.bidder.organization === actor!.organizationId ? 'bidder' : 'owner',
    can: {
      respond: open && can(actor, { action: 'offer:respond', offer: resourceOf(latest) }),
      withdraw: open && can(actor, { action: 'offer:withdraw', offer: resourceOf(latest) }),
    },
  };
}

export interface OfferSummary {
  offer: OfferDto;
  side: OfferSide;
  /** The offer is pending and the viewer's organization received it. */
  awaitingAnswer: boolean;
}

/** The actor's organization's offers, as bidder and as owner: the latest of each thread, newest first. */
export async function listOffers(actor: Actor): Promise<OfferSummary[]> {
  if (!actor) throw unauthorized();
  const entries = await indexedOffers(actor.organizationId);
  const latestOfThread = new Map<string, string>();
  for (const e of entries) if (!latestOfThread.has(e.threadId)) latestOfThread.set(e.threadId, e.offerId);
  const offers = await Promise.all([...latestOfThread.values()].map((id) => Offer.findById(id).lean<OfferDoc>()));
  return offers
    .filter((o): o is OfferDoc => o !== null)
    .map((o) => {
      const side: OfferSide = o.bidder.organization === actor.organizationId ? 'bidder' : 'owner';
      return { offer: toOfferDto(o), side, awaitingAnswer: o.status === 'pending' && o.madeBy !== side };
    });
}
