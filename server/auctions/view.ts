import { can, type Actor } from '../auth/permissions.ts';
import { findVisibleListing, resourceOf, type ListingDoc } from '../listings/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import { nextMinimum, readHead } from './head.ts';
import { AuctionSlot, slotId, type AuctionDealType, type AuctionHeadDoc, type BidSlotDoc } from './model.ts';

/** The newest bids a page shows. */
const SHOWN_BIDS = 50;

export interface BidDto {
  seq: number;
  amount: Money;
  at: string;
  /** Who bid: to the owner and the operators only. */
  bidder: { id: string; name: Bilingual } | null;
  /** The viewer's organization made this bid. */
  yours: boolean;
}

export interface AuctionView {
  listingId: string;
  dealType: AuctionDealType;
  startingPrice: Money;
  minimumIncrement: Money;
  /** The end after every extension so far. */
  endsAt: string;
  /** `ended`: past its end (or sealed), waiting for the closing job. */
  state: 'open' | 'ended' | 'sold' | 'unsold';
  highest: Money | null;
  bidCount: number;
  bidderCount: number;
  /** While open: the least the next bid may offer. */
  nextMinimum: Money | null;
  hasReserve: boolean;
  /** Hidden until the auction closed, but from its owner and the operators. */
  reserve: Money | null;
  reserveMet: boolean | null;
  viewer: { leads: boolean; bid: boolean; seesBidders: boolean; mayBid: boolean };
  /** Newest first, at most SHOWN_BIDS. */
  bids: BidDto[];
  /** The deal a sale made: to its two parties and the operators. */
  dealId: string | null;
}

export function stateOf(head: AuctionHeadDoc, now: Date): AuctionView['state'] {
  if (head.state !== 'open') return head.state;
  return head.sealed || head.endsAt.getTime() <= now.getTime() ? 'ended' : 'open';
}

async function newestBids(head: AuctionHeadDoc): Promise<BidSlotDoc[]> {
  const last = head.highest?.seq ?? 0;
  const seqs = Array.from({ length: Math.min(SHOWN_BIDS, last) }, (_, i) => last - i);
  const slots = await Promise.all(seqs.map((seq) => AuctionSlot.findById(slotId(head._id, seq)).lean<BidSlotDoc>()));
  return slots.filter((s): s is BidSlotDoc => s?.kind === 'bid');
}

/** What the actor may see of a listing's auction (null: the listing has none). */
export async function auctionView(actor: Actor, listing: ListingDoc, now = new Date()): Promise<AuctionView | null> {
  const head = await readHead(listing);
  if (!head) return null;
  const org = actor?.organizationId ?? null;
  const seesBidders = can(actor, { action: 'auction:view_bidders', listing: resourceOf(listing) });
  const state = stateOf(head, now);
  const closed = state === 'sold' || state === 'unsold';
  const winner = state === 'sold' && head.highest?.bidder.organization === org;
  const bids = await newestBids(head);
  return {
    listingId: head._id,
    dealType: head.dealType,
    startingPrice: head.startingPrice,
    minimumIncrement: head.minimumIncrement,
    endsAt: head.endsAt.toISOString(),
    state,
    highest: head.highest?.amount ?? null,
    bidCount: head.highest?.seq ?? 0,
    bidderCount: head.bidders.length,
    nextMinimum: state === 'open' ? nextMinimum(head) : null,
    hasReserve: head.reserve !== null,
    reserve: closed || seesBidders ? head.reserve : null,
    reserveMet: closed ? head.reserve === null || (head.highest?.amount.amount ?? 0) >= head.reserve.amount : null,
    viewer: {
      leads: org !== null && head.highest?.bidder.organization === org,
      bid: org !== null && head.bidders.includes(org),
      seesBidders,
      mayBid:
        state === 'open' &&
        listing.status === 'published' &&
        can(actor, { action: 'bid:place', listing: resourceOf(listing) }),
    },
    bids: bids.map((s) => ({
      seq: s.seq,
      amount: s.amount,
      at: s.at.toISOString(),
      bidder: seesBidders ? { id: s.bidder.organization, name: s.bidder.name } : null,
      yours: s.bidder.organization === org,
    })),
    dealId: seesBidders || winner ? head.dealId : null,
  };
}

/** A listing's auction for the actor who may see the listing (404 otherwise; null when it has none). */
export async function getAuction(actor: Actor, listingId: string): Promise<AuctionView | null> {
  return auctionView(actor, await findVisibleListing(actor, listingId));
}
