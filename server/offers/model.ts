import mongoose, { Schema } from 'mongoose';
import { bilingualSchema, type Bilingual } from '../shared/bilingual.ts';
import type { DealTerms } from '../deals/terms.ts';

// Offers, their threads and the two small collections that let every read be
// a look-up by `_id` (no page ever filters the offers collection):
// - `Offer`: one document per offer; a counter is a new offer in its thread
//   (`threadId` = the first offer's id, `previousOfferId` = the one countered).
// - `OpenOffer`: one document per offer that is still `pending` or `accepting`
//   (`_id` = the offer's id). It is the small set the expiry job and "this
//   listing's pending offers" scan; it is written before the offer and removed
//   after the offer leaves the open states, so a crash leaves at most an
//   orphan the sweep removes, never an open offer nobody sees.
// - `OfferIndex`: one document per organization (`_id` = its id) listing the
//   offers it made or received: `/offers` is one read plus one per offer.

export const OFFER_STATUSES = [
  'pending',
  /** Accepted by its receiver, the deal not yet created (see service.ts, "Accepting"). */
  'accepting',
  'accepted',
  'rejected',
  'withdrawn',
  'expired',
  'countered',
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const OPEN_STATUSES: readonly OfferStatus[] = ['pending', 'accepting'];

/** Why an offer was rejected: by its receiver (with a reason), or because an exclusive deal took the listing. */
export const REJECTION_CAUSES = ['receiver', 'listing_taken'] as const;
export type RejectionCause = (typeof REJECTION_CAUSES)[number];

export const OFFER_SIDES = ['bidder', 'owner'] as const;
export type OfferSide = (typeof OFFER_SIDES)[number];

export interface OfferParty {
  organization: string;
  name: Bilingual;
}

export interface OfferDoc {
  _id: string;
  listing: string;
  listingTitle: Bilingual;
  threadId: string;
  previousOfferId: string | null;
  bidder: OfferParty;
  owner: OfferParty;
  /** The side that made this offer (a counter is made by the side that received the one before). */
  madeBy: OfferSide;
  createdBy: string;
  terms: DealTerms;
  message: string;
  status: OfferStatus;
  expiresAt: Date;
  createdAt: Date;
  /** When the status last changed. */
  changedAt: Date;
  rejection: { cause: RejectionCause; reason: string } | null;
  dealId: string | null;
  /** The user who accepted it: the deal's creator, also when the sweep finishes the acceptance. */
  acceptedBy: string | null;
  version: number;
}

const partySchema = new Schema(
  { organization: { type: String, required: true }, name: { type: bilingualSchema, required: true } },
  { _id: false },
);

const offerSchema = new Schema(
  {
    _id: { type: String, required: true },
    listing: { type: String, required: true },
    listingTitle: { type: bilingualSchema, required: true },
    threadId: { type: String, required: true },
    previousOfferId: { type: String, default: null },
    bidder: { type: partySchema, required: true },
    owner: { type: partySchema, required: true },
    madeBy: { type: String, enum: OFFER_SIDES, required: true },
    createdBy: { type: String, required: true },
    // Validated by dealTerms (zod) before it gets here; one shape per deal type.
    terms: { type: Schema.Types.Mixed, required: true },
    message: { type: String, default: '' },
    status: { type: String, enum: OFFER_STATUSES, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    changedAt: { type: Date, required: true },
    rejection: {
      type: new Schema(
        { cause: { type: String, enum: REJECTION_CAUSES, required: true }, reason: { type: String, default: '' } },
        { _id: false },
      ),
      default: null,
    },
    dealId: { type: String, default: null },
    acceptedBy: { type: String, default: null },
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, minimize: false },
);

export interface OpenOfferDoc {
  _id: string;
  listing: string;
  expiresAt: Date;
  createdAt: Date;
}

const openOfferSchema = new Schema(
  {
    _id: { type: String, required: true },
    listing: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export interface OfferIndexEntry {
  offerId: string;
  threadId: string;
  at: Date;
}

export interface OfferIndexDoc {
  /** The organization's id. */
  _id: string;
  /** Newest first. */
  offers: OfferIndexEntry[];
  version: number;
}

const offerIndexSchema = new Schema(
  {
    _id: { type: String, required: true },
    offers: {
      type: [
        new Schema(
          {
            offerId: { type: String, required: true },
            threadId: { type: String, required: true },
            at: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, minimize: false },
);

export const Offer = mongoose.model('Offer', offerSchema);
export const OpenOffer = mongoose.model('OpenOffer', openOfferSchema);
export const OfferIndex = mongoose.model('OfferIndex', offerIndexSchema);
