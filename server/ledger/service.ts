import { can, type Actor } from '../auth/permissions.ts';
import { forbidden } from '../errors.ts';
import type { Money } from '../shared/money.ts';
import { entryAt, headSequence } from './chain.ts';
import { recordOf, type LedgerRecord, type StoredEntry } from './record.ts';
import { LEDGER_PAGE_SIZE } from './schemas.ts';
import { verifyLedgerShared, type SharedVerification } from './verify.ts';

// The public record: what /ledger and GET /api/v1/ledger show, and the check
// behind GET /api/v1/ledger/verify.

/** One entry as everyone sees it: enough to recompute its hash and check its link. */
export interface LedgerEntryDto {
  seq: number;
  hash: string;
  /** Exactly what `hash` is the SHA-256 of, in RFC 8785 canonical form. */
  record: LedgerRecord;
  /** Where both parties agreed to publish them: the amounts and the salt of `record.amountsDigest`; else null. */
  amounts: Record<string, Money> | null;
  amountsSalt: string | null;
}

export interface LedgerPage {
  items: LedgerEntryDto[];
  page: number;
  pageSize: number;
  /** Entries in the ledger. */
  total: number;
  pages: number;
}

function toDto(entry: StoredEntry): LedgerEntryDto {
  return {
    seq: entry.seq,
    hash: entry.hash,
    record: recordOf(entry),
    amounts: entry.publishAmounts ? entry.amounts : null,
    amountsSalt: entry.publishAmounts ? entry.amountsSalt : null,
  };
}

/**
 * One page of the ledger, newest first. The slots are numbered, so a page is
 * a set of `_id` look-ups counted down from the head; a page past the end is
 * empty.
 */
export async function listLedger(actor: Actor, { page }: { page: number }): Promise<LedgerPage> {
  if (!can(actor, { action: 'ledger:view' })) throw forbidden();
  const total = await headSequence();
  const newest = total - (page - 1) * LEDGER_PAGE_SIZE;
  const count = Math.max(0, Math.min(LEDGER_PAGE_SIZE, newest));
  const entries = await Promise.all(Array.from({ length: count }, (_, i) => entryAt(newest - i)));
  return {
    // A slot emptied behind the ledger's back is left out here; verify names it.
    items: entries.filter((entry) => entry !== null).map(toDto),
    page,
    pageSize: LEDGER_PAGE_SIZE,
    total,
    pages: Math.max(1, Math.ceil(total / LEDGER_PAGE_SIZE)),
  };
}

/** Walks the whole chain (shared with any walk already running). */
export async function verifyLedgerFor(actor: Actor): Promise<SharedVerification> {
  if (!can(actor, { action: 'ledger:view' })) throw forbidden();
  return verifyLedgerShared();
}
