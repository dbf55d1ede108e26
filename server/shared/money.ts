import { z } from 'zod';
import { CURRENCIES, type Currency } from '../vocabulary.ts';

/** Money is an integer in minor units (fen, cents) with its currency; never a float. */
export interface Money {
  amount: number;
  currency: Currency;
}

export const moneyInput = z.object({
  amount: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.enum(CURRENCIES).default('CNY'),
});

/** Decimals of each currency's major unit: fen to the yuan, cents to the dollar; the yen has none. */
const MINOR_DIGITS: Record<Currency, number> = { CNY: 2, USD: 2, EUR: 2, HKD: 2, JPY: 0 };

/**
 * An amount typed in major units ("1,250,000.5" yuan) as integer minor units
 * (125000050 fen), or null when it is not a plain non-negative amount with at
 * most the currency's decimals. Parsed from the digits, never through a float.
 */
export function parseMajorUnits(text: string, currency: Currency): number | null {
  const digits = MINOR_DIGITS[currency];
  const match = /^(\d{1,16})(?:\.(\d*))?$/.exec(text.replace(/[\s,，]/g, ''));
  if (!match || (match[2]?.length ?? 0) > digits) return null;
  const minor = BigInt(match[1]!) * 10n ** BigInt(digits) + BigInt((match[2] ?? '').padEnd(digits, '0') || '0');
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}

/** Integer minor units as the major-unit text a form shows: 125000050 → "1250000.50", 50000000 → "500000". */
export function formatMajorUnits(amount: number, currency: Currency): string {
  const digits = MINOR_DIGITS[currency];
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, '0');
  const fraction = text.slice(-digits);
  return /^0+$/.test(fraction) ? text.slice(0, -digits) : `${text.slice(0, -digits)}.${fraction}`;
}
