import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import type { OrganizationKind, PatentJurisdiction } from '../vocabulary.ts';
import type { LedgerEntryType } from './schemas.ts';

// What an entry's hash covers, and how it is computed (decision 006):
//   hash = SHA-256 (lower-case hex) of the RFC 8785 canonical JSON of the entry's
//   record: every field of the entry but the hash itself, with `at` as an ISO 8601
//   UTC string with milliseconds, and the amounts replaced by `amountsDigest` =
//   SHA-256 of the canonical JSON of `{ "amounts": …, "salt": … }`.
// So the public record of an entry whose amounts are not published can still be
// hashed and chained by anyone, and the amounts stay bound to it: the parties,
// who know the amounts and the salt, can prove them.

export const LEDGER_FORMAT = 'medip-ledger/1';
/** The previousHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface LedgerParty {
  organizationId: string;
  kind: OrganizationKind;
  /** The name as it was when the entry was made. */
  name: Bilingual;
}

export interface PatentRef {
  number: string;
  jurisdiction: PatentJurisdiction;
}

export interface LedgerPayloads {
  ip_assignment: { patents: PatentRef[] };
  license_grant: {
    patents: PatentRef[];
    exclusivity: 'exclusive' | 'non_exclusive';
    fieldOfUse: string;
    territory: string;
    termYears: number;
  };
  equity_investment: { stakeBasisPoints: number };
  ip_for_equity: {
    patents: PatentRef[];
    stakeBasisPoints: number;
    appraisal: { appraiser: string; reportReference: string };
  };
}

/** Everything an entry says, as appended: the same for every retry of one deal's append. */
export interface EntryContent {
  type: LedgerEntryType;
  dealId: string;
  listing: { id: string; title: Bilingual };
  parties: { seller: LedgerParty; buyer: LedgerParty };
  payload: LedgerPayloads[LedgerEntryType];
  amounts: Record<string, Money>;
  /** 128 random bits: without them, a guessable amount could be found from its digest. */
  amountsSalt: string;
  publishAmounts: boolean;
  at: Date;
}

/** An entry as stored: `_id` is its slot (see slotId), `hash` its record's hash. */
export interface StoredEntry extends EntryContent {
  _id: string;
  format: typeof LEDGER_FORMAT;
  seq: number;
  previousHash: string;
  hash: string;
}

/** Exactly what an entry's hash is the SHA-256 of (in RFC 8785 canonical form). */
export interface LedgerRecord {
  format: typeof LEDGER_FORMAT;
  seq: number;
  type: LedgerEntryType;
  dealId: string;
  listing: { id: string; title: Bilingual };
  parties: { seller: LedgerParty; buyer: LedgerParty };
  payload: LedgerPayloads[LedgerEntryType];
  amountsDigest: string;
  publishAmounts: boolean;
  at: string;
  previousHash: string;
}

/** Twelve digits, so the slots sort as text in sequence order (on MongoDB's _id index too). */
export const slotId = (seq: number) => String(seq).padStart(12, '0');

/** RFC 8785 canonical JSON (sorted keys, no whitespace, ECMAScript number form). */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new Error('ledger: nothing to canonicalize');
  return json;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const amountsDigest = (amounts: unknown, salt: unknown) => sha256(canonicalJson({ amounts, salt }));

/**
 * The record of a stored entry. Reads the stored fields as they are (a
 * tampered one included) and never trusts a stored digest: the amounts'
 * digest is computed again from the amounts and their salt.
 */
export function recordOf(entry: Omit<StoredEntry, '_id' | 'hash'>): LedgerRecord {
  return {
    format: entry.format,
    seq: entry.seq,
    type: entry.type,
    dealId: entry.dealId,
    listing: entry.listing,
    parties: entry.parties,
    payload: entry.payload,
    amountsDigest: amountsDigest(entry.amounts, entry.amountsSalt),
    publishAmounts: entry.publishAmounts,
    at: entry.at.toISOString(),
    previousHash: entry.previousHash,
  };
}

export const hashOf = (record: LedgerRecord) => sha256(canonicalJson(record));

/** The entry that goes into slot `seq` after the entry whose hash is `previousHash`. */
export function sealEntry(content: EntryContent, seq: number, previousHash: string): StoredEntry {
  const unsealed = { ...content, format: LEDGER_FORMAT, seq, previousHash } as const;
  return { ...unsealed, _id: slotId(seq), hash: hashOf(recordOf(unsealed)) };
}
