import { listingCompleteness } from '../../server/listings/completeness.ts';
import type { ListingFormValues } from '../../server/listings/form-values.ts';

const complete: ListingFormValues = {
  kind: 'patent',
  title: { zh: '旋转式血管内超声导管', en: 'Rotational IVUS catheter' },
  summary: { zh: '高分辨率血管内超声导管。', en: 'A high-resolution IVUS catheter.' },
  problem: { en: 'Low resolution in distal vessels.' },
  advantages: { zh: '分辨率提高一倍。' },
  clinicalUse: { en: 'Coronary imaging during PCI.' },
  partnerSought: { en: 'An imaging company.' },
  category: 'medical_acoustics',
  nmpaClass: 'III',
  trl: '5',
  stage: 'animal_study',
  patents: [{ number: 'CN202410123456.0', jurisdiction: 'CN' }],
  dealTypes: { assignment: true },
  askingPrice: { amount: '500000', currency: 'CNY' },
};

const checksMissing = (values: ListingFormValues) => listingCompleteness(values).missing.map((m) => m.check);

test('a listing with everything a buyer looks for scores 100', () => {
  expect(listingCompleteness(complete)).toEqual({ score: 100, missing: [] });
});

test('an empty form scores 0 and lists what is missing, in the order of the form, with its step', () => {
  const { score, missing } = listingCompleteness({});
  expect(score).toBe(0);
  expect(missing.slice(0, 2)).toEqual([
    { check: 'titleBothLanguages', step: 'basics' },
    { check: 'summaryBothLanguages', step: 'basics' },
  ]);
  expect(missing.at(-1)).toEqual({ check: 'price', step: 'terms' });
});

test('title and summary count only in both languages; the other texts in either', () => {
  expect(checksMissing({ ...complete, title: { zh: '导管', en: '  ' } })).toEqual(['titleBothLanguages']);
  expect(checksMissing({ ...complete, problem: { zh: '', en: '' } })).toEqual(['problem']);
});

test('"price on request" answers the price as well as a price does', () => {
  const onRequest = { ...complete, askingPrice: { amount: '' }, priceOnRequest: 'true' };
  expect(checksMissing(onRequest)).toEqual([]);
  expect(checksMissing({ ...onRequest, priceOnRequest: false })).toEqual(['price']);
});

test('checks that do not apply are not counted: patents for results, licence terms without a licence, equity outside projects', () => {
  // A research result without patents: the nine checks that apply are met.
  expect(listingCompleteness({ ...complete, kind: 'result', patents: [] }).score).toBe(100);
  expect(checksMissing({ ...complete, patents: [{ number: ' ' }] })).toEqual(['patents']);

  const licensing = { ...complete, dealTypes: { exclusive_license: 'true' } };
  expect(checksMissing(licensing)).toEqual(['licenseTerms']);
  expect(checksMissing({ ...licensing, licenseTerms: { royaltyPercent: '3' } })).toEqual([]);

  const project = { ...complete, kind: 'project', patents: [] };
  expect(checksMissing(project)).toEqual(['equity']);
  expect(listingCompleteness(project).score).toBe(90); // 9 of the 10 that apply
  expect(checksMissing({ ...project, equityOffered: { percent: '10', valuation: { amount: '5000000' } } })).toEqual([]);
});

test('patent rows posted as a plain form (numbered keys) count as well', () => {
  expect(checksMissing({ ...complete, patents: { '0': { number: 'US11234567B2' } } })).toEqual([]);
});
