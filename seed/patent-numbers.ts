import { cnCheckDigit } from '../server/listings/patents.ts';

// Patent numbers in the formats the offices print, valid for
// server/listings/patents.ts. Serial numbers come from a bijection of a running
// patent ordinal, so no two demo patents share a number.

// A large prime: k -> (k * P + offset) mod m is a bijection on [0, m) when P does not divide m.
const P = 1_000_003;

function scramble(k: number, modulus: number, offset: number): number {
  return Number((BigInt(k) * BigInt(P) + BigInt(offset)) % BigInt(modulus));
}

export type CnPatentType = 'invention' | 'utility_model' | 'design';
const CN_TYPE_DIGIT: Record<CnPatentType, number> = { invention: 1, utility_model: 2, design: 3 };

/** `CN` + filing year + type digit (1 invention, 2 utility model, 3 design) + 7-digit serial + `.` + check. */
export function cnApplicationNumber(year: number, type: CnPatentType, ordinal: number): string {
  const serial = String(scramble(ordinal, 9_000_000, 17) + 1_000_000).padStart(7, '0');
  const digits = `${year}${CN_TYPE_DIGIT[type]}${serial}`;
  return `CN${digits}.${cnCheckDigit(digits)}`;
}

/** A granted US patent, e.g. US11234567B2. */
export function usGrantNumber(ordinal: number, kind: 'B1' | 'B2' = 'B2'): string {
  return `US${10_000_000 + scramble(ordinal, 2_400_000, 4242)}${kind}`;
}

/** A US pre-grant publication, e.g. US20240123456A1. */
export function usPublicationNumber(year: number, ordinal: number): string {
  return `US${year}${String(scramble(ordinal, 900_000, 77) + 100_000).padStart(7, '0')}A1`;
}

/** A European publication: A1 (application) or B1 (granted patent), e.g. EP4123456B1. */
export function epNumber(ordinal: number, kind: 'A1' | 'B1'): string {
  return `EP${3_000_000 + scramble(ordinal, 1_700_000, 999)}${kind}`;
}

/** A PCT publication, e.g. WO2024/123456. */
export function woNumber(year: number, ordinal: number): string {
  return `WO${year}/${String(scramble(ordinal, 900_000, 31) + 100_000).padStart(6, '0')}`;
}

/** A Japanese unexamined publication, e.g. JP2024-123456A. */
export function jpPublicationNumber(year: number, ordinal: number): string {
  return `JP${year}-${String(scramble(ordinal, 900_000, 5) + 100_000).padStart(6, '0')}A`;
}

/** A Japanese granted patent, e.g. JP7123456B2. */
export function jpGrantNumber(ordinal: number): string {
  return `JP${7_000_000 + scramble(ordinal, 900_000, 123)}B2`;
}
