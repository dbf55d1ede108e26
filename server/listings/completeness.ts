import { isTicked, rowsOf, type ListingFormValues, type TextPair } from './form-values.ts';
import type { ListingFieldStep } from './schemas.ts';

// How complete a listing is, as a buyer reads it: buyers pass over vague
// listings, so the form scores what they look for and says what is missing.
// A pure function of the form's values, so the page can score as one types.

const COMPLETENESS_CHECKS = [
  'titleBothLanguages',
  'summaryBothLanguages',
  'problem',
  'advantages',
  'clinicalUse',
  'partnerSought',
  'technology',
  'patents',
  'dealTypes',
  'price',
  'licenseTerms',
  'equity',
] as const;
export type CompletenessCheck = (typeof COMPLETENESS_CHECKS)[number];

export interface Completeness {
  /** 0–100: the share of the checks that apply to this listing and are met. */
  score: number;
  /** What is missing, in the order of the form, with the step that asks for it. */
  missing: { check: CompletenessCheck; step: ListingFieldStep }[];
}

const filled = (text: string | undefined) => Boolean(text?.trim());
const inBoth = (text: TextPair | undefined) => filled(text?.zh) && filled(text?.en);
const inEither = (text: TextPair | undefined) => filled(text?.zh) || filled(text?.en);

interface Check {
  step: ListingFieldStep;
  /** Null when the check does not apply to this listing (licence terms when nothing is licensed). */
  met: (values: ListingFormValues) => boolean | null;
}

const licensing = (v: ListingFormValues) =>
  isTicked(v.dealTypes?.exclusive_license) || isTicked(v.dealTypes?.non_exclusive_license);

const CHECKS: Record<CompletenessCheck, Check> = {
  titleBothLanguages: { step: 'basics', met: (v) => inBoth(v.title) },
  summaryBothLanguages: { step: 'basics', met: (v) => inBoth(v.summary) },
  problem: { step: 'basics', met: (v) => inEither(v.problem) },
  advantages: { step: 'basics', met: (v) => inEither(v.advantages) },
  clinicalUse: { step: 'basics', met: (v) => inEither(v.clinicalUse) },
  partnerSought: { step: 'basics', met: (v) => inEither(v.partnerSought) },
  technology: {
    step: 'technology',
    met: (v) => [v.category, v.nmpaClass, v.trl, v.stage].every(filled),
  },
  patents: {
    step: 'patents',
    met: (v) => (v.kind === 'patent' ? rowsOf(v.patents).some((row) => filled(row.number)) : null),
  },
  dealTypes: { step: 'terms', met: (v) => Object.values(v.dealTypes ?? {}).some(isTicked) },
  price: { step: 'terms', met: (v) => filled(v.askingPrice?.amount) || isTicked(v.priceOnRequest) },
  licenseTerms: {
    step: 'terms',
    met: (v) =>
      licensing(v) ? filled(v.licenseTerms?.upfront?.amount) || filled(v.licenseTerms?.royaltyPercent) : null,
  },
  equity: {
    step: 'terms',
    met: (v) =>
      v.kind === 'project' ? filled(v.equityOffered?.percent) && filled(v.equityOffered?.valuation?.amount) : null,
  },
};

export function listingCompleteness(values: ListingFormValues): Completeness {
  const results = COMPLETENESS_CHECKS.map((check) => ({
    check,
    step: CHECKS[check].step,
    met: CHECKS[check].met(values),
  }));
  const applicable = results.filter((r) => r.met !== null);
  const met = applicable.filter((r) => r.met).length;
  return {
    score: applicable.length ? Math.round((100 * met) / applicable.length) : 0,
    missing: applicable.filter((r) => !r.met).map(({ check, step }) => ({ check, step })),
  };
}
