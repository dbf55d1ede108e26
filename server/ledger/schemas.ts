import { z } from 'zod';
import { safeName, safeText } from '../shared/bilingual-input.ts';
import { CURRENCIES, ORGANIZATION_KINDS, PATENT_JURISDICTIONS } from '../vocabulary.ts';

// The ledger's vocabulary and input schemas. Pure (zod only): app/domain.ts
// re-exports the page query and the types.

export const LEDGER_ENTRY_TYPES = ['ip_assignment', 'license_grant', 'equity_investment', 'ip_for_equity'] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

export const LICENSE_EXCLUSIVITIES = ['exclusive', 'non_exclusive'] as const;

/** The amounts each type records, in the order pages show them. */
export const LEDGER_AMOUNT_NAMES = {
  ip_assignment: ['price'],
  license_grant: ['upfront', 'minimumAnnual'],
  equity_investment: ['investment'],
  ip_for_equity: ['appraisedValue'],
} as const satisfies Record<LedgerEntryType, readonly string[]>;

/**
 * A deal's id as the deals module makes it: letters, digits, `_` and `-` (no
 * `:`, which joins it to the entry type in the deal's claim key).
 */
export const DEAL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Entries per page of /ledger and GET /api/v1/ledger. */
export const LEDGER_PAGE_SIZE = 20;

/** GET /ledger?page= and /api/v1/ledger?page=: newest first; a page past the end is empty. */
export const ledgerPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});

// A lone UTF-16 surrogate has no UTF-8 form, so RFC 8785 refuses to canonicalize it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = z.refine<string>((value) => !LONE_SURROGATE.test(value), { message: 'validation.unsafeCharacters' });

const line = (max: number) => z.string().trim().min(1).max(max).check(safeName).check(wellFormed);
const text = (max: number) => z.string().trim().min(1).max(max).check(safeText).check(wellFormed);
const objectId = z.string().regex(/^[a-f0-9]{24}$/, { message: 'validation.objectId' });

/** A name as it was at the time, in one language or both; absent languages are left out (not empty). */
const name = z
  .strictObject({ zh: line(300).optional(), en: line(300).optional() })
  .refine((v) => Boolean(v.zh || v.en), { message: 'validation.bilingualRequired', path: ['zh'] });

const party = z.strictObject({ organizationId: objectId, kind: z.enum(ORGANIZATION_KINDS), name });

/** Integer minor units only: a hash over floats would depend on how each reader prints them. */
const money = z.strictObject({
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.enum(CURRENCIES),
});

const patentList = z.array(z.strictObject({ number: line(40), jurisdiction: z.enum(PATENT_JURISDICTIONS) })).max(100);
const patents = patentList.min(1);

/** A stake in basis points: 1 = 0.01 %, 10000 = the whole company. */
const stakeBasisPoints = z.number().int().min(1).max(10_000);

const common = {
  dealId: z.string().regex(DEAL_ID),
  listing: z.strictObject({ id: objectId, title: name }),
  /** The seller transfers or grants (assignor, licensor, the company issuing shares, the contributing institute); the buyer receives. */
  parties: z.strictObject({ seller: party, buyer: party }),
  /** Both parties agreed that the amounts may be shown publicly. */
  publishAmounts: z.boolean(),
  /** When the entry took effect (the deal's completion); now when absent. */
  at: z.date().optional(),
};

/** What the deals module hands to appendLedgerEntry: one entry of a completed deal. */
export const ledgerAppendInput = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ip_assignment'),
    ...common,
    payload: z.strictObject({ patents }),
    amounts: z.strictObject({ price: money }),
  }),
  z.strictObject({
    type: z.literal('license_grant'),
    ...common,
    payload: z.strictObject({
      /** Know-how licenses of a result may name no patent. */
      patents: patentList,
      exclusivity: z.enum(LICENSE_EXCLUSIVITIES),
      fieldOfUse: text(500),
      territory: line(200),
      termYears: z.number().int().min(1).max(50),
    }),
    amounts: z.strictObject({ upfront: money, minimumAnnual: money.optional() }),
  }),
  z.strictObject({
    type: z.literal('equity_investment'),
    ...common,
    payload: z.strictObject({ stakeBasisPoints }),
    amounts: z.strictObject({ investment: money }),
  }),
  z.strictObject({
    type: z.literal('ip_for_equity'),
    ...common,
    payload: z.strictObject({
      patents,
      stakeBasisPoints,
      appraisal: z.strictObject({ appraiser: line(300), reportReference: line(200) }),
    }),
    amounts: z.strictObject({ appraisedValue: money }),
  }),
]);

export type LedgerAppendInput = z.input<typeof ledgerAppendInput>;
