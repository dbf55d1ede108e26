import mongoose, { Schema } from 'mongoose';
import { chinaDay } from './days.ts';

// Each listing's funnel (views → inquiries → NDA acceptances) as daily
// counters in one document per listing, `_id` the listing's id: a write is an
// `$inc` selected by `_id` (the embedded database's proxy serialises writes, so
// parallel increments all count, decision 003) and the dashboard reads one
// document per listing by `_id`. Offers and deals join as further stages when
// their modules exist: add them to FUNNEL_STAGES and call recordFunnelEvent.

export const FUNNEL_STAGES = ['views', 'inquiries', 'ndas'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type FunnelCounts = Record<FunnelStage, number>;

const funnelSchema = new Schema(
  {
    /** The listing's id. */
    _id: { type: String, required: true },
    /** Every stage's count since the listing's first event. */
    totals: { type: Schema.Types.Mixed, default: {} },
    /** `{ 'YYYY-MM-DD' (China day): { views, inquiries, ndas } }`; only days with events. */
    days: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export interface ListingFunnelDoc {
  _id: string;
  totals?: Partial<FunnelCounts>;
  days?: Record<string, Partial<FunnelCounts>>;
}

export const ListingFunnel = mongoose.model<ListingFunnelDoc>('ListingFunnel', funnelSchema, 'listing_funnels');

/** Counts one event of a listing's funnel on the China day `at` falls on. */
export async function recordFunnelEvent(listingId: string, event: FunnelStage, at: Date = new Date()): Promise<void> {
  await ListingFunnel.updateOne(
    { _id: listingId },
    { $inc: { [`totals.${event}`]: 1, [`days.${chinaDay(at)}.${event}`]: 1 } },
    { upsert: true },
  );
}

/** Every stage at 0: what a listing without events shows. */
export const zeroCounts = (): FunnelCounts => ({ views: 0, inquiries: 0, ndas: 0 });

/** Fills the stages a stored record lacks with 0. */
export function countsOf(stored: Partial<FunnelCounts> | undefined): FunnelCounts {
  const counts = zeroCounts();
  for (const stage of FUNNEL_STAGES) counts[stage] = Number(stored?.[stage] ?? 0);
  return counts;
}

export interface ConversionRates {
  /** Inquiries per 100 views, one decimal; null without views. */
  inquiriesPerView: number | null;
  /** NDA acceptances per 100 inquiries, one decimal; null without inquiries. */
  ndasPerInquiry: number | null;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** How many of one stage reached the next, in percent. */
export function conversionRates(counts: FunnelCounts): ConversionRates {
  return {
    inquiriesPerView: percent(counts.inquiries, counts.views),
    ndasPerInquiry: percent(counts.ndas, counts.inquiries),
  };
}

/**
 * The funnels of these listings, a look-up by `_id` each (the embedded database
 * uses its index for `_id` equality only, not `$in`); a listing without events is absent.
 */
export async function funnelsOf(listingIds: string[]): Promise<Map<string, ListingFunnelDoc>> {
  const docs = await Promise.all(listingIds.map((id) => ListingFunnel.findById(id).lean<ListingFunnelDoc>()));
  return new Map(docs.filter((d): d is ListingFunnelDoc => d !== null).map((d) => [d._id, d]));
}
