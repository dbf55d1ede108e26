import { insertOnce } from '../db/insert-once.ts';
import type { ListingDoc } from '../listings/index.ts';
import { money } from '../listings/dto.ts';
import type { Money } from '../shared/money.ts';
import {
  AuctionHead,
  AuctionSlot,
  OpenAuction,
  slotId,
  type AuctionDealType,
  type AuctionHeadDoc,
  type AuctionSlotDoc,
} from './model.ts';

/** A bid this close to the end moves the end to this long after the bid (anti-sniping). */
export const EXTENSION_MS = 5 * 60_000;

/** The assignment when the listing offers it (the larger deal), else the exclusive licence. */
const dealTypeOf = (listing: ListingDoc): AuctionDealType =>
  listing.dealTypes.includes('assignment') ? 'assignment' : 'exclusive_license';

/** The head of an auction nobody has bid in: the listing's auction as it stands (null: the listing has none). */
export function headFromListing(listing: ListingDoc): AuctionHeadDoc | null {
  const auction = listing.auction;
  if (!auction) return null;
  return {
    _id: String(listing._id),
    dealType: dealTypeOf(listing),
    startingPrice: money(auction.startingPrice)!,
    minimumIncrement: money(auction.minimumIncrement)!,
    reserve: money(auction.reserve),
    endsAt: auction.endsAt,
    seq: 0,
    highest: null,
    bidders: [],
    sealed: false,
    state: 'open',
    dealId: null,
    closedAt: null,
    version: 0,
  };
}

/** The lowest amount the next bid may offer: the starting price, then the highest bid plus the increment. */
export const nextMinimum = (head: AuctionHeadDoc): Money =>
  head.highest
    ? { amount: head.highest.amount.amount + head.minimumIncrement.amount, currency: head.startingPrice.currency }
    : head.startingPrice;

/** The head with one more slot applied (pure). */
export function applySlot(head: AuctionHeadDoc, slot: AuctionSlotDoc): AuctionHeadDoc {
  if (slot.kind === 'close') return { ...head, seq: slot.seq, sealed: true };
  const extended = slot.at.getTime() + EXTENSION_MS;
  return {
    ...head,
    seq: slot.seq,
    highest: { amount: slot.amount, bidder: slot.bidder, seq: slot.seq },
    bidders: head.bidders.includes(slot.bidder.organization)
      ? head.bidders
      : [...head.bidders, slot.bidder.organization],
    endsAt: extended > head.endsAt.getTime() ? new Date(extended) : head.endsAt,
  };
}

/**
 * The head with every slot taken after it applied, each by an update guarded
 * by `seq` (a concurrent reader applying the same slot wins or loses cleanly;
 * the loser reads the winner's result).
 */
export async function rollForward(head: AuctionHeadDoc): Promise<AuctionHeadDoc> {
  for (;;) {
    const slot = await AuctionSlot.findById(slotId(head._id, head.seq + 1)).lean<AuctionSlotDoc>();
    if (!slot) return head;
    const next = applySlot(head, slot);
    const { _id, version: _version, ...fields } = next;
    const updated = await AuctionHead.findOneAndUpdate(
      { _id, seq: head.seq },
      { $set: fields, $inc: { version: 1 } },
      { returnDocument: 'after' },
    ).lean<AuctionHeadDoc>();
    head = updated ?? (await AuctionHead.findById(_id).lean<AuctionHeadDoc>())!;
  }
}

/** The auction as it stands, for reading: its stored head rolled forward, or the listing's untouched auction. */
export async function readHead(listing: ListingDoc): Promise<AuctionHeadDoc | null> {
  const stored = await AuctionHead.findById(String(listing._id)).lean<AuctionHeadDoc>();
  return stored ? rollForward(stored) : headFromListing(listing);
}

/**
 * The auction's stored head, created from the listing's auction when the
 * first bid or the close needs it: from then on the head's terms hold, whatever
 * later edits of the listing say. The auction is also put in the closing
 * job's set.
 */
export async function startedHead(listing: ListingDoc): Promise<AuctionHeadDoc | null> {
  const fresh = headFromListing(listing);
  const id = String(listing._id);
  const stored = await AuctionHead.findById(id).lean<AuctionHeadDoc>();
  if (stored) return rollForward(stored);
  if (!fresh) return null;
  await insertOnce(OpenAuction, { _id: id }, { _id: id, endsAt: fresh.endsAt });
  const { doc } = await insertOnce(AuctionHead, { _id: id }, { ...fresh });
  return rollForward(doc as unknown as AuctionHeadDoc);
}
