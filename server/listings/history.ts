import mongoose, { Schema } from 'mongoose';
import { LISTING_EVENTS, type ListingEvent } from '../vocabulary.ts';

// The audit trail of a listing: who did what, when, and which fields changed
// from what to what. One document per listing, keyed by the listing's id, so
// reading it is an _id look-up (FerretDB scans for anything else).

const changeSchema = new Schema(
  { field: { type: String, required: true }, from: Schema.Types.Mixed, to: Schema.Types.Mixed },
  { _id: false },
);

const entrySchema = new Schema(
  {
    at: { type: Date, required: true },
    action: { type: String, enum: LISTING_EVENTS, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    organization: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    reason: { type: String, default: null },
    changes: { type: [changeSchema], default: [] },
  },
  { _id: false },
);

const historySchema = new Schema(
  { _id: { type: Schema.Types.ObjectId, required: true }, entries: { type: [entrySchema], default: [] } },
  { versionKey: false },
);

export const ListingHistory = mongoose.model('ListingHistory', historySchema, 'listing_history');

export interface HistoryEntry {
  /** When the change was written (the listing's updatedAt): racing writers append out of order, readers sort by it. */
  at: Date;
  action: ListingEvent;
  by: string;
  organization: string;
  reason?: string | null;
  changes?: { field: string; from: unknown; to: unknown }[];
}

/** Appends one entry to a listing's trail. */
export async function record(listingId: mongoose.Types.ObjectId | string, entry: HistoryEntry): Promise<void> {
  await ListingHistory.updateOne(
    { _id: listingId },
    { $push: { entries: { ...entry, reason: entry.reason ?? null, changes: entry.changes ?? [] } } },
    { upsert: true },
  );
}
