import { isDuplicateKeyError } from '../db/insert-once.ts';
import { HEAD_ID, LedgerEntry, LedgerHead } from './model.ts';
import { slotId, type StoredEntry } from './record.ts';

// Finding entries and the head by `_id` only (decision 006).

export async function entryAt(seq: number): Promise<StoredEntry | null> {
  return LedgerEntry.findById(slotId(seq)).lean<StoredEntry>();
}

/** The head hint: the highest slot an appender recorded, or 0. */
export async function headHint(): Promise<number> {
  return (await LedgerHead.findById(HEAD_ID).lean<{ seq: number }>())?.seq ?? 0;
}

/**
 * The highest taken slot: the hint, then `_id` look-ups past it until a slot
 * is free. Slots are taken in order (an appender takes n + 1 only after it saw
 * n), so the first free one ends the chain, and an append whose hint update was
 * lost (a crash, a slower racer) is found here.
 */
export async function headSequence(): Promise<number> {
  let seq = await headHint();
  while (await LedgerEntry.exists({ _id: slotId(seq + 1) })) seq++;
  return seq;
}

/** Raises the hint to `seq` unless it is already there or past it. */
export async function advanceHead(seq: number): Promise<void> {
  // ledger_head holds one document, so the guarded filter reads no more than that.
  const { matchedCount } = await LedgerHead.updateOne({ _id: HEAD_ID, seq: { $lt: seq } }, { $set: { seq } });
  if (matchedCount > 0) return;
  // None yet (or already past): the first append inserts it; a duplicate means someone else did.
  await LedgerHead.insertMany([{ _id: HEAD_ID, seq }]).catch((error: unknown) => {
    if (!isDuplicateKeyError(error)) throw error;
  });
}
