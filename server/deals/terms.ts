import { z } from 'zod';
import { safeName, safeText } from '../shared/bilingual-input.ts';
import { royaltyPercentInput } from '../listings/schemas.ts';
import { creditCodeInput } from '../shared/credit-code.ts';
import { moneyInput, type Money } from '../shared/money.ts';

// Pure (zod only): the terms of an offer, a counter and the deal it becomes,
// one shape per deal type. An offer proposes them, a counter replaces them, and
// a deal freezes the ones accepted. Pages import it through app/domain.ts.

const positiveMoney = moneyInput.refine((m) => m.amount > 0, { message: 'validation.positive', path: ['amount'] });
const optionalMoney = moneyInput.nullish().transform((m) => m ?? null);
const percent = z.coerce.number().gt(0).max(100);
const line = (max: number) => z.string().trim().min(1, { message: 'validation.required' }).max(max).check(safeName);

const license = {
  upfront: optionalMoney,
  royaltyPercent: royaltyPercentInput,
  minimumAnnual: optionalMoney,
  territory: line(200),
  fieldOfUse: line(500),
  termYears: z.coerce.number().int().min(1).max(30),
};

export const dealTermsInput = z.discriminatedUnion('dealType', [
  z.object({ dealType: z.literal('assignment'), price: positiveMoney }),
  z.object({ dealType: z.literal('exclusive_license'), ...license }),
  z.object({ dealType: z.literal('non_exclusive_license'), ...license }),
  // An investor's cash for a stake in the project's company, at the stated valuation after the money.
  z.object({ dealType: z.literal('equity'), amount: positiveMoney, postMoneyValuation: positiveMoney }),
  // 作价入股: the IP is contributed to a company for a stake, at the value an asset appraisal set.
  z.object({
    dealType: z.literal('ip_for_equity'),
    appraisedValue: positiveMoney,
    appraiser: line(200),
    appraisalReport: line(200),
    stakePercent: percent,
    company: z.object({
      name: line(200),
      creditCode: creditCodeInput.nullish().transform((v) => v ?? null),
    }),
  }),
  z.object({
    dealType: z.literal('co_development'),
    budget: positiveMoney,
    /** The buyer's share of the IP the work produces; the seller keeps the rest. */
    buyerIpSharePercent: z.coerce.number().min(0).max(100),
    durationMonths: z.coerce.number().int().min(1).max(120),
  }),
]);
export type DealTerms = z.output<typeof dealTermsInput>;

/** Every amount of a set of terms (they must share one currency). */
function amountsOf(terms: DealTerms): Money[] {
  switch (terms.dealType) {
    case 'assignment':
      return [terms.price];
    case 'exclusive_license':
    case 'non_exclusive_license':
      return [terms.upfront, terms.minimumAnnual].filter((m): m is Money => m !== null);
    case 'equity':
      return [terms.amount, terms.postMoneyValuation];
    case 'ip_for_equity':
      return [terms.appraisedValue];
    case 'co_development':
      return [terms.budget];
  }
}

/** The terms with the rules across their fields: one currency; a licence pays something; a stake below the valuation. */
export const dealTerms = dealTermsInput.superRefine((terms, ctx) => {
  const currencies = new Set(amountsOf(terms).map((m) => m.currency));
  if (currencies.size > 1) ctx.addIssue({ code: 'custom', path: ['dealType'], message: 'validation.oneCurrency' });
  if (
    (terms.dealType === 'exclusive_license' || terms.dealType === 'non_exclusive_license') &&
    !terms.upfront?.amount &&
    !terms.royaltyPercent &&
    !terms.minimumAnnual?.amount
  ) {
    ctx.addIssue({ code: 'custom', path: ['upfront', 'amount'], message: 'validation.licencePays' });
  }
  if (terms.dealType === 'equity' && terms.amount.amount > terms.postMoneyValuation.amount) {
    ctx.addIssue({ code: 'custom', path: ['amount', 'amount'], message: 'validation.stakeAboveValuation' });
  }
});

/**
 * The amount the buyer pays when the deal is signed (the notice shows it and
 * payment asks for it); null when no cash changes hands at signing (a licence
 * on royalties only, IP for equity).
 */
export function amountDue(terms: DealTerms): Money | null {
  switch (terms.dealType) {
    case 'assignment':
      return terms.price;
    case 'exclusive_license':
    case 'non_exclusive_license':
      return terms.upfront && terms.upfront.amount > 0 ? terms.upfront : null;
    case 'equity':
      return terms.amount;
    case 'ip_for_equity':
      return null;
    case 'co_development':
      return terms.budget;
  }
}

/** The stake an equity investment buys, in basis points (1 = 0.01 %), from the amount and the valuation after it. */
export const equityStakeBasisPoints = (terms: Extract<DealTerms, { dealType: 'equity' }>): number =>
  Math.round((terms.amount.amount * 10_000) / terms.postMoneyValuation.amount);

/** Exclusive deals close the listing and end every other pending offer on it. */
export const isExclusive = (terms: Pick<DealTerms, 'dealType'>): boolean =>
  terms.dealType === 'assignment' || terms.dealType === 'exclusive_license' || terms.dealType === 'ip_for_equity';

/** A message sent with an offer or a counter. */
export const offerMessage = z.string().trim().max(5000).check(safeText).default('');
