import mongoose, { Schema } from 'mongoose';
import { bilingualSchema, type Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';

// An auction lives in three small collections (decision 007), so that every
// read is a look-up by `_id` and every write is an insert or a guarded update:
// - `auction_slots`: the bid history, one document per slot, `_id` =
//   `${listing}:${seq}` (seq from 1, six digits). Taking slot n+1 by an insert
//   is what orders bids: of two racing bids one gets the slot, the other sees
//   the duplicate, reads the winner and tries again against the new highest.
//   So the history is strictly increasing and has no gaps. The closing job
//   takes the next free slot with a `close` marker: a bid racing the close
//   either got its slot first (and is counted) or finds the marker (and is
//   refused), never lost.
// - `auction_heads`: per listing (`_id` = its id), the state the slots add up
//   to (the highest bid, the bidders, the end after extensions), copied from
//   the listing's auction when the first bid comes and kept by guarded updates
//   on `seq`. A head behind its slots (a bidder died between its slot and the
//   head) is rolled forward by the next reader.
// - `open_auctions`: the auctions not yet closed, the small set the closing job
//   scans.

export const AUCTION_STATES = ['open', 'sold', 'unsold'] as const;
export type AuctionState = (typeof AUCTION_STATES)[number];

/** The deal an auction sells: the assignment when the listing offers it, else an exclusive licence. */
export const AUCTION_DEAL_TYPES = ['assignment', 'exclusive_license'] as const;
export type AuctionDealType = (typeof AUCTION_DEAL_TYPES)[number];

export interface Bidder {
  organization: string;
  name: Bilingual;
}

export interface BidSlotDoc {
  _id: string;
  listing: string;
  seq: number;
  kind: 'bid';
  amount: Money;
  bidder: Bidder;
  user: string;
  /** When the bid was checked against the end (its extension counts from here). */
  at: Date;
}

export interface CloseSlotDoc {
  _id: string;
  listing: string;
  seq: number;
  kind: 'close';
  at: Date;
}

export type AuctionSlotDoc = BidSlotDoc | CloseSlotDoc;

export interface AuctionHeadDoc {
  _id: string;
  dealType: AuctionDealType;
  startingPrice: Money;
  minimumIncrement: Money;
  reserve: Money | null;
  /** The end after every extension so far. */
  endsAt: Date;
  /** The last slot applied. */
  seq: number;
  highest: { amount: Money; bidder: Bidder; seq: number } | null;
  /** The organizations that bid, in order of their first bid. */
  bidders: string[];
  /** A close marker was applied: no bid gets in any more. */
  sealed: boolean;
  state: AuctionState;
  dealId: string | null;
  closedAt: Date | null;
  version: number;
}

export interface OpenAuctionDoc {
  _id: string;
  endsAt: Date;
}

const moneySchema = new Schema(
  { amount: { type: Number, required: true }, currency: { type: String, required: true } },
  { _id: false },
);
const bidderSchema = new Schema(
  { organization: { type: String, required: true }, name: { type: bilingualSchema, required: true } },
  { _id: false },
);

const slotSchema = new Schema(
  {
    _id: { type: String, required: true },
    listing: { type: String, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, enum: ['bid', 'close'], required: true },
    amount: { type: moneySchema, default: undefined },
    bidder: { type: bidderSchema, default: undefined },
    user: { type: String, default: undefined },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

const headSchema = new Schema(
  {
    _id: { type: String, required: true },
    dealType: { type: String, enum: AUCTION_DEAL_TYPES, required: true },
    startingPrice: { type: moneySchema, required: true },
    minimumIncrement: { type: moneySchema, required: true },
    reserve: { type: moneySchema, default: null },
    endsAt: { type: Date, required: true },
    seq: { type: Number, required: true, default: 0 },
    highest: {
      type: new Schema(
        {
          amount: { type: moneySchema, required: true },
          bidder: { type: bidderSchema, required: true },
          seq: { type: Number, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    bidders: { type: [String], default: [] },
    sealed: { type: Boolean, required: true, default: false },
    state: { type: String, enum: AUCTION_STATES, required: true, default: 'open' },
    dealId: { type: String, default: null },
    closedAt: { type: Date, default: null },
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, minimize: false },
);

const openAuctionSchema = new Schema(
  { _id: { type: String, required: true }, endsAt: { type: Date, required: true } },
  { versionKey: false },
);

export const AuctionSlot = mongoose.model('AuctionSlot', slotSchema, 'auction_slots');
export const AuctionHead = mongoose.model('AuctionHead', headSchema, 'auction_heads');
export const OpenAuction = mongoose.model('OpenAuction', openAuctionSchema, 'open_auctions');

/** Six digits, so a listing's slots sort as text in sequence order. */
export const slotId = (listingId: string, seq: number) => `${listingId}:${String(seq).padStart(6, '0')}`;
