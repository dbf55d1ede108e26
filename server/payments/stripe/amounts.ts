import type { Money } from '../../shared/money.ts';
import type { Currency } from '../../vocabulary.ts';

// Our money is integer minor units in the currency's own decimals (fen, cents,
// yen). Stripe counts in its own "smallest unit" per currency: two decimals for
// most, none for its zero-decimal currencies (JPY). The tables are kept apart on
// purpose: if they ever differ, the conversion scales instead of silently
// charging a hundred times too much or too little.

/** Decimals of our stored amounts (server/shared/money.ts). */
const OUR_DIGITS: Record<Currency, number> = { CNY: 2, USD: 2, EUR: 2, HKD: 2, JPY: 0 };
/** Decimals of Stripe's amounts (its list of zero-decimal currencies: JPY among ours). */
const STRIPE_DIGITS: Record<Currency, number> = { CNY: 2, USD: 2, EUR: 2, HKD: 2, JPY: 0 };

/**
 * What one Checkout payment may be, in our minor units: Stripe's minimum charge
 * per currency, and its maximum of eight digits in its own unit (larger deals
 * are paid by bank transfer).
 */
const STRIPE_MINIMUM: Record<Currency, number> = { CNY: 400, USD: 50, EUR: 50, HKD: 400, JPY: 50 };
const STRIPE_MAXIMUM_DIGITS = 99_999_999;

export interface StripeAmount {
  amount: number;
  /** Stripe's lower-case ISO code. */
  currency: string;
}

export function toStripeAmount(money: Money): StripeAmount {
  const shift = STRIPE_DIGITS[money.currency] - OUR_DIGITS[money.currency];
  if (shift < 0 && money.amount % 10 ** -shift !== 0) {
    throw new RangeError(`${money.amount} ${money.currency} has more decimals than Stripe takes`);
  }
  const amount = shift >= 0 ? money.amount * 10 ** shift : money.amount / 10 ** -shift;
  return { amount, currency: money.currency.toLowerCase() };
}

/** Stripe's amount and currency code as our Money; null for a currency we do not offer. */
export function fromStripeAmount(amount: number, currency: string): Money | null {
  const code = currency.toUpperCase() as Currency;
  if (!(code in OUR_DIGITS) || !Number.isSafeInteger(amount)) return null;
  const shift = OUR_DIGITS[code] - STRIPE_DIGITS[code];
  return { amount: shift >= 0 ? amount * 10 ** shift : Math.round(amount / 10 ** -shift), currency: code };
}

/** Whether Stripe takes this amount in one payment. */
export function withinStripeLimits(money: Money): boolean {
  if (money.amount < STRIPE_MINIMUM[money.currency]) return false;
  return toStripeAmount(money).amount <= STRIPE_MAXIMUM_DIGITS;
}
