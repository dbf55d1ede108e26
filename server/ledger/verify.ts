import { entryAt, headHint } from './chain.ts';
import { GENESIS_HASH, hashOf, recordOf, type StoredEntry } from './record.ts';

// Walking the chain from the first entry, by `_id` look-ups in windows read in
// parallel. Measured on the embedded FerretDB at 10,000 entries (decision 006):
// an `_id` look-up takes about 1 ms whatever the size, while an `_id` range, an
// `$in` or a sort scans and decodes the whole collection each time (2.3 s per
// query), so a walk by ranges would cost a scan per window.

/** Why an entry breaks the chain. */
export type LedgerBreak =
  /** The slot is empty, yet later entries exist (or the head says they should). */
  | 'gap'
  /** The entry in the slot says it is another one. */
  | 'sequence_mismatch'
  /** The entry's record no longer hashes to its stored hash: a field was changed. */
  | 'hash_mismatch'
  /** The entry's previousHash is not the hash of the entry before it. */
  | 'broken_link';

export type LedgerVerification =
  { ok: true; entries: number; headHash: string | null } | { ok: false; brokenAt: number; reason: LedgerBreak };

/** Look-ups in flight at once. */
const WINDOW = 32;

function problemWith(entry: StoredEntry, seq: number, previousHash: string): LedgerBreak | null {
  if (entry.seq !== seq) return 'sequence_mismatch';
  let hash: string;
  try {
    hash = hashOf(recordOf(entry));
  } catch {
    // A field changed into something that cannot be hashed (a date that is no date).
    return 'hash_mismatch';
  }
  if (hash !== entry.hash) return 'hash_mismatch';
  if (entry.previousHash !== previousHash) return 'broken_link';
  return null;
}

/**
 * Recomputes every entry's hash and link, in order, and names the first
 * entry that breaks the chain. `onProgress` hears how many were checked.
 */
export async function verifyLedger({
  onProgress,
}: { onProgress?: (checked: number) => void } = {}): Promise<LedgerVerification> {
  const hint = await headHint();
  let previousHash = GENESIS_HASH;
  for (let start = 1; ; start += WINDOW) {
    const window = await Promise.all(Array.from({ length: WINDOW }, (_, i) => entryAt(start + i)));
    for (const [i, entry] of window.entries()) {
      const seq = start + i;
      if (!entry) {
        // A free slot ends the chain unless entries follow it.
        if (seq <= hint || window.slice(i + 1).some(Boolean)) return { ok: false, brokenAt: seq, reason: 'gap' };
        return { ok: true, entries: seq - 1, headHash: seq > 1 ? previousHash : null };
      }
      const reason = problemWith(entry, seq, previousHash);
      if (reason) return { ok: false, brokenAt: seq, reason };
      previousHash = entry.hash;
    }
    onProgress?.(start + WINDOW - 1);
  }
}

/** A walk's answer serves requests for this long: a public endpoint must not let anyone keep the database walking. */
export const VERIFICATION_REUSE_MS = 60_000;

export type SharedVerification = LedgerVerification & { checkedAt: string };

let running: Promise<SharedVerification> | null = null;
let last: { at: number; result: SharedVerification } | null = null;

/**
 * The walk for requests: whoever asks while one runs shares its answer, and
 * an answer less than VERIFICATION_REUSE_MS old is given again (with the time
 * it was checked), so no burst of requests costs more than one walk a minute.
 * `npm run ledger:verify` always walks afresh.
 */
export function verifyLedgerShared(now = Date.now()): Promise<SharedVerification> {
  if (last && now - last.at < VERIFICATION_REUSE_MS) return Promise.resolve(last.result);
  running ??= verifyLedger()
    .then((result) => {
      const checked = { at: Date.now(), result: { ...result, checkedAt: new Date().toISOString() } };
      last = checked;
      return checked.result;
    })
    .finally(() => {
      running = null;
    });
  return running;
}

/** Forgets the last answer, so the next request walks the chain (tests, after tampering on purpose). */
export function forgetLedgerVerification(): void {
  last = null;
}
