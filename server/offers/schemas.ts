import { z } from 'zod';
import { dealTerms, offerMessage, type DealTerms } from '../deals/terms.ts';
import { safeText } from '../shared/bilingual-input.ts';
import { formatMajorUnits, parseMajorUnits } from '../shared/money.ts';
import { CURRENCIES, type Currency } from '../vocabulary.ts';

// Pure zod (no mongoose): the pages' forms and the API parse with these too.

export const OFFER_EXPIRY_DAYS = { default: 14, min: 1, max: 90 } as const;

/** An offer or a counter: the terms for one deal type, a message and how many days it stays open. */
export const offerInput = z.object({
  terms: dealTerms,
  message: offerMessage,
  expiresInDays: z.coerce
    .number({ error: 'validation.offers.expiry' })
    .int({ error: 'validation.offers.expiry' })
    .min(OFFER_EXPIRY_DAYS.min, { error: 'validation.offers.expiry' })
    .max(OFFER_EXPIRY_DAYS.max, { error: 'validation.offers.expiry' })
    .default(OFFER_EXPIRY_DAYS.default),
});
export type OfferInput = z.output<typeof offerInput>;

/** A rejection says why. */
export const rejectionReasonInput = z.object({
  reason: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(1000)
    .check(safeText),
});

/** Offer ids are ObjectId strings; anything else names no offer. */
export const OFFER_ID = /^[a-f0-9]{24}$/;

// Pure (zod only): the offer form as people fill it in — amounts in yuan (major
// units), one currency for the whole offer, optional fields left empty — turned
// into offerInput's shape. The page's react-hook-form and its action parse with
// the same `offerForm`, so the browser and the server agree on every error.

export type DealTypeKey = DealTerms['dealType'];

/** The money fields of each deal type; those that may stay empty are marked optional. */
export const MONEY_FIELDS: Record<DealTypeKey, { name: string; optional: boolean }[]> = {
  assignment: [{ name: 'price', optional: false }],
  exclusive_license: [
    { name: 'upfront', optional: true },
    { name: 'minimumAnnual', optional: true },
  ],
  non_exclusive_license: [
    { name: 'upfront', optional: true },
    { name: 'minimumAnnual', optional: true },
  ],
  equity: [
    { name: 'amount', optional: false },
    { name: 'postMoneyValuation', optional: false },
  ],
  ip_for_equity: [{ name: 'appraisedValue', optional: false }],
  co_development: [{ name: 'budget', optional: false }],
};

/** The other fields of each deal type, as the form names them under `terms.`. */
export const TEXT_FIELDS: Record<DealTypeKey, { name: string; kind: 'text' | 'number'; optional?: boolean }[]> = {
  assignment: [],
  exclusive_license: licenceFields(),
  non_exclusive_license: licenceFields(),
  equity: [],
  ip_for_equity: [
    { name: 'appraiser', kind: 'text' },
    { name: 'appraisalReport', kind: 'text' },
    { name: 'stakePercent', kind: 'number' },
    { name: 'company.name', kind: 'text' },
    { name: 'company.creditCode', kind: 'text', optional: true },
  ],
  co_development: [
    { name: 'buyerIpSharePercent', kind: 'number' },
    { name: 'durationMonths', kind: 'number' },
  ],
};

function licenceFields(): { name: string; kind: 'text' | 'number'; optional?: boolean }[] {
  return [
    { name: 'royaltyPercent', kind: 'number', optional: true },
    { name: 'territory', kind: 'text' },
    { name: 'fieldOfUse', kind: 'text' },
    { name: 'termYears', kind: 'number' },
  ];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The posted form (dotted names already nested) as offerInput's input; anything unexpected is passed on for zod to refuse. */
export function offerFormToInput(form: unknown): unknown {
  if (!isRecord(form) || !isRecord(form.terms)) return form;
  const terms: Record<string, unknown> = { ...form.terms };
  const dealType = terms.dealType as DealTypeKey;
  const currency = (CURRENCIES as readonly unknown[]).includes(form.currency) ? (form.currency as Currency) : 'CNY';
  for (const { name } of MONEY_FIELDS[dealType] ?? []) {
    const text = isRecord(terms[name]) ? (terms[name] as Record<string, unknown>).amount : undefined;
    if (blank(text)) terms[name] = null;
    else if (typeof text === 'string') terms[name] = { amount: parseMajorUnits(text, currency) ?? text, currency };
  }
  for (const { name, optional } of TEXT_FIELDS[dealType] ?? []) {
    if (!optional) continue;
    const [head, tail] = name.split('.') as [string, string | undefined];
    if (tail && isRecord(terms[head])) {
      const inner = { ...(terms[head] as Record<string, unknown>) };
      if (blank(inner[tail])) inner[tail] = null;
      terms[head] = inner;
    } else if (!tail && blank(terms[head])) terms[head] = null;
  }
  return { message: form.message, expiresInDays: blank(form.expiresInDays) ? undefined : form.expiresInDays, terms };
}

/** What the offer and counter forms parse with, in the browser and on the server. */
export const offerForm = z.preprocess(offerFormToInput, offerInput);

/** Terms as the form's initial values (a counter starts from the offer it answers), amounts in major units. */
export function termsToFormValues(terms: DealTerms): { terms: Record<string, unknown>; currency: Currency } {
  const values: Record<string, unknown> = { ...terms };
  let currency: Currency = 'CNY';
  for (const { name } of MONEY_FIELDS[terms.dealType]) {
    const money = (terms as Record<string, unknown>)[name] as { amount: number; currency: Currency } | null;
    if (money) currency = money.currency;
    values[name] = { amount: money ? formatMajorUnits(money.amount, money.currency) : '' };
  }
  return { terms: values, currency };
}
