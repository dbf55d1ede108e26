import { z } from 'zod';

// Pure (zod only): the unified social credit code (统一社会信用代码, GB 32100-2015)
// of organisations and of the company in an IP-for-equity deal; one rule for both.

/** The 31 characters a code may use (no I, O, S, V, Z), in the order of their values 0–30. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Registration authority and type (2), administrative division (6, digits), organisation code and check (10). */
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;
/** The standard's weight of each of the first 17 positions: 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the standard derives from a code's first 17 characters (assumed in the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + ALPHABET.indexOf(first17[i]!) * weight, 0);
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function isValidCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

/** A code as typed: spaces trimmed, letters upper-cased, then its shape and check character. */
export const creditCodeInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(SHAPE, { message: 'validation.creditCode' })
  .refine(isValidCreditCode, { message: 'validation.creditCodeCheck' });
