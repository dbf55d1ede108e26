import { listingInput } from '../../server/listings/schemas.ts';

const valid = {
  kind: 'patent',
  title: { zh: '旋转式血管内超声导管', en: 'Rotational intravascular ultrasound catheter' },
  summary: { zh: '一种高分辨率血管内超声导管。', en: 'A high-resolution IVUS catheter.' },
  category: 'medical_acoustics',
  nmpaClass: 'III',
  trl: '5',
  stage: 'animal_study',
  patents: [
    {
      number: 'CN 202410123456.0',
      jurisdiction: 'CN',
      type: 'invention',
      status: 'granted',
      filingDate: '2024-03-01',
      grantDate: '2025-06-01',
      ipc: ['A61B 8/12'],
    },
  ],
  dealTypes: ['assignment', 'exclusive_license'],
  askingPrice: { amount: '50000000', currency: 'CNY' },
  licenseTerms: { upfront: { amount: 2000000 }, royaltyPercent: 3 },
};

function fieldsOf(result: ReturnType<typeof listingInput.safeParse>) {
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

test('a complete listing parses, with numbers coerced and patent numbers normalised', () => {
  const result = listingInput.safeParse(valid);
  expect(fieldsOf(result)).toEqual([]);
  expect(result.data?.trl).toBe(5);
  expect(result.data?.askingPrice).toEqual({ amount: 50_000_000, currency: 'CNY' });
  expect(result.data?.patents[0]?.number).toBe('CN202410123456.0');
  expect(result.data?.problem).toEqual({});
});

test('money must be whole minor units', () => {
  const result = listingInput.safeParse({ ...valid, askingPrice: { amount: 12.5, currency: 'CNY' } });
  expect(fieldsOf(result).some((f) => f.startsWith('askingPrice.amount'))).toBe(true);
});

test('every broken rule is reported on its own field', () => {
  const result = listingInput.safeParse({
    ...valid,
    title: { zh: '', en: '' },
    trl: 12,
    dealTypes: ['equity'],
    patents: [{ ...valid.patents[0], number: 'CN123', grantDate: '2020-01-01' }],
  });
  const fields = fieldsOf(result);
  expect(fields).toEqual(
    expect.arrayContaining([
      'title.zh: validation.bilingualRequired',
      expect.stringMatching(/^trl: /),
      'dealTypes: validation.equityProjectsOnly',
      'patents.0.number: validation.patentNumber',
      'patents.0.grantDate: validation.grantBeforeFiling',
      'licenseTerms: validation.licenseTermsNeedLicense',
    ]),
  );
});

test('a patent listing needs a patent; an open license must be non-exclusive', () => {
  const fields = fieldsOf(
    listingInput.safeParse({ ...valid, patents: [], licenseTerms: { openLicense: true, royaltyPercent: 2 } }),
  );
  expect(fields).toContain('patents: validation.patentRequired');
  expect(fields).toContain('licenseTerms.openLicense: validation.openLicenseNonExclusive');
});

describe('keywords', () => {
  const withKeywords = (keywords: unknown) => listingInput.safeParse({ ...valid, keywords });

  test('a listing without keywords has none', () => {
    expect(listingInput.parse(valid).keywords).toEqual([]);
  });

  test('keywords are trimmed, and a repeat in another case or width is dropped, the first spelling kept', () => {
    const result = withKeywords([' dPCR ', 'Digital PCR', 'dpcr', 'ＤＰＣＲ', '数字PCR', 'digital pcr']);
    expect(result.data?.keywords).toEqual(['dPCR', 'Digital PCR', '数字PCR']);
  });

  test('a keyword is 1 to 60 characters long after trimming', () => {
    expect(fieldsOf(withKeywords(['   ', 'x'.repeat(61), 'y'.repeat(60)]))).toEqual([
      'keywords.0: validation.keywordLength',
      'keywords.1: validation.keywordLength',
    ]);
  });

  test('a keyword refuses control and text-direction characters and line breaks', () => {
    expect(fieldsOf(withKeywords(['bell\u0007', 'evil\u202Etxt', 'two\nlines', 'tab\there']))).toEqual([
      'keywords.0: validation.unsafeCharacters',
      'keywords.1: validation.unsafeCharacters',
      'keywords.2: validation.unsafeCharacters',
      'keywords.3: validation.unsafeCharacters',
    ]);
  });

  test('a keyword cannot hold the characters that separate keywords in the form', () => {
    expect(fieldsOf(withKeywords(['a, b', 'c，d', 'e;f', 'g；h', '超声、内镜']))).toEqual([
      'keywords.0: validation.keywordSeparator',
      'keywords.1: validation.keywordSeparator',
      'keywords.2: validation.keywordSeparator',
      'keywords.3: validation.keywordSeparator',
      'keywords.4: validation.keywordSeparator',
    ]);
  });

  test('a listing has at most 20 keywords, counted once repeats are dropped', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `term ${i + 1}`);
    expect(fieldsOf(withKeywords([...twenty, 'term 21']))).toEqual(['keywords: validation.tooManyKeywords']);
    expect(withKeywords([...twenty, 'TERM 1', 'Term 2']).data?.keywords).toEqual(twenty);
  });

  test('keywords must be a list of texts', () => {
    expect(fieldsOf(withKeywords('dPCR, ddPCR')).map((f) => f.split(':')[0])).toEqual(['keywords']);
    expect(fieldsOf(withKeywords([42])).map((f) => f.split(':')[0])).toEqual(['keywords.0']);
  });
});
