import { describe, expect, test } from 'vitest';
import { fromStripeAmount, toStripeAmount, withinStripeLimits } from '../../server/payments/stripe/amounts.ts';

// Stripe counts in each currency's smallest unit, with no decimals for its
// zero-decimal currencies: ¥5,000 is 5000, not 500000 (Stripe's currency docs).

describe('amounts between our minor units and Stripe', () => {
  test('CNY: ¥1,234.56 is 123456 fen to Stripe, and back', () => {
    expect(toStripeAmount({ amount: 123456, currency: 'CNY' })).toEqual({ amount: 123456, currency: 'cny' });
    expect(fromStripeAmount(123456, 'cny')).toEqual({ amount: 123456, currency: 'CNY' });
  });

  test('USD: $99.99 is 9999 cents to Stripe, and back', () => {
    expect(toStripeAmount({ amount: 9999, currency: 'USD' })).toEqual({ amount: 9999, currency: 'usd' });
    expect(fromStripeAmount(9999, 'usd')).toEqual({ amount: 9999, currency: 'USD' });
  });

  test('JPY is zero-decimal: ¥5,000 is 5000 to Stripe, and back', () => {
    expect(toStripeAmount({ amount: 5000, currency: 'JPY' })).toEqual({ amount: 5000, currency: 'jpy' });
    expect(fromStripeAmount(5000, 'JPY')).toEqual({ amount: 5000, currency: 'JPY' });
  });

  test('a currency we do not offer is not read as ours', () => {
    expect(fromStripeAmount(100, 'gbp')).toBeNull();
  });

  test('Stripe takes at most eight digits in one payment: ¥999,999.99 yes, ¥1,000,000.00 no', () => {
    expect(withinStripeLimits({ amount: 99_999_999, currency: 'CNY' })).toBe(true);
    expect(withinStripeLimits({ amount: 100_000_000, currency: 'CNY' })).toBe(false);
  });

  test("below Stripe's minimum charge ($0.50, ¥50) a payment goes by bank transfer", () => {
    expect(withinStripeLimits({ amount: 49, currency: 'USD' })).toBe(false);
    expect(withinStripeLimits({ amount: 50, currency: 'USD' })).toBe(true);
    expect(withinStripeLimits({ amount: 49, currency: 'JPY' })).toBe(false);
  });
});
