// The ledger module: the only file other modules import.
export { appendLedgerEntry } from './append.ts';
export { listLedger, verifyLedgerFor, type LedgerEntryDto, type LedgerPage } from './service.ts';
export { verifyLedger, type LedgerBreak, type LedgerVerification } from './verify.ts';
export { sharedWalk, walkLedger, type Checked } from './walk.ts';
export type { LedgerParty, LedgerPayloads, LedgerRecord, PatentRef, StoredEntry } from './record.ts';
export { LEDGER_ENTRY_TYPES, type LedgerAppendInput, type LedgerEntryType } from './schemas.ts';
export { LedgerDealKey, LedgerEntry, LedgerHead } from './model.ts';
