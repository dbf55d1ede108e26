import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { insertOnce, isDuplicateKeyError } from '../db/insert-once.ts';
import { fieldErrorsOf, invalid } from '../errors.ts';
import { logger } from '../logger.ts';
import { advanceHead, entryAt, headHint, headSequence } from './chain.ts';
import { LedgerDealKey, LedgerEntry, type DealKeyDoc } from './model.ts';
import { GENESIS_HASH, sealEntry, type EntryContent, type StoredEntry } from './record.ts';
import { ledgerAppendInput, type LedgerAppendInput } from './schemas.ts';

// Appending without transactions (decision 006). Three steps, each safe to run
// again, so a crash anywhere is repaired by calling appendLedgerEntry again
// with the same deal (the deals module's recovery pass does):
// 1. claim the deal's entry: insert ledger_deal_keys `${dealId}:${type}` with
//    the entry's content (its time and salt) and the head hint; a retry finds
//    the claim and appends that same content;
// 2. take the next slot: insert the sealed entry under `_id` = head + 1; the
//    insert fails (E11000) if the slot is taken or if the deal's entry already
//    has another slot (the unique index on dealId + type), so of any number of
//    racing appends of one deal exactly one entry is stored;
// 3. record the slot in the claim and raise the head hint: both only hints,
//    re-derived by the next append when lost.
// The claim comes first because its hint bounds the search for an entry whose
// step 3 was lost: that entry's slot is after the hint the claim recorded.

/** Slots lost to other appenders before giving up: only a flood of appends gets there. */
const MAX_LOST_SLOTS = 200;

function parse(input: LedgerAppendInput) {
  const parsed = ledgerAppendInput.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(fieldErrorsOf(parsed.error.issues));
}

function contentOf({ at, ...rest }: ReturnType<typeof parse>): EntryContent {
  // A JSON round trip leaves out absent optional fields, which would be stored as null otherwise.
  const json = JSON.parse(JSON.stringify(rest)) as Omit<EntryContent, 'at' | 'amountsSalt'>;
  return { ...json, amountsSalt: randomBytes(16).toString('hex'), at: at ?? new Date() };
}

const isEntryOf = (entry: StoredEntry, content: EntryContent) =>
  entry.dealId === content.dealId && entry.type === content.type;

/** The claimed entry whose slot was not recorded: the first of the claim's deal after the claim's hint. */
async function findClaimedEntry(claim: DealKeyDoc): Promise<StoredEntry> {
  for (let seq = claim.afterSeq + 1; ; seq++) {
    const entry = await entryAt(seq);
    if (!entry)
      throw new Error(`ledger: ${claim._id} is refused as a duplicate, yet no entry after #${claim.afterSeq} is it`);
    if (isEntryOf(entry, claim.content)) return entry;
  }
}

/** Step 2: the claim's content sealed into the next free slot, or the entry it already has. */
async function takeSlot(claim: DealKeyDoc): Promise<{ entry: StoredEntry; created: boolean }> {
  for (let lost = 0; lost < MAX_LOST_SLOTS; lost++) {
    const head = await headSequence();
    const previous = head === 0 ? null : await entryAt(head);
    if (head > 0 && !previous) throw new Error(`ledger: entry #${head} is missing; run npm run ledger:verify`);
    const entry = sealEntry(claim.content, head + 1, previous?.hash ?? GENESIS_HASH);
    try {
      await LedgerEntry.insertMany([entry]);
      return { entry, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // Which key refused it: the slot is free only when the deal's entry is elsewhere.
    const taken = await entryAt(entry.seq);
    if (!taken) return { entry: await findClaimedEntry(claim), created: false };
    if (isEntryOf(taken, claim.content)) return { entry: taken, created: false };
    // Another deal's entry took the slot: spread a burst's retries a little, then try the next one.
    await sleep(Math.random() * 5 * Math.min(lost + 1, 10));
  }
  throw new Error(`ledger: no free slot for ${claim._id} after ${MAX_LOST_SLOTS} tries`);
}

/**
 * Appends a completed deal's entry to the ledger, once: calling it again for
 * the same deal and type (a retry, a recovery pass, a parallel duplicate)
 * returns the stored entry with `created: false`; the first call's content
 * wins. Internal: no actor, the deals module decides when a deal is complete.
 */
export async function appendLedgerEntry(input: LedgerAppendInput): Promise<{ entry: StoredEntry; created: boolean }> {
  const content = contentOf(parse(input));
  const key = `${content.dealId}:${content.type}`;
  const { doc } = await insertOnce(
    LedgerDealKey,
    { _id: key },
    { _id: key, afterSeq: await headHint(), content, seq: null, createdAt: new Date() },
  );
  const claim = doc as unknown as DealKeyDoc;
  if (claim.seq !== null) {
    const entry = await entryAt(claim.seq);
    if (!entry) throw new Error(`ledger: entry #${claim.seq} of ${key} is missing; run npm run ledger:verify`);
    return { entry, created: false };
  }
  const { entry, created } = await takeSlot(claim);
  // By `_id` and unconditional: every appender of this deal writes the same slot.
  await LedgerDealKey.updateOne({ _id: key }, { $set: { seq: entry.seq } });
  await advanceHead(entry.seq);
  if (created) logger.info({ seq: entry.seq, type: entry.type, dealId: entry.dealId }, 'ledger entry appended');
  return { entry, created };
}
