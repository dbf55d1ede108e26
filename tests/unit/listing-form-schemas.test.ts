import { z } from 'zod';
import { toFormValues } from '../../server/listings/form-values.ts';
import { cnCheckDigit } from '../../server/listings/patents.ts';
import { listingFormSteps } from '../../server/listings/schemas.ts';
import { formatMajorUnits, parseMajorUnits } from '../../server/shared/money.ts';

// The form's reading of its inputs (major units, comma lists, checkboxes,
// optional groups, blank rows) before the listing's own rules.

const issues = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

test.each([
  ['500000', 50_000_000],
  ['1,250,000.5', 125_000_050],
  ['1 250 000.50', 125_000_050],
  ['0.07', 7],
  ['12.', 1200],
  ['90071992547409.91', 9_007_199_254_740_991],
])('%s yuan is %i fen, read from the digits', (text, fen) => {
  expect(parseMajorUnits(text, 'CNY')).toBe(fen);
});

test.each(['', '1.234', '-5', '1e6', '12abc', '90071992547409.92'])('%j is not an amount', (text) => {
  expect(parseMajorUnits(text, 'CNY')).toBeNull();
});

test('the yen has no minor unit, and minor units print back as the form shows them', () => {
  expect(parseMajorUnits('1500', 'JPY')).toBe(1500);
  expect(parseMajorUnits('1500.5', 'JPY')).toBeNull();
  expect(formatMajorUnits(125_000_050, 'CNY')).toBe('1250000.50');
  expect(formatMajorUnits(50_000_000, 'CNY')).toBe('500000');
  expect(formatMajorUnits(7, 'CNY')).toBe('0.07');
});

test('terms: checkboxes become deal types, yuan become fen, empty groups are absent', () => {
  const parsed = listingFormSteps.terms.parse({
    dealTypes: { assignment: 'true', exclusive_license: 'true', equity: false },
    askingPrice: { amount: '1,250,000.50', currency: 'CNY' },
    licenseTerms: { upfront: { amount: '' }, royaltyPercent: '', minimumAnnual: { amount: '' } },
    auction: { startingPrice: { amount: '' }, reserve: { amount: '' }, minimumIncrement: { amount: '' }, endsAt: '' },
  });
  expect(parsed).toMatchObject({
    dealTypes: ['assignment', 'exclusive_license'],
    askingPrice: { amount: 125_000_050, currency: 'CNY' },
    priceOnRequest: false,
    licenseTerms: null,
    auction: null,
  });
});

test('a started group asks for its required inputs, at the input; a bad amount is named at its input', () => {
  const result = listingFormSteps.terms.safeParse({
    dealTypes: { assignment: 'true' },
    askingPrice: { amount: '12.345' },
    auction: { startingPrice: { amount: '1000' }, endsAt: '' },
  });
  expect(issues(result)).toEqual([
    'askingPrice.amount: validation.money',
    'auction.minimumIncrement.amount: validation.required',
    'auction.endsAt: validation.required',
  ]);
});

test('an auction end time is China time', () => {
  const parsed = listingFormSteps.terms.parse({
    dealTypes: { assignment: 'true' },
    auction: { startingPrice: { amount: '100' }, minimumIncrement: { amount: '10' }, endsAt: '2099-06-01T10:00' },
  });
  expect(parsed.auction!.endsAt.toISOString()).toBe('2099-06-01T02:00:00.000Z');
  expect(toFormValues({ auction: parsed.auction }).auction!.endsAt).toBe('2099-06-01T10:00');
});

test('patents: blank rows are dropped, IPC classes are a comma list checked at their input, rows keep their numbers', () => {
  const number = `CN202410123456.${cnCheckDigit('202410123456')}`;
  const row = { jurisdiction: 'CN', type: 'invention', status: 'filed', filingDate: '2024-03-01' };
  const parsed = listingFormSteps.patents.parse({
    patents: { '0': { ...row, number, ipc: 'A61B 8/12， A61B 8/00' }, '1': { ...row, filingDate: '', number: '' } },
  });
  expect(parsed.patents).toHaveLength(1);
  expect(parsed.patents[0]!.ipc).toEqual(['A61B 8/12', 'A61B 8/00']);

  const bad = listingFormSteps.patents.safeParse({
    patents: [
      { ...row, number: '', filingDate: '', ipc: '' },
      { ...row, number, ipc: 'A61B, A61B 8/12' },
    ],
  });
  expect(issues(bad)).toEqual(['patents.1.ipc: validation.ipc']);
});

describe('keywords in the basics step', () => {
  const basics = { kind: 'patent', title: { en: 'Digital PCR chip' }, summary: { en: 'A chip.' } };

  test('one input, split at commas, semicolons, 、 and line breaks, half- or full-width', () => {
    const parsed = listingFormSteps.basics.parse({
      ...basics,
      keywords: 'dPCR，数字PCR、droplet\r\nmicrofluidics; ；,',
    });
    expect(parsed.keywords).toEqual(['dPCR', '数字PCR', 'droplet', 'microfluidics']);
    expect(toFormValues({ keywords: parsed.keywords }).keywords).toBe('dPCR, 数字PCR, droplet, microfluidics');
  });

  test('an empty input is no keywords', () => {
    expect(listingFormSteps.basics.parse({ ...basics, keywords: '' }).keywords).toEqual([]);
  });

  test('a keyword that breaks a rule is named at the input', () => {
    const result = listingFormSteps.basics.safeParse({ ...basics, keywords: `dPCR, ${'x'.repeat(61)}` });
    expect(issues(result)).toEqual(['keywords: validation.keywordLength']);
  });
});
