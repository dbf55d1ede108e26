import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MARK_END, MARK_START, type SearchDocument } from '../../server/search/document.ts';
import type { EngineFilters, EngineQuery, SearchEngine } from '../../server/search/engine.ts';
import { normalizePatentNumbers, patentKey } from '../../server/search/patent-keys.ts';
import { FACET_FIELDS } from '../../server/search/schemas.ts';
import { ENGINES } from '../support/search-engines.ts';

// One contract, every engine present: the same documents, queries and expected
// results. Meilisearch runs when MEILI_HOST is set and is reported as skipped
// otherwise (README: "Search engines").

const NOW = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;
/** A Chinese application number with its check digit (7 = Σ digit × weight 2…9, 2…5, mod 11). */
const CN_NUMBER = 'CN202110123456.7';

let sequence = 0;
function doc(id: string, fields: Partial<SearchDocument>): SearchDocument {
  sequence++;
  return {
    id,
    status: 'published',
    kind: 'patent',
    category: 'other',
    nmpaClass: 'II',
    stage: 'prototype',
    trl: 4,
    dealTypes: ['assignment'],
    organizationId: 'org-a',
    orgKind: 'basic_institute',
    orgVerified: true,
    region: '江苏',
    patentStatus: ['granted'],
    patentCount: 1,
    patentKeys: [],
    patentNumbers: [],
    ipc: [],
    price: null,
    priceCny: null,
    openLicense: false,
    auctionEndsAt: null,
    publishedAt: NOW - 100 * DAY + sequence * DAY,
    patentExpiresAt: null,
    updatedAt: 1_000 + sequence,
    title_zh: '',
    title_en: '',
    keywords: [],
    summary_zh: '',
    summary_en: '',
    problem_zh: '',
    problem_en: '',
    advantages_zh: '',
    advantages_en: '',
    clinicalUse_zh: '',
    clinicalUse_en: '',
    org_zh: '苏州医工研究院',
    org_en: 'Suzhou Institute',
    ...fields,
  };
}

const price = (yuan: number) => ({ price: { amount: yuan * 100, currency: 'CNY' as const }, priceCny: yuan * 100 });

// publishedAt rises with the order below: the last document is the newest.
const DOCUMENTS: SearchDocument[] = [
  doc('endoscope', {
    title_zh: '超声内镜导航系统',
    title_en: 'Endoscopic ultrasound navigation system',
    summary_en: 'Guides the endoscope with real-time imaging.',
    category: 'medical_acoustics',
    trl: 6,
    ...price(800_000),
    patentExpiresAt: NOW + 3000 * DAY,
  }),
  doc('ivus', {
    title_zh: '血管内超声导管',
    title_en: 'Intravascular ultrasound catheter',
    summary_zh: '用于冠状动脉介入的成像导管。',
    category: 'cardiovascular',
    kind: 'result',
    trl: 5,
    ...price(300_000),
    patentKeys: [patentKey(CN_NUMBER)],
    patentNumbers: [CN_NUMBER],
    patentExpiresAt: NOW + 5000 * DAY,
    dealTypes: ['exclusive_license', 'non_exclusive_license'],
    openLicense: true,
  }),
  doc('stent', {
    title_en: 'Drug-eluting coronary stent',
    summary_en: 'A stent whose coating releases the drug slowly; delivered through a balloon catheter.',
    category: 'cardiovascular',
    kind: 'project',
    trl: 7,
    region: 'US',
    orgKind: 'company',
    dealTypes: ['equity'],
    patentStatus: ['filed'],
    patentExpiresAt: NOW + 1000 * DAY,
  }),
  doc('scanner', {
    title_zh: '高通量数字病理切片扫描仪',
    title_en: 'High-throughput digital pathology slide scanner',
    summary_en: 'Scans slides for endoscopy and pathology labs.',
    category: 'medical_optics',
    trl: 8,
    ...price(1_500_000),
    auctionEndsAt: NOW + 2 * DAY,
    organizationId: 'org-b',
  }),
  doc('robot', {
    title_zh: '力反馈腹腔镜手术机器人',
    title_en: 'Force-feedback laparoscopic surgical robot',
    summary_zh: '术中超声引导。',
    category: 'precision_machinery',
    trl: 3,
    auctionEndsAt: NOW - DAY, // ended
    organizationId: 'org-b',
  }),
];

const noFilters: EngineFilters = {
  kind: [],
  category: [],
  nmpaClass: [],
  stage: [],
  dealType: [],
  orgKind: [],
  region: [],
  patentStatus: [],
};

function query(
  text: string,
  overrides: Partial<Omit<EngineQuery, 'filters'>> & { filters?: Partial<EngineFilters> } = {},
) {
  const { filters, ...rest } = overrides;
  return {
    text: normalizePatentNumbers(text),
    sort: text ? 'relevance' : 'newest',
    offset: 0,
    limit: 20,
    facets: [],
    now: NOW,
    ...rest,
    filters: { ...noFilters, ...filters },
  } satisfies EngineQuery;
}

for (const { name, create } of ENGINES) {
  describe.skipIf(!create)(`search contract: ${name}`, () => {
    let engine: SearchEngine;
    let dispose: () => Promise<void>;
    const ids = async (text: string, overrides: Parameters<typeof query>[1] = {}) =>
      (await engine.search(query(text, overrides))).hits.map((h) => h.document.id);

    beforeAll(async () => {
      ({ engine, dispose } = await create!());
      await engine.upsert(DOCUMENTS);
    });
    afterAll(async () => dispose?.());

    test('every word of the query must match', async () => {
      expect(await ids('ultrasound catheter')).toEqual(['ivus']);
    });

    test('a word of five or more letters matches with one typo', async () => {
      expect(await ids('cathter')).toContain('ivus');
    });

    test('a word of fewer than five letters must be exact', async () => {
      expect(await ids('stnt robot')).toEqual([]);
    });

    test('a word of nine or more letters matches with two typos', async () => {
      expect(await ids('laparoskipic')).toEqual(['robot']);
    });

    // The typo budget at its bounds, by the query word's length: none below 5
    // letters, one from 5, two from 9 (Meilisearch's defaults). Each word is
    // changed away from its first letter, which Meilisearch counts twice.
    test.each([
      ['a word of four letters does not match with one typo', 'drog', []], // drug
      ['a word of five letters matches with one typo', 'robat', ['robot']], // robot
      ['a word of five letters does not match with two typos', 'rabat', []], // robot
      ['a word of eight letters does not match with two typos', 'cethater', []], // catheter
      ['a word of nine letters matches with two typos', 'pathalagy', ['scanner']], // pathology
      ['a word of nine letters does not match with three typos', 'pethalagy', []], // pathology
      ['a typo on the first letter counts as two: five letters do not match with it', 'sobot', []], // robot
      ['a typo on the first letter counts as two: nine letters match with it alone', 'bathology', ['scanner']], // pathology
      ['a typo on the first letter counts as two: nine letters do not match with it and one more', 'bathalogy', []],
    ])('%s ("%s")', async (_rule, typed, expected) => {
      expect(await ids(typed)).toEqual(expected);
    });

    test('the last word matches as a prefix, earlier words do not', async () => {
      expect((await ids('ultras')).sort()).toEqual(['endoscope', 'ivus']);
      expect(await ids('ultras catheter')).toEqual([]);
    });

    test('a Chinese word finds Chinese text that contains it', async () => {
      expect((await ids('超声')).sort()).toEqual(['endoscope', 'ivus', 'robot']);
      expect(await ids('内镜')).toEqual(['endoscope']);
    });

    test('a query may mix Chinese and English words', async () => {
      expect(await ids('超声 catheter')).toEqual(['ivus']);
    });

    test('a patent number is found however it is written', async () => {
      for (const spelling of [
        CN_NUMBER,
        'CN 2021 1 0123456.7',
        'CN 2021 1 0123456',
        `ZL${CN_NUMBER.slice(2)}`,
        '202110123456',
        '2021101',
      ]) {
        expect(await ids(spelling), spelling).toEqual(['ivus']);
      }
    });

    test('a match in the title ranks above a match in the summary', async () => {
      // "endoscopy" is in the scanner's summary; "endoscopic" in the endoscope's title (both by prefix).
      const order = await ids('endosc');
      expect(order.indexOf('endoscope')).toBeLessThan(order.indexOf('scanner'));
    });

    test('an exact match ranks above a match with a typo', async () => {
      await engine.upsert([doc('typo-twin', { title_en: 'Intravascular ultrasonnd probe' })]);
      try {
        const order = await ids('ultrasound');
        expect(order.indexOf('ivus')).toBeLessThan(order.indexOf('typo-twin'));
        expect(order).toContain('typo-twin');
      } finally {
        await engine.remove(['typo-twin']);
      }
    });

    test('without words the newest come first', async () => {
      expect(await ids('')).toEqual(['robot', 'scanner', 'stent', 'ivus', 'endoscope']);
    });

    test('sorting by price puts listings without a price last, in both directions', async () => {
      expect(await ids('', { sort: 'price_asc' })).toEqual(['ivus', 'endoscope', 'scanner', 'robot', 'stent']);
      expect(await ids('', { sort: 'price_desc' })).toEqual(['scanner', 'endoscope', 'ivus', 'robot', 'stent']);
    });

    test('sorting by TRL puts the most mature first', async () => {
      expect(await ids('', { sort: 'trl_desc' })).toEqual(['scanner', 'stent', 'endoscope', 'ivus', 'robot']);
    });

    test('sorting by patent life puts the longest-lived first and unknown lives last', async () => {
      expect(await ids('', { sort: 'patent_life_desc' })).toEqual(['ivus', 'endoscope', 'stent', 'robot', 'scanner']);
    });

    test('values of one filter are alternatives; different filters must all hold', async () => {
      expect((await ids('', { filters: { category: ['cardiovascular', 'medical_optics'] } })).sort()).toEqual([
        'ivus',
        'scanner',
        'stent',
      ]);
      expect(await ids('', { filters: { category: ['cardiovascular', 'medical_optics'], kind: ['project'] } })).toEqual(
        ['stent'],
      );
    });

    test('TRL and price ranges include their bounds; a price bound drops listings without a price', async () => {
      expect((await ids('', { filters: { trlMin: 5, trlMax: 7 } })).sort()).toEqual(['endoscope', 'ivus', 'stent']);
      expect((await ids('', { filters: { priceMin: 300_000_00, priceMax: 800_000_00 } })).sort()).toEqual([
        'endoscope',
        'ivus',
      ]);
    });

    test('list filters match any of a listing’s values', async () => {
      expect(await ids('', { filters: { dealType: ['non_exclusive_license'] } })).toEqual(['ivus']);
      expect(await ids('', { filters: { region: ['US'], orgKind: ['company'], patentStatus: ['filed'] } })).toEqual([
        'stent',
      ]);
      expect((await ids('', { filters: { organization: 'org-b' } })).sort()).toEqual(['robot', 'scanner']);
    });

    test('open licenses and open auctions can be filtered', async () => {
      expect(await ids('', { filters: { openLicense: true } })).toEqual(['ivus']);
      expect(await ids('', { filters: { auctionOpen: true } })).toEqual(['scanner']);
      expect(await ids('', { filters: { auctionOpen: false } })).not.toContain('scanner');
    });

    test('facet counts of unfiltered fields count the filtered result', async () => {
      const result = await engine.search(query('', { filters: { kind: ['patent'] }, facets: ['category', 'stage'] }));
      expect(result.total).toBe(3);
      expect(result.facets.category).toEqual({ medical_acoustics: 1, medical_optics: 1, precision_machinery: 1 });
      expect(result.facets.stage).toEqual({ prototype: 3 });
    });

    test("a filtered field's counts ignore its own filter, so each is what ticking that value gives", async () => {
      const result = await engine.search(
        query('', { filters: { kind: ['patent'], category: ['cardiovascular'] }, facets: ['kind', 'category'] }),
      );
      expect(result.total).toBe(0);
      expect(result.facets.kind).toEqual({ result: 1, project: 1 });
      expect(result.facets.category).toEqual({ medical_acoustics: 1, medical_optics: 1, precision_machinery: 1 });
    });

    test('boolean facets count the listings for which they hold', async () => {
      const result = await engine.search(query('', { facets: FACET_FIELDS }));
      expect(result.facets.openLicense).toEqual({ true: 1 });
      expect(result.facets.auctionOpen).toEqual({ true: 1 });
      expect(result.facets.dealType).toEqual({
        assignment: 3,
        exclusive_license: 1,
        non_exclusive_license: 1,
        equity: 1,
      });
    });

    test('pages follow each other without overlap and the total counts every match', async () => {
      const first = await engine.search(query('', { offset: 0, limit: 2 }));
      const second = await engine.search(query('', { offset: 2, limit: 2 }));
      const third = await engine.search(query('', { offset: 4, limit: 2 }));
      expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
      expect([...first.hits, ...second.hits, ...third.hits].map((h) => h.document.id)).toEqual(await ids(''));
    });

    test('matched words are marked in the highlighted title', async () => {
      const [hit] = (await engine.search(query('catheter'))).hits;
      expect(hit!.highlight.title_en).toContain(`${MARK_START}catheter${MARK_END}`);
    });

    test('a removed listing is no longer found', async () => {
      await engine.upsert([doc('gone', { title_en: 'Ephemeral oximeter' })]);
      expect(await ids('oximeter')).toEqual(['gone']);
      await engine.remove(['gone']);
      expect(await ids('oximeter')).toEqual([]);
    });

    test('a re-indexed listing is found by its new words only', async () => {
      await engine.upsert([doc('edited', { title_en: 'Original spirometer' })]);
      await engine.upsert([doc('edited', { title_en: 'Renamed capnograph' })]);
      try {
        expect(await ids('spirometer')).toEqual([]);
        expect(await ids('capnograph')).toEqual(['edited']);
      } finally {
        await engine.remove(['edited']);
      }
    });

    test('a listing is found by a keyword that appears in no other field, in either language', async () => {
      await engine.upsert([
        doc('keyworded', {
          title_en: 'Wearable patch',
          title_zh: '可穿戴贴片',
          keywords: ['photoplethysmography', '血氧'],
        }),
      ]);
      try {
        expect(await ids('photoplethysmography')).toEqual(['keyworded']);
        expect(await ids('血氧')).toEqual(['keyworded']);
      } finally {
        await engine.remove(['keyworded']);
      }
    });

    test('versions lists every indexed listing with its updatedAt', async () => {
      const versions = await engine.versions();
      expect(new Map([...versions].sort())).toEqual(new Map(DOCUMENTS.map((d) => [d.id, d.updatedAt] as const).sort()));
    });

    test('suggestions complete titles from their first letters', async () => {
      const suggestions = await engine.suggest('laparo', 5);
      expect(suggestions.map((s) => s.id)).toEqual(['robot']);
    });
  });
}
