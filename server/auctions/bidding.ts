import { can, ownsListing, type Actor } from '../auth/permissions.ts';
import { isDuplicateKeyError } from '../db/insert-once.ts';
import { conflict, fieldErrorsOf, forbidden, invalid, notFound, unauthorized } from '../errors.ts';
import { findVisibleListing, resourceOf, type ListingDoc } from '../listings/index.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import { requireMembership } from '../payments/index.ts';
import { nextMinimum, rollForward, startedHead } from './head.ts';
import { AuctionSlot, slotId, type AuctionHeadDoc, type BidSlotDoc } from './model.ts';
import { tellAuction } from './notify.ts';
import { bidInput } from './schemas.ts';
import { auctionView, type AuctionView } from './view.ts';

/** Slots lost to other bidders before giving up: far more than 50 parallel bids need. */
const MAX_LOST_SLOTS = 200;

/** Who may bid at all, before the amount is looked at. */
function checkBidder(actor: NonNullable<Actor>, listing: ListingDoc): void {
  const resource = resourceOf(listing);
  if (!can(actor, { action: 'bid:place', listing: resource })) {
    if (ownsListing(actor, resource)) throw forbidden('errors.auctions.ownListing');
    throw forbidden(actor.organizationVerified ? 'errors.offers.buyersOnly' : 'errors.offers.verifiedOnly');
  }
  if (listing.status !== 'published') throw conflict('errors.offers.listingNotOpen');
  if (!listing.auction) throw conflict('errors.auctions.none');
}

/** The bid's amount against the auction as it stands now. */
function checkAmount(head: AuctionHeadDoc, amount: BidSlotDoc['amount'], now: number): void {
  if (head.sealed || head.state !== 'open' || head.endsAt.getTime() <= now) throw conflict('errors.auctions.ended');
  if (amount.currency !== head.startingPrice.currency) {
    throw invalid({ 'amount.currency': ['validation.auctions.currency'] });
  }
  if (amount.amount < nextMinimum(head).amount)
    throw invalid({ 'amount.amount': ['validation.auctions.belowMinimum'] });
}

/**
 * A verified company or investor bids on another organization's published
 * listing in auction mode. The bid takes the next slot of the history by an
 * insert; a bidder who loses the slot to another reads the new highest and
 * tries again, so a bid that no longer beats it by the increment is refused
 * (422) and every accepted bid beats the one before. Returns the auction as
 * the bidder now sees it.
 */
export async function placeBid(actor: Actor, listingId: string, input: unknown): Promise<AuctionView> {
  if (!actor) throw unauthorized();
  const listing = await findVisibleListing(actor, listingId);
  checkBidder(actor, listing);
  await requireMembership(actor);
  const parsed = bidInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues, 'amount'));
  const { amount } = parsed.data;
  const bidder = await Organization.findById(actor.organizationId).lean<OrganizationDoc>();
  if (!bidder) throw notFound('organization');
  let head = await startedHead(listing);
  if (!head) throw conflict('errors.auctions.none');

  for (let lost = 0; lost < MAX_LOST_SLOTS; lost++) {
    const now = Date.now();
    checkAmount(head, amount, now);
    const previous = head.highest;
    const slot: BidSlotDoc = {
      _id: slotId(head._id, head.seq + 1),
      listing: head._id,
      seq: head.seq + 1,
      kind: 'bid',
      amount,
      bidder: {
        organization: actor.organizationId,
        name: { ...(bidder.name.zh ? { zh: bidder.name.zh } : {}), ...(bidder.name.en ? { en: bidder.name.en } : {}) },
      },
      user: actor.userId,
      at: new Date(now),
    };
    try {
      await AuctionSlot.insertMany([slot]);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      head = await rollForward(head); // another bid (or the close) took the slot: against it now
      continue;
    }
    await rollForward(head);
    if (previous && previous.bidder.organization !== actor.organizationId) {
      await tellAuction(previous.bidder.organization, 'outbid', { id: head._id, title: listing.title }, amount);
    }
    return (await auctionView(actor, listing))!;
  }
  throw conflict('errors.auctions.busy');
}
