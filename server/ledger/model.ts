import mongoose, { Schema } from 'mongoose';
import { LEDGER_FORMAT, type EntryContent } from './record.ts';
import { LEDGER_ENTRY_TYPES } from './schemas.ts';

// Three collections (decision 006). Every read and write selects by `_id`, the
// only filter FerretDB 1.24 answers from an index:
// - ledger_entries: `_id` = the sequence number as twelve digits, so claiming a
//   slot is an insert (two appenders racing for it get one E11000) and a page
//   is a set of `_id` look-ups;
// - ledger_deal_keys: `_id` = `${dealId}:${type}`, one per deal entry, inserted
//   before the entry: fixes the entry's content for every retry, and points to
//   its slot once it has one;
// - ledger_head: one document, the highest slot known to be taken: a hint
//   (appenders probe the slots after it), never the truth.
// Nested values are Mixed so that what is read back is exactly what was hashed.

const entrySchema = new Schema(
  {
    _id: { type: String, required: true },
    format: { type: String, enum: [LEDGER_FORMAT], required: true },
    seq: { type: Number, required: true },
    type: { type: String, enum: LEDGER_ENTRY_TYPES, required: true },
    dealId: { type: String, required: true },
    listing: { type: Schema.Types.Mixed, required: true },
    parties: { type: Schema.Types.Mixed, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    amounts: { type: Schema.Types.Mixed, required: true },
    amountsSalt: { type: String, required: true },
    publishAmounts: { type: Boolean, required: true },
    at: { type: Date, required: true },
    previousHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
// The second half of an append's claim: one entry per deal and type, however
// many appenders race (the first half is the slot's `_id`). Never read by.
entrySchema.index({ dealId: 1, type: 1 }, { unique: true });

export const LedgerEntry = mongoose.model('LedgerEntry', entrySchema, 'ledger_entries');

export interface DealKeyDoc {
  /** `${dealId}:${type}`. */
  _id: string;
  /** The head hint when the deal's entry was claimed: its slot comes after this one. */
  afterSeq: number;
  content: EntryContent;
  /** The entry's slot, once it has one. */
  seq: number | null;
  createdAt: Date;
}

const dealKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    afterSeq: { type: Number, required: true },
    content: { type: Schema.Types.Mixed, required: true },
    seq: { type: Number, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export const LedgerDealKey = mongoose.model('LedgerDealKey', dealKeySchema, 'ledger_deal_keys');

export const HEAD_ID = 'head';

const headSchema = new Schema(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { versionKey: false },
);

export const LedgerHead = mongoose.model('LedgerHead', headSchema, 'ledger_head');
