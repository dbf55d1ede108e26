import { isValidPatentNumber, patentExpiry, remainingLifeDays } from '../../server/listings/patents.ts';

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

test.each([
  ['CN', 'CN202410123456.7', true],
  ['CN', 'CN 202410123456.X', true],
  ['CN', 'CN118123456A', true],
  ['CN', 'CN2024101234', false],
  ['US', 'US11234567B2', true],
  ['US', 'US20240123456A1', true],
  ['EP', 'EP3456789B1', true],
  ['EP', 'US3456789B1', false],
  ['WO', 'WO2024/123456', true],
  ['WO', 'WO2024123456', false],
  ['JP', 'JP2024-123456A', true],
] as const)('%s number %s valid: %s', (jurisdiction, number, valid) => {
  expect(isValidPatentNumber(jurisdiction, number)).toBe(valid);
});
