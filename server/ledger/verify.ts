import { GENESIS_HASH, hashOf, recordOf, type StoredEntry } from './record.ts';
import { sharedWalk, walkLedger, type Checked } from './walk.ts';

// Verifying the hash chain: the walk (walk.ts) with every entry's hash and link recomputed.

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
  let previousHash = GENESIS_HASH;
  const problem: { reason?: LedgerBreak } = {};
  const walked = await walkLedger(
    (entry, seq) => {
      problem.reason = problemWith(entry, seq, previousHash) ?? undefined;
      if (problem.reason) return false;
      previousHash = entry.hash;
    },
    { onProgress },
  );
  if (walked.end === 'stopped') return { ok: false, brokenAt: walked.seq, reason: problem.reason! };
  if (walked.end === 'gap') return { ok: false, brokenAt: walked.seq, reason: 'gap' };
  return { ok: true, entries: walked.entries, headHash: walked.entries > 0 ? previousHash : null };
}

export type SharedVerification = Checked<LedgerVerification>;

const sharedVerification = sharedWalk(() => verifyLedger());

/**
 * The walk for requests, shared and reused for a minute (walk.ts's sharedWalk).
 * `npm run ledger:verify` always walks afresh.
 */
export function verifyLedgerShared(now = Date.now()): Promise<SharedVerification> {
  return sharedVerification.get(now);
}

/** Forgets the last answer, so the next request walks the chain (tests, after tampering on purpose). */
export function forgetLedgerVerification(): void {
  sharedVerification.forget();
}
