import { afterEach, describe, expect, test } from 'vitest';
import { config } from '../../server/config.ts';
import { platformFee } from '../../server/payments/fees.ts';

const saved = { percent: config().PLATFORM_FEE_PERCENT, minimums: config().PLATFORM_FEE_MINIMUMS };
afterEach(() => {
  config().PLATFORM_FEE_PERCENT = saved.percent;
  config().PLATFORM_FEE_MINIMUMS = saved.minimums;
});

/** PLATFORM_FEE_PERCENT as the config holds it (basis points). */
const percent = (value: number) => (config().PLATFORM_FEE_PERCENT = Math.round(value * 100));

describe('the platform fee', () => {
  test('is the percentage of the amount rounded half up to the fen: 5% of ¥1,234.57 is ¥61.73', () => {
    percent(5);
    config().PLATFORM_FEE_MINIMUMS = '';
    // 123457 × 5% = 6172.85 fen → 6173.
    expect(platformFee({ amount: 123457, currency: 'CNY' })).toEqual({
      fee: { amount: 6173, currency: 'CNY' },
      net: { amount: 117284, currency: 'CNY' },
    });
  });

  test('rounds a half fen up and less than half down: 2.5% of 1 fen … 60 fen', () => {
    percent(2.5);
    config().PLATFORM_FEE_MINIMUMS = '';
    expect(platformFee({ amount: 20, currency: 'CNY' }).fee.amount).toBe(1); // 0.5 → 1
    expect(platformFee({ amount: 19, currency: 'CNY' }).fee.amount).toBe(0); // 0.475 → 0
    expect(platformFee({ amount: 60, currency: 'CNY' }).fee.amount).toBe(2); // 1.5 → 2
  });

  test('in a zero-decimal currency rounds to the whole yen: 3.33% of ¥10,001 is ¥333', () => {
    percent(3.33);
    config().PLATFORM_FEE_MINIMUMS = '';
    // 10001 × 3.33% = 333.0333 → 333.
    expect(platformFee({ amount: 10_001, currency: 'JPY' }).fee).toEqual({ amount: 333, currency: 'JPY' });
  });

  test("is never below the currency's minimum: 5% of $1,000 is $50, raised to the $150 minimum", () => {
    percent(5);
    config().PLATFORM_FEE_MINIMUMS = 'CNY:1000,USD:150';
    expect(platformFee({ amount: 1_000_00, currency: 'USD' }).fee).toEqual({ amount: 150_00, currency: 'USD' });
    // Another currency's minimum does not apply.
    expect(platformFee({ amount: 10_000, currency: 'JPY' }).fee).toEqual({ amount: 500, currency: 'JPY' });
  });

  test('is never more than the amount itself: a ¥500 payment under a ¥1,000 minimum leaves the seller nothing', () => {
    percent(5);
    config().PLATFORM_FEE_MINIMUMS = 'CNY:1000';
    expect(platformFee({ amount: 500_00, currency: 'CNY' })).toEqual({
      fee: { amount: 500_00, currency: 'CNY' },
      net: { amount: 0, currency: 'CNY' },
    });
  });

  test('is exact on amounts beyond a float: 5% of ¥90,071,992,547,409.91', () => {
    percent(5);
    config().PLATFORM_FEE_MINIMUMS = '';
    // 9007199254740991 × 0.05 = 450359962737049.55 → …050 (a float product would lose the last digits).
    expect(platformFee({ amount: Number.MAX_SAFE_INTEGER, currency: 'CNY' }).fee.amount).toBe(450_359_962_737_050);
  });
});
