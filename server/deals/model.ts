import mongoose, { Schema } from 'mongoose';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import type { PatentJurisdiction } from '../vocabulary.ts';
import type { DealTerms } from './terms.ts';

// A deal is one document: its frozen terms, the parties and listing as they
// were, its objections and its timeline (events), so a deal page is one `_id`
// read and every transition one guarded write. Whatever must happen once is an
// insert under an `_id`: one deal per source, one exclusive deal per listing.
// Lists that pages and jobs scan are small collections of deals in flight
// (in notice, awaiting payment, completing), never the deals themselves.

export const DEAL_STATUSES = [
  'public_notice',
  'awaiting_payment',
  // Nothing is paid at signing (royalty-only licences, IP for equity): the parties complete it when done.
  'awaiting_completion',
  'paid',
  'completed',
  'cancelled',
] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const DEAL_SOURCE_KINDS = ['offer', 'license_now', 'auction'] as const;
export const PRICE_SETTERS = ['agreement', 'listing', 'auction'] as const;
export type PriceSetter = (typeof PRICE_SETTERS)[number];

export const DEAL_EVENTS = [
  'created',
  'objection_lodged',
  'objection_dismissed',
  'notice_ended',
  'payment_confirmed',
  'completed',
  'registration_recorded',
  'cancel_proposed',
  'cancelled',
  // Their note is the side ('seller' or 'buyer') that agreed or withdrew.
  'amounts_publication_agreed',
  'amounts_publication_withdrawn',
] as const;
export type DealEventType = (typeof DEAL_EVENTS)[number];

export interface DealParty {
  organization: string;
  name: Bilingual;
  kind: string;
}

export type DealSide = 'seller' | 'buyer';

/** Each side's agreement to show the deal's amounts on the public ledger; the ledger shows them when both agree. */
export type AmountsPublication = Record<DealSide, boolean>;

export interface StoredObjection {
  id: string;
  by: string;
  organization: string;
  text: string;
  at: Date;
  status: 'open' | 'dismissed' | 'upheld';
  resolution: string | null;
  resolvedAt: Date | null;
}

export interface StoredDealEvent {
  at: Date;
  type: DealEventType;
  /** The user who took the step; null for the system (the notice job). */
  by: string | null;
  status: DealStatus;
  note: string | null;
}

export interface DealDoc {
  _id: mongoose.Types.ObjectId;
  source: { kind: (typeof DEAL_SOURCE_KINDS)[number]; id: string };
  listing: { id: string; title: Bilingual; patents: { number: string; jurisdiction: PatentJurisdiction }[] };
  seller: DealParty;
  buyer: DealParty;
  terms: DealTerms;
  exclusive: boolean;
  priceSetBy: PriceSetter;
  status: DealStatus;
  version: number;
  noticeEndsAt: Date | null;
  payment: { provider: 'offline'; reference: string; amount: Money } | null;
  registrationNumber: string | null;
  /** The organization that proposed cancelling; the other one confirms. */
  cancelProposedBy: string | null;
  cancelReason: string | null;
  /** Absent on deals made before the parties could agree: nobody agreed (read through `amountsPublicationOf`). */
  publishAmounts?: AmountsPublication;
  objections: StoredObjection[];
  events: StoredDealEvent[];
  createdBy: string;
  createdAt: Date;
  completedAt: Date | null;
}

const dealSchema = new Schema(
  {
    source: { kind: { type: String, enum: DEAL_SOURCE_KINDS, required: true }, id: { type: String, required: true } },
    listing: { type: Schema.Types.Mixed, required: true },
    seller: { type: Schema.Types.Mixed, required: true },
    buyer: { type: Schema.Types.Mixed, required: true },
    terms: { type: Schema.Types.Mixed, required: true },
    exclusive: { type: Boolean, required: true },
    priceSetBy: { type: String, enum: PRICE_SETTERS, required: true },
    status: { type: String, enum: DEAL_STATUSES, required: true },
    version: { type: Number, required: true, default: 0 },
    noticeEndsAt: { type: Date, default: null },
    payment: { type: Schema.Types.Mixed, default: null },
    registrationNumber: { type: String, default: null },
    cancelProposedBy: { type: String, default: null },
    cancelReason: { type: String, default: null },
    publishAmounts: { type: Schema.Types.Mixed, default: () => ({ seller: false, buyer: false }) },
    objections: { type: [Schema.Types.Mixed], default: [] },
    events: { type: [Schema.Types.Mixed], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { minimize: false, versionKey: false },
);
export const Deal = mongoose.model('Deal', dealSchema, 'deals');

export const amountsPublicationOf = (deal: Pick<DealDoc, 'publishAmounts'>): AmountsPublication =>
  deal.publishAmounts ?? { seller: false, buyer: false };

/** `_id` = `${kind}:${id}`: the first creation from a source claims it for the deal id it carries. */
export const DealSourceClaim = mongoose.model(
  'DealSourceClaim',
  new Schema({ _id: String, deal: { type: String, required: true } }, { versionKey: false }),
  'deal_sources',
);

/** `_id` = the listing's id: held by its one live exclusive deal, deleted when that deal is cancelled. */
export const DealExclusiveClaim = mongoose.model(
  'DealExclusiveClaim',
  new Schema(
    { _id: String, deal: { type: String, required: true }, at: { type: Date, required: true } },
    { versionKey: false },
  ),
  'deal_exclusive_claims',
);

const inFlight = (collection: string, name: string, fields: Record<string, unknown> = {}) =>
  mongoose.model(name, new Schema({ _id: String, ...fields }, { versionKey: false }), collection);

/** Deals in public notice (what /notices lists and the notice job reads); `openObjections` holds a deal. */
export const DealNotice = inFlight('deal_notices', 'DealNotice', {
  endsAt: { type: Date, required: true },
  openObjections: { type: Number, required: true, default: 0 },
});
/** Deals awaiting the operator's confirmation of their payment (/operator/deals). */
export const DealPaymentDue = inFlight('deal_payments_due', 'DealPaymentDue', {
  since: { type: Date, required: true },
});
/** Written before a deal becomes `completed`, deleted once its ledger entry exists: what start-up recovery finishes. */
export const DealCompletionPending = inFlight('deal_completions_pending', 'DealCompletionPending', {
  since: { type: Date, required: true },
});
