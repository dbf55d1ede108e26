import {
  cnCheckDigit,
  isValidPatentNumber,
  patentExpiry,
  patentNumberProblem,
  remainingLifeDays,
} from '../../server/listings/patents.ts';
import { patentInput } from '../../server/listings/schemas.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

test('a Chinese invention patent lasts 20 years from filing', () => {
  const patent = { jurisdiction: 'CN', type: 'invention', status: 'granted', filingDate: d('2024-03-01') } as const;
  expect(patentExpiry(patent)?.toISOString().slice(0, 10)).toBe('2044-03-01');
  expect(remainingLifeDays(patent, d('2043-03-01'))).toBe(366);
});

test('a Chinese utility model lasts 10 years and a design 15', () => {
  expect(
    patentExpiry({ jurisdiction: 'CN', type: 'utility_model', status: 'granted', filingDate: d('2020-01-10') }),
  ).toEqual(d('2030-01-10'));
  expect(patentExpiry({ jurisdiction: 'CN', type: 'design', status: 'granted', filingDate: d('2022-05-05') })).toEqual(
    d('2037-05-05'),
  );
});

test('a recorded expiry date wins over the statutory term', () => {
  const patent = {
    jurisdiction: 'US',
    type: 'invention',
    status: 'granted',
    filingDate: d('2015-01-01'),
    expiryDate: d('2036-06-30'), // with patent term adjustment
  } as const;
  expect(patentExpiry(patent)).toEqual(d('2036-06-30'));
});

test('lapsed and expired patents have no life left; a PCT application has none of its own', () => {
  expect(
    remainingLifeDays({ jurisdiction: 'CN', type: 'invention', status: 'lapsed', filingDate: d('2024-01-01') }),
  ).toBe(0);
  expect(
    remainingLifeDays(
      { jurisdiction: 'CN', type: 'invention', status: 'granted', filingDate: d('2000-01-01') },
      d('2026-01-01'),
    ),
  ).toBe(0);
  expect(
    remainingLifeDays({ jurisdiction: 'WO', type: 'invention', status: 'published', filingDate: d('2024-01-01') }),
  ).toBeNull();
});

// ── number formats ──────────────────────────────────────────────────────────

test('numbers are accepted as each office prints them', () => {
  expect(isValidPatentNumber('CN', 'CN202410123456.0')).toBe(true); // application number
  expect(isValidPatentNumber('CN', 'CN118123456A')).toBe(true); // publication number, no check digit
  expect(isValidPatentNumber('US', 'US11234567B2')).toBe(true);
  expect(isValidPatentNumber('US', 'US20240123456A1')).toBe(true);
  expect(isValidPatentNumber('EP', 'EP3456789B1')).toBe(true);
  expect(isValidPatentNumber('WO', 'WO2024/123456')).toBe(true);
  expect(isValidPatentNumber('JP', 'JP2024-123456A')).toBe(true);
});

test('a number that is not written as the office prints it is a format problem', () => {
  expect(patentNumberProblem('CN', 'CN2024101234')).toBe('format'); // too short, no check digit
  expect(patentNumberProblem('EP', 'US3456789B1')).toBe('format'); // another office's number
  expect(patentNumberProblem('WO', 'WO2024123456')).toBe('format'); // the slash is part of it
});

// ── the CNIPA check digit ───────────────────────────────────────────────────
// Weights 2,3,4,5,6,7,8,9,2,3,4,5 over the 12 digits (year 4, type 1, serial 7),
// the sum modulo 11, 10 written X; the 8-digit numbers before October 2003
// (year 2, type 1, serial 5) use the weights 2 to 9.

test('the check digit of a real application number, CN 2017 1 0601862.3', () => {
  // 2·2 + 0·3 + 1·4 + 7·5 + 1·6 + 0·7 + 6·8 + 0·9 + 1·2 + 8·3 + 6·4 + 2·5
  // = 4 + 0 + 4 + 35 + 6 + 0 + 48 + 0 + 2 + 24 + 24 + 10 = 157 = 14·11 + 3
  expect(cnCheckDigit('201710601862')).toBe('3');
  expect(isValidPatentNumber('CN', 'CN201710601862.3')).toBe(true);
});

test('the check digit of a real granted patent, ZL 2013 1 0699744.2', () => {
  // 2·2 + 0·3 + 1·4 + 3·5 + 1·6 + 0·7 + 6·8 + 9·9 + 9·2 + 7·3 + 4·4 + 4·5
  // = 4 + 0 + 4 + 15 + 6 + 0 + 48 + 81 + 18 + 21 + 16 + 20 = 233 = 21·11 + 2
  expect(cnCheckDigit('201310699744')).toBe('2');
  expect(isValidPatentNumber('CN', 'CN201310699744.2')).toBe(true);
});

test('the check digit of an invention application, CN 2021 1 0123456.7', () => {
  // 2·2 + 0·3 + 2·4 + 1·5 + 1·6 + 0·7 + 1·8 + 2·9 + 3·2 + 4·3 + 5·4 + 6·5
  // = 4 + 0 + 8 + 5 + 6 + 0 + 8 + 18 + 6 + 12 + 20 + 30 = 117 = 10·11 + 7
  expect(cnCheckDigit('202110123456')).toBe('7');
});

test('the check digit of the example number in the docs, CN 2024 1 0123456.0', () => {
  // 2·2 + 0·3 + 2·4 + 4·5 + 1·6 + 0·7 + 1·8 + 2·9 + 3·2 + 4·3 + 5·4 + 6·5
  // = 4 + 0 + 8 + 20 + 6 + 0 + 8 + 18 + 6 + 12 + 20 + 30 = 132 = 12·11 + 0
  expect(cnCheckDigit('202410123456')).toBe('0');
  expect(patentNumberProblem('CN', 'CN202410123456.7')).toBe('checkDigit'); // the docs' old, wrong digit
});

test('a remainder of 10 is written X: utility model CN 2021 2 0567890.X', () => {
  // 2·2 + 0·3 + 2·4 + 1·5 + 2·6 + 0·7 + 5·8 + 6·9 + 7·2 + 8·3 + 9·4 + 0·5
  // = 4 + 0 + 8 + 5 + 12 + 0 + 40 + 54 + 14 + 24 + 36 + 0 = 197 = 17·11 + 10
  expect(cnCheckDigit('202120567890')).toBe('X');
  expect(isValidPatentNumber('CN', 'CN202120567890.X')).toBe(true);
  expect(patentNumberProblem('CN', 'CN202120567890.0')).toBe('checkDigit');
});

test('a design application has a check digit too: CN 2023 3 0123456.7', () => {
  // 2·2 + 0·3 + 2·4 + 3·5 + 3·6 + 0·7 + 1·8 + 2·9 + 3·2 + 4·3 + 5·4 + 6·5
  // = 4 + 0 + 8 + 15 + 18 + 0 + 8 + 18 + 6 + 12 + 20 + 30 = 139 = 12·11 + 7
  expect(isValidPatentNumber('CN', 'CN202330123456.7')).toBe(true);
});

test('an 8-digit application number from before 2003 uses the weights 2 to 9: 97 1 01765.4', () => {
  // 9·2 + 7·3 + 1·4 + 0·5 + 1·6 + 7·7 + 6·8 + 5·9 = 18 + 21 + 4 + 0 + 6 + 49 + 48 + 45 = 191 = 17·11 + 4
  expect(cnCheckDigit('97101765')).toBe('4');
  expect(isValidPatentNumber('CN', 'CN97101765.4')).toBe(true);
});

test('an 8-digit number can end in X too: ZL 95 1 15608.X', () => {
  // 9·2 + 5·3 + 1·4 + 1·5 + 5·6 + 6·7 + 0·8 + 8·9 = 18 + 15 + 4 + 5 + 30 + 42 + 0 + 72 = 186 = 16·11 + 10
  expect(cnCheckDigit('95115608')).toBe('X');
  expect(isValidPatentNumber('CN', 'CN95115608.X')).toBe(true);
});

test('swapping two neighbouring digits is caught', () => {
  // 2024 1 0213456 instead of 2024 1 0123456: 2·8 + 1·9 = 25 where 1·8 + 2·9 = 26 stood,
  // so the sum is 131 = 11·11 + 10 and the check digit X, not 0.
  expect(patentNumberProblem('CN', 'CN202410213456.0')).toBe('checkDigit');
});

test('a wrong check digit is a check-digit problem, not a format problem', () => {
  expect(patentNumberProblem('CN', 'CN201710601862.4')).toBe('checkDigit');
  expect(patentNumberProblem('CN', 'CN97101765.X')).toBe('checkDigit');
  expect(isValidPatentNumber('CN', 'CN201710601862.4')).toBe(false);
});

test('spaces between year, type and serial are allowed, as CNIPA prints them', () => {
  expect(patentNumberProblem('CN', 'CN 2021 1 0123456.7')).toBeNull();
  expect(patentNumberProblem('CN', 'CN 202110123456.7')).toBeNull();
  expect(patentNumberProblem('CN', 'CN202110123456.7')).toBeNull();
  expect(patentNumberProblem('CN', 'CN 2021 1 0123456.8')).toBe('checkDigit');
});

test('a lower-case x check digit is read as X', () => {
  expect(patentNumberProblem('CN', 'cn 2021 2 0567890.x')).toBeNull();
});

test('publication and grant numbers carry no check digit and are not checked for one', () => {
  expect(patentNumberProblem('CN', 'CN118123456A')).toBeNull();
  expect(patentNumberProblem('CN', 'CN221234567U')).toBeNull();
});

// ── the form field ──────────────────────────────────────────────────────────

const patent = (number: string) => ({
  number,
  jurisdiction: 'CN',
  type: 'invention',
  status: 'filed',
  filingDate: '2021-01-15',
});
const numberErrors = (number: string) => {
  const result = patentInput.safeParse(patent(number));
  return result.success ? [] : result.error.issues.filter((i) => i.path[0] === 'number').map((i) => i.message);
};

test('a wrong check digit is reported on the number field with its own message', () => {
  expect(numberErrors('CN 2021 1 0123456.8')).toEqual(['validation.patentCheckDigit']);
});

test('a badly written number is reported on the number field as not a valid number', () => {
  expect(numberErrors('CN 2021 1 012345')).toEqual(['validation.patentNumber']);
});

test('a correct number is stored without its spaces', () => {
  expect(numberErrors('CN 2021 1 0123456.7')).toEqual([]);
  expect(patentInput.parse(patent('CN 2021 1 0123456.7')).number).toBe('CN202110123456.7');
});
