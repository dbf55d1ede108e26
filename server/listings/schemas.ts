import { z } from 'zod';
import { bilingualInput, safeName } from '../shared/bilingual-input.ts';
import { moneyInput, parseMajorUnits } from '../shared/money.ts';
import {
  DOCUMENT_VISIBILITIES,
  CATEGORIES,
  CE_STATUSES,
  CURRENCIES,
  DEAL_TYPES,
  FDA_STATUSES,
  LISTING_KINDS,
  NMPA_CLASSES,
  PATENT_JURISDICTIONS,
  PATENT_STATUSES,
  PATENT_TYPES,
  STAGES,
  type DealType,
  type PatentJurisdiction,
} from '../vocabulary.ts';
import { fromChinaTime, isTicked, LIST_SEPARATORS, rowsOf, splitList } from './form-values.ts';
import { normalizePatentNumber, patentNumberProblem } from './patents.ts';

// Input schemas shared by the listing forms and the JSON API; the server parses
// again whatever the browser already checked. Custom messages are locale keys
// (`validation.*`, translated by the app); built-in checks get zod's locale packs.

const isoDate = z.coerce.date();
const optionalDate = z
  .union([z.literal('').transform(() => null), isoDate])
  .nullish()
  .transform((v) => v ?? null);

const patentFields = {
  number: z.string().trim().min(1).transform(normalizePatentNumber),
  jurisdiction: z.enum(PATENT_JURISDICTIONS),
  type: z.enum(PATENT_TYPES),
  status: z.enum(PATENT_STATUSES),
  title: bilingualInput(300, { required: false }).optional(),
  filingDate: isoDate,
  grantDate: optionalDate,
  expiryDate: optionalDate,
  ipc: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-H]\d{2}[A-Z] ?\d{1,4}\/\d{1,6}$/, { message: 'validation.ipc' }),
    )
    .max(20)
    .default([]),
};

interface PatentDates {
  jurisdiction: PatentJurisdiction;
  number: string;
  status: string;
  filingDate: Date;
  grantDate: Date | null;
  expiryDate: Date | null;
}

function patentRules(p: PatentDates, ctx: z.RefinementCtx) {
  const numberProblem = patentNumberProblem(p.jurisdiction, p.number);
  if (numberProblem === 'format') {
    ctx.addIssue({
      code: 'custom',
      path: ['number'],
      message: 'validation.patentNumber',
      params: { jurisdiction: p.jurisdiction },
    });
  } else if (numberProblem === 'checkDigit') {
    ctx.addIssue({ code: 'custom', path: ['number'], message: 'validation.patentCheckDigit' });
  }
  if (p.status === 'granted' && !p.grantDate) {
    ctx.addIssue({ code: 'custom', path: ['grantDate'], message: 'validation.grantDateRequired' });
  }
  if (p.grantDate && p.grantDate < p.filingDate) {
    ctx.addIssue({ code: 'custom', path: ['grantDate'], message: 'validation.grantBeforeFiling' });
  }
  if (p.expiryDate && p.expiryDate <= p.filingDate) {
    ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: 'validation.expiryBeforeFiling' });
  }
}

export const patentInput = z.object(patentFields).superRefine(patentRules);

const optionalMoney = moneyInput.nullish().transform((v) => v ?? null);

/** How many keywords a listing has at most, and how long each is. */
export const MAX_KEYWORDS = 20;
export const KEYWORD_MAX_LENGTH = 60;

/** One keyword, in either language: a short phrase on one line, free of the characters that separate keywords in the form. */
export const keywordInput = z
  .string()
  .trim()
  .min(1, { message: 'validation.keywordLength' })
  .max(KEYWORD_MAX_LENGTH, { message: 'validation.keywordLength' })
  .check(safeName)
  .refine((keyword) => !LIST_SEPARATORS.test(keyword), { message: 'validation.keywordSeparator' });

/** The same keyword however it is cased or typed (full-width Ｐ and P): a repeat is dropped. */
const keywordIdentity = (keyword: string) => keyword.normalize('NFKC').toLowerCase();

/** A listing's keywords: repeats dropped (the first spelling kept), then at most MAX_KEYWORDS. */
export const keywordsInput = z
  .array(keywordInput)
  .default([])
  .transform((keywords) => {
    const byIdentity = new Map<string, string>();
    for (const k of keywords) if (!byIdentity.has(keywordIdentity(k))) byIdentity.set(keywordIdentity(k), k);
    return [...byIdentity.values()];
  })
  .refine((keywords) => keywords.length <= MAX_KEYWORDS, { message: 'validation.tooManyKeywords' });

/** A royalty in percent of net sales, or none. */
export const royaltyPercentInput = z.coerce
  .number()
  .min(0)
  .max(100)
  .nullish()
  .transform((v) => v ?? null);

export const licenseTermsInput = z.object({
  upfront: optionalMoney,
  royaltyPercent: royaltyPercentInput,
  minimumAnnual: optionalMoney,
  openLicense: z.coerce.boolean().default(false),
});

export const auctionInput = z
  .object({
    reserve: optionalMoney,
    startingPrice: moneyInput,
    minimumIncrement: moneyInput.refine((m) => m.amount > 0, { message: 'validation.positive', path: ['amount'] }),
    endsAt: z.coerce.date(),
  })
  .refine((a) => a.endsAt.getTime() > Date.now(), { message: 'validation.future', path: ['endsAt'] });

const equityInput = z.object({ percent: z.coerce.number().gt(0).max(100), valuation: moneyInput });

/** A listing's fields, each with its rules: the API's input and, wrapped for text inputs, the form's steps. */
const listingFields = {
  kind: z.enum(LISTING_KINDS),
  externalId: z
    .string()
    .trim()
    .max(100)
    .regex(/^[\w.:-]+$/, { message: 'validation.externalId' })
    .nullish(),
  title: bilingualInput(200),
  summary: bilingualInput(4000),
  problem: bilingualInput(4000, { required: false }).prefault({}),
  advantages: bilingualInput(4000, { required: false }).prefault({}),
  clinicalUse: bilingualInput(4000, { required: false }).prefault({}),
  partnerSought: bilingualInput(2000, { required: false }).prefault({}),
  keywords: keywordsInput,
  category: z.enum(CATEGORIES),
  nmpaClass: z.enum(NMPA_CLASSES),
  regulatory: z
    .object({ fda: z.enum(FDA_STATUSES).default('none'), ce: z.enum(CE_STATUSES).default('none') })
    .default({ fda: 'none', ce: 'none' }),
  trl: z.coerce.number().int().min(1).max(9),
  stage: z.enum(STAGES),
  patents: z.array(patentInput).max(50).default([]),
  dealTypes: z.array(z.enum(DEAL_TYPES)).min(1, { message: 'validation.chooseOne' }),
  askingPrice: optionalMoney,
  licenseTerms: licenseTermsInput.nullish().transform((v) => v ?? null),
  auction: auctionInput.nullish().transform((v) => v ?? null),
  equityOffered: equityInput.nullish().transform((v) => v ?? null),
  confidential: z.object({ details: z.string().max(20_000).default('') }).default({ details: '' }),
  /** The click-through NDA that opens the data room; empty: the exchange's standard text. */
  nda: z.object({ text: bilingualInput(20_000, { required: false }).prefault({}) }).prefault({}),
};

interface Terms {
  dealTypes: DealType[];
  licenseTerms: z.output<typeof licenseTermsInput> | null;
  auction: z.output<typeof auctionInput> | null;
}

/** The terms' rules among themselves (the form's terms step checks them too). */
function termsRules(l: Terms, ctx: z.RefinementCtx) {
  const licensing = l.dealTypes.some((d) => d === 'exclusive_license' || d === 'non_exclusive_license');
  if (l.licenseTerms?.openLicense && !l.dealTypes.includes('non_exclusive_license')) {
    ctx.addIssue({
      code: 'custom',
      path: ['licenseTerms', 'openLicense'],
      message: 'validation.openLicenseNonExclusive',
    });
  }
  if (l.licenseTerms && !licensing) {
    ctx.addIssue({ code: 'custom', path: ['licenseTerms'], message: 'validation.licenseTermsNeedLicense' });
  }
  if (l.auction && !l.dealTypes.some((d) => d === 'assignment' || d === 'exclusive_license')) {
    ctx.addIssue({ code: 'custom', path: ['auction'], message: 'validation.auctionDealType' });
  }
  if (l.auction?.reserve && l.auction.reserve.amount < l.auction.startingPrice.amount) {
    // On the amount, where a form types it.
    ctx.addIssue({ code: 'custom', path: ['auction', 'reserve', 'amount'], message: 'validation.reserveBelowStart' });
  }
}

export const listingInput = z.object(listingFields).superRefine((l, ctx) => {
  if (l.kind === 'patent' && l.patents.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['patents'], message: 'validation.patentRequired' });
  }
  termsRules(l, ctx);
  if (l.dealTypes.includes('equity') && l.kind !== 'project') {
    ctx.addIssue({ code: 'custom', path: ['dealTypes'], message: 'validation.equityProjectsOnly' });
  }
});
export type ListingInput = z.output<typeof listingInput>;

/** The operator's reason for sending a listing back to its owner. */
export const rejectionInput = z.object({
  reason: z.string().trim().min(1, { message: 'validation.required' }).max(2000),
});
export type RejectionInput = z.output<typeof rejectionInput>;

// ---------------------------------------------------------------------------
// The multi-step form. Its inputs hold text (form-values.ts); each form field
// below turns that text into the listing field above and hands it that field's
// rules, so a rule lives in one place. What only the form adds: "required"
// where an input is left empty, amounts in major units, IPC classes and
// keywords as one comma-separated input each, a checkbox per deal type,
// optional groups (licence terms, auction, equity) that count as absent while
// all their inputs are empty, and patent rows left blank, which are dropped.

export const LISTING_FORM_STEPS = ['basics', 'technology', 'patents', 'terms', 'documents', 'review'] as const;
export type ListingFormStep = (typeof LISTING_FORM_STEPS)[number];
/** The steps that ask for fields; the review step shows them all. */
export type ListingFieldStep = Exclude<ListingFormStep, 'review'>;

/**
 * The form's reading of its inputs, handed to a listing field for that field's
 * rules. (zod's `pipe` types want the field to declare the reading's output as
 * its input exactly; coercing fields declare `unknown`.)
 */
const into = <Out>(reading: z.ZodType, field: z.ZodType<Out>) =>
  reading.pipe(field as z.ZodType) as unknown as z.ZodType<Out>;

const optionalText = z.string().trim().default('');
/**
 * Text that must be filled in: "required" when empty, before the field's own
 * rules speak (and before its group's rules, which would misread the gap).
 */
const required = <Out>(field: z.ZodType<Out>) =>
  into(
    z
      .string({ error: (issue) => (issue.input === undefined ? 'validation.required' : undefined) })
      .trim()
      .min(1, { message: 'validation.required', abort: true }),
    field,
  );
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => isTicked(v));

/** An amount typed in major units, with its currency: integer minor units, or null when left empty. */
const formMoney = into(
  z
    .object({ amount: optionalText, currency: z.enum(CURRENCIES).default('CNY') })
    .prefault({})
    .transform((m, ctx) => {
      if (!m.amount) return null;
      const amount = parseMajorUnits(m.amount, m.currency);
      if (amount === null) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'validation.money' });
        return z.NEVER;
      }
      return { amount, currency: m.currency };
    }),
  moneyInput.nullable(),
);

const isEmpty = (value: unknown) => value === null || value === '' || value === false;

/**
 * Licence terms, an auction, equity: absent (null) while every input is empty;
 * once one is filled in, the `required` inputs are asked for and the group is
 * parsed by its listing field.
 */
function optionalGroup<Shape extends z.ZodRawShape, Out>(
  shape: Shape,
  required: readonly (readonly string[])[],
  field: z.ZodType<Out>,
  prepare: (group: z.output<z.ZodObject<Shape>>) => unknown = (group) => group,
) {
  const reading = z
    .object(shape)
    .prefault({} as never)
    .transform((group, ctx) => {
      const values = group as Record<string, unknown>;
      if (Object.values(values).every(isEmpty)) return null;
      const missing = required.filter(([key]) => isEmpty(values[key!]));
      for (const path of missing) ctx.addIssue({ code: 'custom', path: [...path], message: 'validation.required' });
      return missing.length ? z.NEVER : prepare(group);
    });
  return into(reading, field);
}

/** A list typed in one input (splitList): each item is checked by the listing field's rules, and a problem is shown at the input. */
const listText = <Out>(field: z.ZodType<Out>) =>
  optionalText.transform((text, ctx) => {
    const parsed = field.safeParse(splitList(text));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      // Built-in messages are dropped so the outer parse words them in the reader's language.
      const message = issue.message.startsWith('validation.') ? issue.message : undefined;
      ctx.addIssue({ ...issue, path: [], message } as z.core.$ZodRawIssue);
    }
    return z.NEVER;
  });

/** IPC classes typed in one input. */
const ipcText = listText(patentFields.ipc);

const patentRow = z
  .object({
    ...patentFields,
    number: required(patentFields.number),
    filingDate: required(patentFields.filingDate),
    ipc: ipcText,
  })
  .superRefine(patentRules);

const BLANK_ROW_INPUTS = ['number', 'filingDate', 'grantDate', 'expiryDate', 'ipc'] as const;
function isBlankRow(row: unknown): boolean {
  if (!row || typeof row !== 'object') return false;
  const r = row as Record<string, unknown> & { title?: Record<string, unknown> };
  const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');
  return BLANK_ROW_INPUTS.every((key) => blank(r[key])) && blank(r.title?.zh) && blank(r.title?.en);
}

/** Patent rows: a row left blank (added, never filled in) is dropped; the others keep their numbers for errors. */
const patentRows = into(
  z
    .preprocess(
      (rows) => rowsOf(rows as Record<string, unknown>),
      z.array(z.preprocess((row) => (isBlankRow(row) ? null : row), patentRow.nullable())),
    )
    .transform((rows) => rows.filter((row) => row !== null)),
  listingFields.patents,
);

const dealTypeChoices = into(
  z
    .partialRecord(z.enum(DEAL_TYPES), checkbox)
    .prefault({})
    .transform((ticked) => DEAL_TYPES.filter((d) => ticked[d])),
  listingFields.dealTypes,
);

const termsFields = {
  dealTypes: dealTypeChoices,
  priceOnRequest: checkbox,
  askingPrice: formMoney,
  licenseTerms: optionalGroup(
    { upfront: formMoney, royaltyPercent: optionalText, minimumAnnual: formMoney, openLicense: checkbox },
    [],
    listingFields.licenseTerms,
    (terms) => ({ ...terms, royaltyPercent: terms.royaltyPercent || null }),
  ),
  auction: optionalGroup(
    { startingPrice: formMoney, reserve: formMoney, minimumIncrement: formMoney, endsAt: optionalText },
    [['startingPrice', 'amount'], ['minimumIncrement', 'amount'], ['endsAt']],
    listingFields.auction,
    // The end time is typed in China time, as the pages show it.
    (auction) => ({ ...auction, endsAt: fromChinaTime(auction.endsAt) }),
  ),
  equityOffered: optionalGroup(
    { percent: optionalText, valuation: formMoney },
    [['percent'], ['valuation', 'amount']],
    listingFields.equityOffered,
  ),
};

/** "Price on request" and a price are two different answers. */
function priceRule(t: { priceOnRequest: boolean; askingPrice: unknown }, ctx: z.RefinementCtx) {
  if (t.priceOnRequest && t.askingPrice) {
    ctx.addIssue({ code: 'custom', path: ['askingPrice', 'amount'], message: 'validation.priceOrOnRequest' });
  }
}

const basicsStep = z.object({
  kind: required(listingFields.kind),
  title: listingFields.title,
  summary: listingFields.summary,
  problem: listingFields.problem,
  advantages: listingFields.advantages,
  clinicalUse: listingFields.clinicalUse,
  partnerSought: listingFields.partnerSought,
  keywords: listText(listingFields.keywords),
});
const technologyStep = z.object({
  category: required(listingFields.category),
  nmpaClass: required(listingFields.nmpaClass),
  regulatory: listingFields.regulatory,
  trl: required(listingFields.trl),
  stage: required(listingFields.stage),
  confidential: listingFields.confidential,
});
const patentsStep = z.object({ patents: patentRows });
const termsStep = z.object(termsFields).superRefine((t, ctx) => {
  priceRule(t, ctx);
  termsRules(t, ctx);
});
/** How many documents one listing holds. */
export const MAX_DOCUMENTS = 30;
/** The name a document is shown under (its file name unless the owner gives one). */
export const documentName = z.string().trim().min(1, { message: 'validation.required' }).max(200).check(safeName);
/** What the API and the form send with an upload: its name and who may see it. */
export const documentUploadInput = z.object({
  name: documentName.optional(),
  visibility: z.enum(DOCUMENT_VISIBILITIES, { message: 'validation.chooseOne' }).default('confidential'),
});
export type DocumentUploadInput = z.output<typeof documentUploadInput>;

/** A document row of the form: a stored upload (its id), the name shown and who may see it. */
export const documentRowInput = z.object({
  id: z
    .string()
    .regex(/^[a-f0-9]{24}$/i)
    .optional()
    .catch(undefined),
  file: z.string().regex(/^[a-f0-9]{24}$/i, { message: 'validation.required' }),
  name: documentName,
  visibility: z.enum(DOCUMENT_VISIBILITIES, { message: 'validation.chooseOne' }),
});
export type DocumentRowInput = z.output<typeof documentRowInput>;
const documentsStep = z.object({
  nda: listingFields.nda,
  documents: z.preprocess((rows) => rowsOf(rows as never), z.array(documentRowInput).max(MAX_DOCUMENTS)).default([]),
});

/** Each step's fields as the form sends them, parsed into the listing's input for those fields. */
export const listingFormSteps = {
  basics: basicsStep,
  technology: technologyStep,
  patents: patentsStep,
  terms: termsStep,
  documents: documentsStep,
} as const satisfies Record<ListingFieldStep, z.ZodType>;
export type ListingStepOutput<S extends ListingFieldStep> = z.output<(typeof listingFormSteps)[S]>;

/** The whole form, as the review step and finishing a draft read it: every step, then the listing's own rules. */
export const listingFormInput = into(
  z
    .object({
      ...basicsStep.shape,
      ...technologyStep.shape,
      ...patentsStep.shape,
      ...termsStep.shape,
      nda: documentsStep.shape.nda,
    })
    .superRefine(priceRule),
  listingInput,
);

/** The step whose fields include `field` (a dotted path such as `patents.0.number`). */
export function formStepOf(field: string): ListingFieldStep | null {
  const key = field.split('.')[0]!;
  const steps = Object.keys(listingFormSteps) as ListingFieldStep[];
  return steps.find((step) => Object.hasOwn(listingFormSteps[step].shape, key)) ?? null;
}
