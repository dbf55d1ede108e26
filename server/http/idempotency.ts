import mongoose, { Schema } from 'mongoose';
import { insertOnce } from '../db/insert-once.ts';
import { conflict, invalid } from '../errors.ts';

// `Idempotency-Key` on mutating API calls: the first request with a key claims
// it by an insert (`_id` = `${userId}:${key}`) and stores its successful
// response; a repeat gets that response back instead of acting again. A
// request still running answers a repeat with 409; a failed one releases its
// key (an error changed nothing, so the retry may act).

const KEY = /^[A-Za-z0-9_.:-]{1,100}$/;
/** How long a stored response answers repeats. */
const KEEP_MS = 24 * 60 * 60_000;

const idempotencySchema = new Schema(
  {
    _id: String,
    /** The method and path the key was used for: the same key on another call is a client error. */
    request: { type: String, required: true },
    response: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
export const IdempotencyKey = mongoose.model('IdempotencyKey', idempotencySchema, 'idempotency_keys');

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotencyClaim = { id: string; replay: null } | { id: string; replay: StoredResponse };

/** Claims the key for this request, or hands back the response its first use stored. */
export async function claimIdempotencyKey(userId: string, key: string, request: string): Promise<IdempotencyClaim> {
  if (!KEY.test(key)) throw invalid({ 'Idempotency-Key': ['validation.idempotencyKey'] });
  const id = `${userId}:${key}`;
  const { doc, created } = await insertOnce(IdempotencyKey, { _id: id }, { _id: id, request, createdAt: new Date() });
  if (created) return { id, replay: null };
  if (doc.request !== request) throw invalid({ 'Idempotency-Key': ['validation.idempotencyKeyReused'] });
  if (!doc.response) throw conflict('errors.idempotencyInFlight');
  return { id, replay: doc.response as StoredResponse };
}

export async function storeIdempotentResponse(id: string, response: StoredResponse): Promise<void> {
  await IdempotencyKey.updateOne({ _id: id }, { $set: { response } });
}

export async function releaseIdempotencyKey(id: string): Promise<void> {
  await IdempotencyKey.deleteOne({ _id: id, response: null });
}

/** The daily purge of keys older than a day (no TTL indexes on FerretDB; the collection holds a day of keys). */
export async function purgeIdempotencyKeys(now = new Date()): Promise<void> {
  await IdempotencyKey.deleteMany({ createdAt: { $lt: new Date(now.getTime() - KEEP_MS) } });
}
