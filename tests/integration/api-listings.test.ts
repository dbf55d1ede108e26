import { loader as listingLoader } from '../../app/routes/api.v1.listings.$id.ts';
import { loader as listingsLoader } from '../../app/routes/api.v1.listings.ts';
import { action as searchAction, loader as searchLoader } from '../../app/routes/api.v1.search.ts';
import { loader as healthLoader } from '../../app/routes/healthz.ts';
import { syncListing } from '../../server/search/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { call } from '../support/requests.ts';
import { useTestSearch } from '../support/search.ts';

useTestDatabase();
useTestSearch();

let listingId: string;
beforeAll(async () => {
  const org = await createOrganization();
  listingId = String((await createListing(org._id))._id);
  const other = await createListing(org._id, { kind: 'result', patents: [], dealTypes: ['co_development'] });
  await Promise.all([syncListing(listingId), syncListing(String(other._id))]);
});

test('GET /api/v1/listings returns a page of search hits with facet counts', async () => {
  const response = await call(listingsLoader, '/api/v1/listings?kind=patent&pageSize=10');
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ total: 1, page: 1, pageSize: 10, facets: { kind: { patent: 1, result: 1 } } });
  expect(body.hits[0]).toMatchObject({ id: listingId, kind: 'patent', status: 'published' });
  expect(body.hits[0].confidential).toBeUndefined();
});

test('GET /api/v1/search finds by words and highlights them', async () => {
  const response = await call(searchLoader, '/api/v1/search?q=intravascular&kind=patent');
  const body = await response.json();
  expect(body.hits.map((h: { id: string }) => h.id)).toEqual([listingId]);
  expect(body.hits[0].highlight.title.en).toContain('<mark>intravascular</mark>');
  expect(typeof body.tookMs).toBe('number');
});

test('a method other than GET on the search API is a 405 problem+json naming GET', async () => {
  const response = await call(searchAction, '/api/v1/search', { method: 'POST', json: {} });
  expect(response.status).toBe(405);
  expect(response.headers.get('Allow')).toBe('GET');
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
});

test('bad filters are a problem+json 400 with a message per field, in the asked language', async () => {
  const response = await call(listingsLoader, '/api/v1/listings?pageSize=500&kind=spaceship&organization=x', {
    headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
  });
  expect(response.status).toBe(400);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  const body = await response.json();
  expect(body).toMatchObject({ status: 400, title: '无法理解该请求' });
  expect(Object.keys(body.errors).sort()).toEqual(['kind.0', 'organization', 'pageSize']);
  expect(body.errors.organization).toEqual(['标识符无效。']);
  expect(body.errors.pageSize[0]).toMatch(/100/);

  const english = await (
    await call(listingsLoader, '/api/v1/listings?pageSize=0', { headers: { 'Accept-Language': 'en' } })
  ).json();
  expect(english.errors.pageSize[0]).toMatch(/Too small/i);
});

const SORT_OPTIONS = '"relevance"|"newest"|"price_asc"|"price_desc"|"trl_desc"|"patent_life_desc"';

test.each([
  ['an unknown sort', 'sort=cheapest', { sort: [`Invalid option: expected one of ${SORT_OPTIONS}`] }],
  ['a flag other than true, false, 1 or 0', 'openLicense=maybe', { openLicense: ['Use true or false.'] }],
  ['a TRL bound that is not a number', 'trlMin=abc', { trlMin: ['Enter a number.'] }],
  [
    'a TRL range whose lower bound is above its upper one',
    'trlMin=9&trlMax=2',
    { trlMax: ['The lower bound cannot be above the upper bound.'] },
  ],
  ['a negative price', 'priceMin=-1', { priceMin: ['Too small: expected number to be >=0'] }],
  ['a page size over 100', 'pageSize=101', { pageSize: ['Too big: expected number to be <=100'] }],
  ['page 0 (pages count from 1)', 'page=0', { page: ['Too small: expected number to be >=1'] }],
  [
    'a one-value parameter given twice',
    'sort=newest&sort=trl_desc',
    { sort: [`Invalid option: expected one of ${SORT_OPTIONS}`] },
  ],
  ['a number parameter given twice', 'page=2&page=3', { page: ['Enter a number.'] }],
])('GET /api/v1/search refuses %s with a problem+json 400 naming the field', async (_rule, params, errors) => {
  const response = await call(searchLoader, `/api/v1/search?${params}`, { headers: { 'Accept-Language': 'en' } });
  expect(response.status).toBe(400);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect(await response.json()).toEqual({
    type: 'about:blank',
    title: 'That request was not understood',
    status: 400,
    errors,
  });
});

test('GET /api/v1/listings/:id returns the listing, and 404 problem+json for unknown ids', async () => {
  const found = await call(listingLoader, `/api/v1/listings/${listingId}`, { params: { id: listingId } });
  expect(found.status).toBe(200);
  expect((await found.json()).patents[0].number).toBe('CN202410123456.0');

  const missing = await call(listingLoader, '/api/v1/listings/0123456789abcdef01234567', {
    params: { id: '0123456789abcdef01234567' },
  });
  expect(missing.status).toBe(404);
  expect(missing.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect(await missing.json()).toMatchObject({ status: 404, title: 'listing not found' });
});

test('GET /healthz reports the database, the search engine and the payment provider (offline without Stripe)', async () => {
  const response = await call(healthLoader, '/healthz');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ db: 'ok', search: 'ok', payments: 'offline' });
});
