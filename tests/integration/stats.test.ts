import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterEach, beforeEach, expect, inject, test } from 'vitest';
import { appendLedgerEntry, LedgerDealKey, LedgerEntry, LedgerHead } from '../../server/ledger/index.ts';
import type { LedgerAppendInput } from '../../server/ledger/index.ts';
import type { OrganizationKind } from '../../server/vocabulary.ts';
import { forgetStats } from '../../server/stats/service.ts';
import { action as apiStatsPost, loader as apiStats } from '../../app/routes/api.v1.stats';
import { loader as statsPage } from '../../app/routes/stats';
import { loader as statsCsv } from '../../app/routes/stats[.]csv';
import { loader as statsJson } from '../../app/routes/stats[.]json';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { call } from '../support/requests.ts';
import { ensureBuild, startServer, type RunningServer } from '../support/server-process.ts';

// The figures of /stats, worked out by hand from the ledger entries below.

useTestDatabase();

const party = (id: string, kind: OrganizationKind, en: string) =>
  ({ organizationId: id.repeat(24), kind, name: { en } }) as const;
const INSTITUTE = party('a', 'basic_institute', 'Suzhou Institute');
const ENGINEERING = party('d', 'engineering_institute', 'Engineering Institute');
const COMPANY = party('b', 'company', 'Suzhou Medical');
const SPIN_OFF = party('e', 'company', 'IVUS Spin-off');
const SPIN_OFF_2 = party('f', 'company', 'Imaging Spin-off');
const INVESTOR = party('c', 'investor', 'Suzhou VC');

const cny = (amount: number) => ({ amount, currency: 'CNY' }) as const;
const patents = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ number: `CN20241012345${i}.7`, jurisdiction: 'CN' }) as const);

interface Listings {
  imaging: string;
  cardiovascular: string;
  imagingResult: string;
}

/** Three real listings: a patent and a result in medical imaging, a project in cardiovascular devices. */
async function createListings(): Promise<Listings> {
  const org = await createOrganization();
  const listing = async (kind: string, category: string) =>
    String((await createListing(org._id, { kind, category }))._id);
  return {
    imaging: await listing('patent', 'medical_imaging'),
    cardiovascular: await listing('project', 'cardiovascular'),
    imagingResult: await listing('result', 'medical_imaging'),
  };
}

const listingRef = (id: string) => ({ id, title: { en: `Listing ${id.slice(-4)}` } });

function assignment(
  dealId: string,
  listing: string,
  at: string,
  price: { amount: number; currency: 'CNY' | 'USD' },
  publishAmounts: boolean,
  count = 1,
): LedgerAppendInput {
  return {
    type: 'ip_assignment',
    dealId,
    listing: listingRef(listing),
    parties: { seller: INSTITUTE, buyer: COMPANY },
    payload: { patents: patents(count) },
    amounts: { price },
    publishAmounts,
    at: new Date(at),
  };
}

/**
 * The fixture:
 * 1. assignment of 2 patents, imaging patent, institute → company, ¥500,000.00 published,
 *    2024-12-31T16:30Z = 2025-01-01 00:30 in China;
 * 2. exclusive licence of 1 patent, same listing, ¥20,000.00 upfront (+ ¥5,000 minimum annual) published, 2025-06-01;
 * 3. IP for equity, 3 patents, cardiovascular project, engineering institute → spin-off, appraised ¥8,000,000.00 unpublished, 2026-02-01;
 * 4. equity investment in the same project, spin-off (issuing) → investor, ¥10,000,000.00 unpublished, 2026-03-01;
 * 5. IP for equity, 1 patent, imaging result, institute → second spin-off, appraised ¥1,000,000.00 published, 2026-04-01;
 * 6. assignment of 1 patent, imaging result, institute → company, US$30,000.00 published, 2026-05-01.
 */
async function appendFixture(listings: Listings) {
  const inputs: LedgerAppendInput[] = [
    assignment('d1', listings.imaging, '2024-12-31T16:30:00.000Z', cny(50_000_000), true, 2),
    {
      type: 'license_grant',
      dealId: 'd2',
      listing: listingRef(listings.imaging),
      parties: { seller: INSTITUTE, buyer: COMPANY },
      payload: {
        patents: patents(1),
        exclusivity: 'exclusive',
        fieldOfUse: 'Coronary imaging',
        territory: 'CN',
        termYears: 10,
      },
      amounts: { upfront: cny(2_000_000), minimumAnnual: cny(500_000) },
      publishAmounts: true,
      at: new Date('2025-06-01T00:00:00.000Z'),
    },
    {
      type: 'ip_for_equity',
      dealId: 'd3',
      listing: listingRef(listings.cardiovascular),
      parties: { seller: ENGINEERING, buyer: SPIN_OFF },
      payload: {
        patents: patents(3),
        stakeBasisPoints: 2000,
        appraisal: { appraiser: '江苏中企华资产评估', reportReference: '苏评(2026)42号' },
      },
      amounts: { appraisedValue: cny(800_000_000) },
      publishAmounts: false,
      at: new Date('2026-02-01T00:00:00.000Z'),
    },
    {
      type: 'equity_investment',
      dealId: 'd4',
      listing: listingRef(listings.cardiovascular),
      parties: { seller: SPIN_OFF, buyer: INVESTOR },
      payload: { stakeBasisPoints: 1250 },
      amounts: { investment: cny(1_000_000_000) },
      publishAmounts: false,
      at: new Date('2026-03-01T00:00:00.000Z'),
    },
    {
      type: 'ip_for_equity',
      dealId: 'd5',
      listing: listingRef(listings.imagingResult),
      parties: { seller: INSTITUTE, buyer: SPIN_OFF_2 },
      payload: {
        patents: patents(1),
        stakeBasisPoints: 3000,
        appraisal: { appraiser: '苏州评估', reportReference: '苏评(2026)43号' },
      },
      amounts: { appraisedValue: cny(100_000_000) },
      publishAmounts: true,
      at: new Date('2026-04-01T00:00:00.000Z'),
    },
    assignment('d6', listings.imagingResult, '2026-05-01T00:00:00.000Z', { amount: 3_000_000, currency: 'USD' }, true),
  ];
  for (const input of inputs) await appendLedgerEntry(input);
}

async function fixture() {
  await appendFixture(await createListings());
}

const shown = (currency: string, amount: number) => ({ currency, amount, suppressed: false });
const withheld = (currency: string) => ({ currency, amount: null, suppressed: true });

async function stats(query = '') {
  const response = await call(apiStats, `/api/v1/stats${query}`);
  expect(response.status).toBe(200);
  return response.json();
}

beforeEach(async () => {
  await Promise.all([LedgerEntry.deleteMany({}), LedgerDealKey.deleteMany({}), LedgerHead.deleteMany({})]);
  forgetStats();
});

test('an empty ledger gives zeros, not an error', async () => {
  expect(await stats()).toMatchObject({
    entries: 0,
    totals: {
      achievementsTransformed: 0,
      projectsTransformed: 0,
      ipRightsTransferred: { assignment: 0, license: 0, ipForEquity: 0, total: 0 },
      equityInvestments: 0,
      transformationFunds: [shown('CNY', 0)],
      companiesIncubated: 0,
      registeredCapital: [shown('CNY', 0)],
    },
    byYear: [],
    byCategory: [],
    byMemberKind: [],
  });
  expect((await call(statsPage, '/stats')).status).toBe(200);
  expect((await call(statsCsv, '/stats.csv')).status).toBe(200);
});

test('the totals count distinct listings and projects, patents by way of transfer, investments and incubated companies', async () => {
  await fixture();
  const { entries, totals } = await stats();
  expect(entries).toBe(6);
  expect(totals).toMatchObject({
    achievementsTransformed: 3,
    projectsTransformed: 1,
    ipRightsTransferred: { assignment: 3, license: 1, ipForEquity: 4, total: 8 },
    equityInvestments: 1,
    companiesIncubated: 2,
  });
});

test('figures are split per year, years running in China Standard Time', async () => {
  await fixture();
  const { byYear } = await stats();
  // Entry 1 was made on 31 December 2024 in UTC, on 1 January 2025 in China.
  expect(byYear.map((bucket: { key: string }) => bucket.key)).toEqual(['2025', '2026']);
  expect(byYear[0].figures).toEqual({
    achievementsTransformed: 1,
    projectsTransformed: 0,
    ipRightsTransferred: { assignment: 2, license: 1, ipForEquity: 0, total: 3 },
    equityInvestments: 0,
    transformationFunds: [shown('CNY', 52_000_000)],
    companiesIncubated: 0,
    registeredCapital: [shown('CNY', 0)],
  });
  expect(byYear[1].figures).toEqual({
    achievementsTransformed: 2,
    projectsTransformed: 1,
    ipRightsTransferred: { assignment: 1, license: 0, ipForEquity: 4, total: 5 },
    equityInvestments: 1,
    transformationFunds: [withheld('CNY'), shown('USD', 3_000_000)],
    companiesIncubated: 2,
    registeredCapital: [withheld('CNY')],
  });
});

test("figures are split per category, the listing's as looked up by its id", async () => {
  await fixture();
  const { byCategory } = await stats();
  expect(byCategory).toEqual([
    {
      key: 'medical_imaging',
      figures: {
        achievementsTransformed: 2,
        projectsTransformed: 0,
        ipRightsTransferred: { assignment: 3, license: 1, ipForEquity: 1, total: 5 },
        equityInvestments: 0,
        transformationFunds: [shown('CNY', 52_000_000), shown('USD', 3_000_000)],
        companiesIncubated: 1,
        registeredCapital: [shown('CNY', 100_000_000)],
      },
    },
    {
      key: 'cardiovascular',
      figures: {
        achievementsTransformed: 1,
        projectsTransformed: 1,
        ipRightsTransferred: { assignment: 0, license: 0, ipForEquity: 3, total: 3 },
        equityInvestments: 1,
        transformationFunds: [withheld('CNY')],
        companiesIncubated: 1,
        registeredCapital: [withheld('CNY')],
      },
    },
  ]);
});

test('an entry whose listing cannot be found counts under an unknown category', async () => {
  await appendLedgerEntry(assignment('lost', '0123456789abcdef01234567', '2026-01-10T00:00:00.000Z', cny(100), true));
  const { byCategory } = await stats();
  expect(byCategory.map((bucket: { key: string }) => bucket.key)).toEqual(['unknown']);
  expect(byCategory[0].figures.achievementsTransformed).toBe(1);
});

test('figures are split per member kind of the transferring organisation', async () => {
  await fixture();
  const { byMemberKind } = await stats();
  expect(byMemberKind.map((bucket: { key: string }) => bucket.key)).toEqual([
    'basic_institute',
    'engineering_institute',
    'company',
  ]);
  expect(byMemberKind[0].figures).toEqual({
    achievementsTransformed: 2,
    projectsTransformed: 0,
    ipRightsTransferred: { assignment: 3, license: 1, ipForEquity: 1, total: 5 },
    equityInvestments: 0,
    transformationFunds: [shown('CNY', 52_000_000), shown('USD', 3_000_000)],
    companiesIncubated: 1,
    registeredCapital: [shown('CNY', 100_000_000)],
  });
  expect(byMemberKind[1].figures).toMatchObject({
    achievementsTransformed: 1,
    projectsTransformed: 1,
    ipRightsTransferred: { ipForEquity: 3, total: 3 },
    companiesIncubated: 1,
    transformationFunds: [shown('CNY', 0)],
    registeredCapital: [withheld('CNY')],
  });
  expect(byMemberKind[2].figures).toMatchObject({
    achievementsTransformed: 1,
    projectsTransformed: 1,
    equityInvestments: 1,
    transformationFunds: [withheld('CNY')],
  });
});

test('amounts are totalled per currency, CNY first, and never converted', async () => {
  await fixture();
  const { totals } = await stats();
  // ¥500,000 + ¥20,000 published and ¥10,000,000 unpublished (withheld); US$30,000 on its own.
  expect(totals.transformationFunds).toEqual([withheld('CNY'), shown('USD', 3_000_000)]);
  expect(totals.registeredCapital).toEqual([withheld('CNY')]);
});

test('an amount total including one or two unpublished amounts is withheld, its counts are not', async () => {
  const { imaging } = await createListings();
  await appendLedgerEntry(assignment('one', imaging, '2025-03-01T00:00:00.000Z', cny(1_000_000), false));
  await appendLedgerEntry(assignment('two', imaging, '2025-04-01T00:00:00.000Z', cny(2_000_000), false));
  await appendLedgerEntry(assignment('open', imaging, '2025-05-01T00:00:00.000Z', cny(300), true));
  const { byYear } = await stats();
  expect(byYear[0].figures.transformationFunds).toEqual([withheld('CNY')]);
  expect(byYear[0].figures.ipRightsTransferred.assignment).toBe(3);
});

test('an amount total including three or more unpublished amounts is shown', async () => {
  const { imaging } = await createListings();
  for (const [i, amount] of [1_000_000, 2_000_000, 3_000_000].entries()) {
    await appendLedgerEntry(assignment(`private-${i}`, imaging, '2025-03-01T00:00:00.000Z', cny(amount), false));
  }
  await appendLedgerEntry(assignment('open', imaging, '2025-05-01T00:00:00.000Z', cny(300), true));
  const { byYear, totals } = await stats();
  expect(byYear[0].figures.transformationFunds).toEqual([shown('CNY', 6_000_300)]);
  expect(totals.transformationFunds).toEqual([shown('CNY', 6_000_300)]);
});

test('a withheld total cannot be worked out from the overall total and the shown buckets', async () => {
  const { imaging } = await createListings();
  await appendLedgerEntry(assignment('alone', imaging, '2025-03-01T00:00:00.000Z', cny(1_000_000), false));
  for (const [i, amount] of [2_000_000, 3_000_000, 4_000_000].entries()) {
    await appendLedgerEntry(assignment(`later-${i}`, imaging, '2026-03-01T00:00:00.000Z', cny(amount), false));
  }
  const { byYear, totals } = await stats();
  // Four unpublished amounts overall: the total is shown; 2025 holds one, so 2026 (three) is withheld with it.
  expect(totals.transformationFunds).toEqual([shown('CNY', 10_000_000)]);
  expect(
    byYear.map((bucket: { figures: { transformationFunds: unknown } }) => bucket.figures.transformationFunds),
  ).toEqual([[withheld('CNY')], [withheld('CNY')]]);
});

test('the JSON is public, cacheable for a minute, and the same at /stats.json', async () => {
  await fixture();
  const api = await call(apiStats, '/api/v1/stats');
  expect(api.headers.get('Cache-Control')).toBe('public, max-age=60');
  expect(api.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body = await api.json();
  expect(Object.keys(body).sort()).toEqual(['byCategory', 'byMemberKind', 'byYear', 'checkedAt', 'entries', 'totals']);
  expect(new Date(body.checkedAt).toISOString()).toBe(body.checkedAt);
  expect(await (await call(statsJson, '/stats.json')).json()).toEqual(body);
  expect((await call(apiStatsPost, '/api/v1/stats', { method: 'POST', json: {} })).status).toBe(405);
});

test('the figures are computed at most once a minute and say when', async () => {
  const { imaging } = await createListings();
  await appendLedgerEntry(assignment('first', imaging, '2025-03-01T00:00:00.000Z', cny(100), true));
  const first = await stats();
  await appendLedgerEntry(assignment('second', imaging, '2025-04-01T00:00:00.000Z', cny(100), true));
  const again = await stats();
  expect(again.entries).toBe(1);
  expect(again.checkedAt).toBe(first.checkedAt);
  forgetStats();
  expect((await stats()).entries).toBe(2);
});

test("the CSV starts with a UTF-8 BOM and holds the tables' figures in the visitor's language", async () => {
  await fixture();
  const en = await call(statsCsv, '/stats.csv?lang=en');
  expect(en.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
  expect(en.headers.get('Content-Disposition')).toBe('attachment; filename="medip-stats.csv"');
  const bytes = new Uint8Array(await en.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
  expect(lines[0]).toBe(
    'Breakdown,Group,Achievements transformed,Projects transformed,IP rights by assignment,IP rights by licence,' +
      'IP rights for equity,IP rights transferred,Equity investments,Transformation funds (CNY),' +
      'Transformation funds (USD),Companies incubated,Registered capital formed (CNY)',
  );
  expect(lines).toContain('All years,,3,1,3,1,4,8,1,—,30000.00,2,—');
  expect(lines).toContain('By year,2025,1,0,2,1,0,3,0,520000.00,0.00,0,0.00');
  expect(lines).toContain('By category,Medical imaging,2,0,3,1,1,5,0,520000.00,30000.00,1,1000000.00');
  expect(lines).toContain('By member kind,Engineering research institute,1,1,0,0,3,3,0,0.00,0.00,1,—');
  const zh = await (await call(statsCsv, '/stats.csv?lang=zh-CN')).text();
  expect(zh).toContain('按技术类别,心血管器械,1,1,0,0,3,3,1,—,0.00,1,—');
});

test('hostile query strings are ignored, never a server error', async () => {
  await fixture();
  const hostile = '?year[$gt]=&format=%00&lang=%E2%80%AE&__proto__[polluted]=1&page=-1&' + 'x'.repeat(4000) + '=1';
  for (const [handler, target] of [
    [apiStats, '/api/v1/stats'],
    [statsPage, '/stats'],
    [statsCsv, '/stats.csv'],
    [statsJson, '/stats.json'],
  ] as const) {
    expect((await call(handler, `${target}${hostile}`)).status).toBe(200);
  }
});

// ── The page as a browser without JavaScript gets it ────────────────────────

let server: RunningServer | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  server = dataDir = undefined;
});

test('the page serves SVG charts with a title and description, the same figures as tables, and the privacy note, in both languages', async () => {
  await fixture();
  ensureBuild();
  dataDir = mkdtempSync(path.join(tmpdir(), 'medip-stats-'));
  // The server reads the database this test file wrote.
  const uri = new URL(inject('mongoUri'));
  uri.pathname = `/${mongoose.connection.name}`;
  server = await startServer({ MONGODB_URI: uri.toString(), DATA_DIR: dataDir });
  const en = await fetch(`${server.url}/stats?lang=en`);
  expect(en.status).toBe(200);
  const html = await en.text();
  expect(html).toMatch(/<svg role="img" aria-labelledby="[^"]+-title [^"]+-desc"/);
  expect(html).toContain('Achievements transformed, By year</title>');
  expect(html).toMatch(/<desc id="[^"]+">2025: 1; 2026: 2<\/desc>/);
  expect(html).toMatch(/<desc id="[^"]+">Medical imaging: 2; Cardiovascular devices: 1<\/desc>/);
  expect(html).toContain('<th scope="row">Medical imaging</th>');
  expect(html).toContain('520,000.00');
  expect(html).toContain('<abbr title="withheld to protect unpublished amounts">—</abbr>');
  expect(html).toContain('fewer than 3 unpublished amounts is shown as “—”');
  expect(html).toContain('Co-development agreements have no ledger entry and are not counted.');
  const zh = await (await fetch(`${server.url}/stats?lang=zh-CN`)).text();
  expect(zh).toContain('转化成果数（按年份）</title>');
  expect(zh).toContain('<th scope="row">心血管器械</th>');
  expect(zh).toContain('少于 3 笔');
}, 180_000);
