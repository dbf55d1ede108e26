import mongoose, { Schema } from 'mongoose';
import { bilingualSchema, type Bilingual } from '../shared/bilingual.ts';

// Questions about a listing: one thread per listing and asking organization,
// `_id` = `${listingId}:${askerOrganizationId}`, so the first question creates
// it by an insert (two parallel first questions make one thread) and every
// read is by `_id`. Messages live inside their thread: a thread page is one
// read. Each organization keeps an index of its threads (`_id` = its id), so
// its inbox is one read too and no page ever filters the threads collection.

export const THREAD_SIDES = ['asker', 'owner'] as const;
export type ThreadSide = (typeof THREAD_SIDES)[number];

/** Keeps a thread document far below MongoDB's 16 MB (500 × 5,000 characters ≈ 7.5 MB of UTF-8 at most). */
export const MAX_MESSAGES_PER_THREAD = 500;

export interface StoredMessage {
  id: string;
  side: ThreadSide;
  author: string;
  authorName: string;
  body: string;
  at: Date;
}

export interface ThreadParty {
  organization: string;
  name: Bilingual;
}

export interface InquiryThreadDoc {
  _id: string;
  listing: string;
  /** The listing's title when the thread began. */
  listingTitle: Bilingual;
  asker: ThreadParty;
  owner: ThreadParty;
  messages: StoredMessage[];
  /** How many messages each side has seen (its own count as seen). */
  readBy: Record<ThreadSide, number>;
  createdAt: Date;
  version: number;
}

const messageSchema = new Schema(
  {
    id: { type: String, required: true },
    side: { type: String, enum: THREAD_SIDES, required: true },
    author: { type: String, required: true },
    authorName: { type: String, required: true },
    body: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const partySchema = new Schema(
  { organization: { type: String, required: true }, name: { type: bilingualSchema, required: true } },
  { _id: false },
);

const inquiryThreadSchema = new Schema(
  {
    _id: { type: String, required: true },
    listing: { type: String, required: true },
    listingTitle: { type: bilingualSchema, required: true },
    asker: { type: partySchema, required: true },
    owner: { type: partySchema, required: true },
    messages: { type: [messageSchema], default: [] },
    readBy: {
      asker: { type: Number, required: true, default: 0 },
      owner: { type: Number, required: true, default: 0 },
    },
    createdAt: { type: Date, required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, minimize: false },
);

/** One organization's view of one thread: what its inbox lists. */
export interface ThreadIndexEntry {
  threadId: string;
  listingId: string;
  listingTitle: Bilingual;
  /** Which side of the thread this organization is on. */
  side: ThreadSide;
  otherOrganization: ThreadParty;
  lastAt: Date;
  lastSide: ThreadSide;
  /** The start of the last message. */
  preview: string;
  /** Messages from the other side this organization has not opened. */
  unread: number;
  /** The thread's version this entry shows: an older one never replaces it. */
  threadVersion: number;
}

export interface ThreadIndexDoc {
  _id: string;
  /** Newest message first. */
  threads: ThreadIndexEntry[];
  version: number;
}

const threadIndexEntrySchema = new Schema(
  {
    threadId: { type: String, required: true },
    listingId: { type: String, required: true },
    listingTitle: { type: bilingualSchema, required: true },
    side: { type: String, enum: THREAD_SIDES, required: true },
    otherOrganization: { type: partySchema, required: true },
    lastAt: { type: Date, required: true },
    lastSide: { type: String, enum: THREAD_SIDES, required: true },
    preview: { type: String, default: '' },
    unread: { type: Number, required: true, default: 0 },
    threadVersion: { type: Number, required: true },
  },
  { _id: false },
);

const threadIndexSchema = new Schema(
  {
    /** The organization's id. */
    _id: { type: String, required: true },
    threads: { type: [threadIndexEntrySchema], default: [] },
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, minimize: false },
);

export const InquiryThread = mongoose.model('InquiryThread', inquiryThreadSchema);

export const InquiryThreadIndex = mongoose.model('InquiryThreadIndex', threadIndexSchema);
