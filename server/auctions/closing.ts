import { createDeal, type DealTerms } from '../deals/index.ts';
import { isDuplicateKeyError } from '../db/insert-once.ts';
import { Listing, toListingDto, type ListingDoc } from '../listings/index.ts';
import { logger } from '../logger.ts';
import { listedLicenceScope } from '../offers/index.ts';
import { rollForward, startedHead } from './head.ts';
import { AuctionHead, AuctionSlot, OpenAuction, slotId, type AuctionHeadDoc, type BidSlotDoc } from './model.ts';
import { tellAuction } from './notify.ts';

// Closing an auction (the `auction-close` job, decision 007). Every step is
// safe to repeat, so two app instances closing the same auction, or a run
// that died half-way and is picked up by the next, end it once:
// 1. seal: the close marker takes the next free slot, by an insert. A bid
//    that took it first is counted (and, in the last minutes, extends the
//    end: then the auction is not due yet); a bid after it finds the marker.
// 2. the deal, for the highest bid at or above the reserve: one per source
//    (`auction:<listing>`), so a repeated close finds the same deal.
// 3. the head's state, by an update guarded by its version: the run that
//    makes it tells the winner, the seller and the other bidders.
// 4. the auction leaves the job's set.

/** The deal's terms for the winning bid: the price of an assignment, or the upfront fee of an exclusive licence. */
function winningTerms(head: AuctionHeadDoc, listing: ListingDoc, amount: BidSlotDoc['amount']): DealTerms {
  if (head.dealType === 'assignment') return { dealType: 'assignment', price: amount };
  const listed = listing.licenseTerms;
  // The listed royalty and minimum go with the licence; a minimum in another currency cannot share its terms.
  const minimumAnnual =
    listed?.minimumAnnual?.amount && listed.minimumAnnual.currency === amount.currency
      ? { amount: listed.minimumAnnual.amount, currency: amount.currency }
      : null;
  return {
    dealType: 'exclusive_license',
    upfront: amount,
    royaltyPercent: listed?.royaltyPercent ?? null,
    minimumAnnual,
    ...listedLicenceScope(toListingDto(listing, null, { confidential: false })),
  };
}

/** Takes the next free slot with the close marker, unless a bid there moved the end past `now`. */
async function seal(head: AuctionHeadDoc, now: Date): Promise<AuctionHeadDoc | null> {
  while (!head.sealed) {
    if (head.endsAt.getTime() > now.getTime()) return null;
    try {
      await AuctionSlot.insertMany([
        { _id: slotId(head._id, head.seq + 1), listing: head._id, seq: head.seq + 1, kind: 'close', at: now },
      ]);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    head = await rollForward(head);
  }
  return head;
}

/** The deal for the winning bid, or null: no bid reached the reserve, or the listing is no longer on the market. */
async function sell(head: AuctionHeadDoc, listing: ListingDoc): Promise<string | null> {
  const highest = head.highest;
  if (!highest || (head.reserve && highest.amount.amount < head.reserve.amount)) return null;
  if (listing.status !== 'published' && listing.status !== 'under_offer') return null;
  const winning = await AuctionSlot.findById(slotId(head._id, highest.seq)).lean<BidSlotDoc>();
  try {
    const { deal } = await createDeal({
      source: { kind: 'auction', id: head._id },
      listingId: head._id,
      sellerOrganizationId: String(listing.organization),
      buyerOrganizationId: highest.bidder.organization,
      terms: winningTerms(head, listing, highest.amount),
      priceSetBy: 'auction',
      createdBy: winning?.user ?? highest.bidder.organization,
    });
    return deal.id;
  } catch (err) {
    // Another exclusive deal took the listing meanwhile (an accepted offer): the auction ends without sale.
    logger.warn({ err, listing: head._id }, 'auction could not become a deal');
    return null;
  }
}

/** Tells everyone the close concerns; only the run whose update ended the auction calls it. */
async function announce(head: AuctionHeadDoc, listing: ListingDoc): Promise<void> {
  const ref = { id: head._id, title: { zh: listing.title.zh ?? undefined, en: listing.title.en ?? undefined } };
  const seller = String(listing.organization);
  const winner = head.state === 'sold' ? head.highest!.bidder.organization : null;
  const amount = head.highest?.amount ?? null;
  await tellAuction(seller, head.state === 'sold' ? 'sold' : 'ended', ref, amount);
  for (const bidder of head.bidders) {
    await tellAuction(bidder, winner === null ? 'ended' : bidder === winner ? 'won' : 'lost', ref, amount);
  }
}

/** Closes one auction if it is due; returns its state after (null: not due, or no auction). */
export async function closeAuction(listingId: string, now = new Date()): Promise<AuctionHeadDoc['state'] | null> {
  const listing = await Listing.findById(listingId).lean<ListingDoc>();
  const started = listing ? await startedHead(listing) : null;
  if (!listing || !started) {
    await OpenAuction.deleteOne({ _id: listingId });
    return null;
  }
  const sealed = await seal(started, now);
  if (!sealed) {
    await OpenAuction.updateOne({ _id: listingId }, { $set: { endsAt: started.endsAt } });
    return null;
  }
  if (sealed.state === 'open') {
    const dealId = await sell(sealed, listing);
    const ended = await AuctionHead.findOneAndUpdate(
      { _id: listingId, version: sealed.version, state: 'open' },
      { $set: { state: dealId ? 'sold' : 'unsold', dealId, closedAt: now }, $inc: { version: 1 } },
      { returnDocument: 'after' },
    ).lean<AuctionHeadDoc>();
    if (ended) {
      logger.info({ listing: listingId, state: ended.state, deal: dealId }, 'auction closed');
      await announce(ended, listing);
    }
  }
  await OpenAuction.deleteOne({ _id: listingId });
  return (await AuctionHead.findById(listingId, { state: 1 }).lean<{ state: AuctionHeadDoc['state'] }>())!.state;
}

/** The `auction-close` job: every auction in the set whose end has passed. */
export async function closeDueAuctions(now = new Date()): Promise<{ closed: number }> {
  const due = (await OpenAuction.find().lean()).filter((a) => a.endsAt.getTime() <= now.getTime());
  let closed = 0;
  for (const { _id } of due) {
    try {
      if (await closeAuction(_id, now)) closed++;
    } catch (err) {
      logger.error({ err, listing: _id }, 'auction close failed; the next run tries again');
    }
  }
  return { closed };
}

/**
 * The job's set from the listings: every published listing in auction mode
 * (a scan, hence daily; publishing adds one at once). Auctions that ended
 * with a head already closed are not added again.
 */
export async function registerOpenAuctions(): Promise<number> {
  const listings = await Listing.find({ status: 'published', auction: { $ne: null } }, { _id: 1, auction: 1 }).lean<
    ListingDoc[]
  >();
  let added = 0;
  for (const l of listings) {
    const head = await AuctionHead.findById(l._id, { state: 1 }).lean<{ state: string }>();
    if (head && head.state !== 'open') continue;
    try {
      await OpenAuction.insertMany([{ _id: String(l._id), endsAt: l.auction!.endsAt }]);
      added++;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return added;
}
