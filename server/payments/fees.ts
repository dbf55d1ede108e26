import { config } from '../config.ts';
import { parseMajorUnits, type Money } from '../shared/money.ts';
import { CURRENCIES, type Currency } from '../vocabulary.ts';

// The exchange's service fee on a deal's payment: PLATFORM_FEE_PERCENT of the
// amount, rounded half up to the minor unit, never below the currency's minimum
// (PLATFORM_FEE_MINIMUMS) and never above the amount itself. Integer arithmetic
// throughout: the percentage is held in basis points.

export interface FeeSplit {
  fee: Money;
  /** What the seller receives. */
  net: Money;
}

function minimumFee(currency: Currency): number {
  for (const entry of config().PLATFORM_FEE_MINIMUMS.replace(/\s/g, '').split(',')) {
    const [code, amount] = entry.split(':');
    if (code === currency && amount) return parseMajorUnits(amount, currency) ?? 0;
  }
  return 0;
}

export function platformFee(amount: Money): FeeSplit {
  const basisPoints = BigInt(config().PLATFORM_FEE_PERCENT);
  const proportional = Number((BigInt(amount.amount) * basisPoints + 5_000n) / 10_000n);
  const fee = Math.min(Math.max(proportional, minimumFee(amount.currency)), amount.amount);
  return {
    fee: { amount: fee, currency: amount.currency },
    net: { amount: amount.amount - fee, currency: amount.currency },
  };
}

/** The configured minimum per currency (for the page that explains the fee). */
export const feeMinimums = (): Money[] =>
  CURRENCIES.map((currency) => ({ amount: minimumFee(currency), currency })).filter((m) => m.amount > 0);
