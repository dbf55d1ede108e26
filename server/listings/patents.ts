import type { PatentJurisdiction, PatentStatus, PatentType } from '../vocabulary.ts';

export interface PatentFacts {
  jurisdiction: PatentJurisdiction;
  type: PatentType;
  status: PatentStatus;
  filingDate?: Date | null;
  expiryDate?: Date | null;
}

// Statutory terms from filing, in years: inventions 20 everywhere; utility
// models 10 (CN, JP, KR, DE); designs 15 in CN since the 2021 amendment, 25 in EP/GB/DE.
const TERM_YEARS: Partial<Record<PatentJurisdiction, Partial<Record<PatentType, number>>>> = {
  CN: { invention: 20, utility_model: 10, design: 15 },
  US: { invention: 20, design: 15 },
  EP: { invention: 20, design: 25 },
  JP: { invention: 20, utility_model: 10, design: 25 },
  KR: { invention: 20, utility_model: 10, design: 20 },
  DE: { invention: 20, utility_model: 10, design: 25 },
  GB: { invention: 20, design: 25 },
  HK: { invention: 20, design: 25 },
  TW: { invention: 20, utility_model: 10, design: 15 },
};

/** The expiry date: the recorded one, else filing date plus the statutory term. */
export function patentExpiry(patent: PatentFacts): Date | null {
  if (patent.expiryDate) return patent.expiryDate;
  const years = TERM_YEARS[patent.jurisdiction]?.[patent.type];
  if (!patent.filingDate || !years) return null; // e.g. a PCT (WO) application has no term of its own
  const expiry = new Date(patent.filingDate);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + years);
  return expiry;
}

/** Remaining life in whole days (0 once lapsed or expired), or null when it cannot be known. */
export function remainingLifeDays(patent: PatentFacts, now = new Date()): number | null {
  if (patent.status === 'lapsed') return 0;
  const expiry = patentExpiry(patent);
  if (!expiry) return null;
  return Math.max(0, Math.floor((expiry.getTime() - now.getTime()) / 86_400_000));
}

// Application and publication numbers as the offices print them, e.g.
// CN202410123456.0, CN118123456A, US11234567B2, US20240123456A1, EP3456789B1,
// WO2024/123456, JP2024-123456A. Spaces are removed before matching.
const NUMBER_PATTERNS: Partial<Record<PatentJurisdiction, RegExp>> = {
  CN: /^CN(\d{12}\.[\dX]|\d{8}\.[\dX]|\d{9}[ABUS]\d?)$/,
  US: /^US(\d{7,8}[AB]\d?|\d{11}A\d|D\d{6,7}S?|RE\d{5,6}E?)$/,
  EP: /^EP\d{7}[AB]\d$/,
  WO: /^WO\d{4}\/\d{6}A?\d?$/,
  JP: /^JP(\d{4}-\d{6}[AB]?\d?|\d{7}[AB]\d?)$/,
};

export function normalizePatentNumber(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase();
}

/**
 * The check digit CNIPA prints after a Chinese application number's dot: the
 * digits weighted 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5 from the left (12-digit
 * numbers, since October 2003; the 8-digit numbers before use 2 to 9), summed,
 * modulo 11, with 10 written 'X'. E.g. 201710601862 → 157 mod 11 = 3, "201710601862.3".
 */
export function cnCheckDigit(digits: string): string {
  if (!/^(\d{8}|\d{12})$/.test(digits)) throw new Error(`not an 8- or 12-digit CN application number: ${digits}`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (2 + (i % 8));
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

export type PatentNumberProblem = 'format' | 'checkDigit';

/**
 * What is wrong with a patent number, or null when nothing is: `format` when it
 * is not written as the office prints it, `checkDigit` when a Chinese
 * application number's check digit does not match its digits.
 */
export function patentNumberProblem(jurisdiction: PatentJurisdiction, number: string): PatentNumberProblem | null {
  const normalized = normalizePatentNumber(number);
  if (!normalized.startsWith(jurisdiction)) return 'format';
  const pattern = NUMBER_PATTERNS[jurisdiction] ?? /^[A-Z]{2}[0-9A-Z./-]{4,20}$/;
  if (!pattern.test(normalized)) return 'format';
  if (jurisdiction === 'CN') {
    const application = /^CN(\d{12}|\d{8})\.([\dX])$/.exec(normalized);
    if (application && cnCheckDigit(application[1]!) !== application[2]) return 'checkDigit';
  }
  return null;
}

export function isValidPatentNumber(jurisdiction: PatentJurisdiction, number: string): boolean {
  return patentNumberProblem(jurisdiction, number) === null;
}
