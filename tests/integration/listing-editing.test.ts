import * as listingRoute from '../../app/routes/api.v1.listings.$id.ts';
import * as listingsRoute from '../../app/routes/api.v1.listings.ts';
import { Listing, listingHistory, publishListing, rejectListing, submitListing } from '../../server/listings/index.ts';
import { cnCheckDigit } from '../../server/listings/patents.ts';
import { searchListings, searchQuery } from '../../server/search/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { call } from '../support/requests.ts';
import { useTestSearch } from '../support/search.ts';

useTestDatabase();
useTestSearch();

const operator = {
  userId: '0000000000000000000000c1',
  organizationId: '0000000000000000000000c2',
  organizationKind: 'operator' as const,
  organizationVerified: true,
  role: 'member' as const,
};

const listingJson = (overrides: Record<string, unknown> = {}) => ({
  kind: 'patent',
  title: { zh: '可降解镁合金心血管支架', en: 'Biodegradable magnesium cardiovascular stent' },
  summary: { en: 'A stent that dissolves after the vessel heals.' },
  category: 'cardiovascular',
  nmpaClass: 'III',
  trl: 5,
  stage: 'animal_study',
  patents: [
    {
      number: `CN202310654321.${cnCheckDigit('202310654321')}`,
      jurisdiction: 'CN',
      type: 'invention',
      status: 'granted',
      filingDate: '2023-05-10',
      grantDate: '2025-01-20',
      ipc: ['A61F 2/82'],
    },
  ],
  dealTypes: ['assignment', 'exclusive_license'],
  askingPrice: { amount: 80_000_000, currency: 'CNY' },
  ...overrides,
});

let institute: Awaited<ReturnType<typeof createAccount>>;
let instituteActor: Parameters<typeof submitListing>[0];
beforeAll(async () => {
  institute = await createAccount({ kind: 'engineering_institute', verified: true });
  instituteActor = {
    userId: String(institute.userId),
    organizationId: institute.organizationId,
    organizationKind: 'engineering_institute',
    organizationVerified: true,
    role: 'owner',
  };
});

const create = (json: unknown, cookie = institute.cookie) =>
  call(listingsRoute.action, '/api/v1/listings', { method: 'POST', json, cookie });
const patch = (id: string, json: unknown, cookie = institute.cookie) =>
  call(listingRoute.action, `/api/v1/listings/${id}`, { method: 'PATCH', json, cookie, params: { id } });
const found = async (q: string) => (await searchListings(null, searchQuery.parse({ q }))).hits.map((h) => h.id);

test('POST /api/v1/listings creates a draft of the caller’s organization, with its creation in the trail', async () => {
  const response = await create(listingJson());
  expect(response.status).toBe(201);
  const body = await response.json();
  expect(body).toMatchObject({ status: 'draft', organization: { id: institute.organizationId } });
  expect((await listingHistory(instituteActor, body.id)).map((e) => e.action)).toEqual(['created']);
});

test('an externalId sent again updates the same listing instead of adding one, also when sent at once', async () => {
  const first = await create(listingJson({ externalId: 'tto-7' }));
  expect(first.status).toBe(201);
  const again = await create(listingJson({ externalId: 'tto-7', trl: 6 }));
  expect(again.status).toBe(200);
  const id = (await first.json()).id;
  expect((await again.json()).id).toBe(id);
  expect((await Listing.findById(id).lean())!.trl).toBe(6);

  const parallel = await Promise.all([1, 2, 3, 4, 5].map(() => create(listingJson({ externalId: 'tto-8' }))));
  const ids = new Set(await Promise.all(parallel.map(async (r) => (await r.json()).id as string)));
  expect(ids.size).toBe(1);
  expect(parallel.filter((r) => r.status === 201)).toHaveLength(1);
});

test('an unverified organization may not create listings, and nothing is written', async () => {
  const unverified = await createAccount({ kind: 'basic_institute', verified: false });
  const before = await Listing.estimatedDocumentCount();
  const response = await create(listingJson({ externalId: 'nope-1' }), unverified.cookie);
  expect(response.status).toBe(403);
  expect(await Listing.estimatedDocumentCount()).toBe(before);
});

test('bad input gets a localised message per field and writes nothing', async () => {
  const before = await Listing.estimatedDocumentCount();
  const response = await call(listingsRoute.action, '/api/v1/listings', {
    method: 'POST',
    cookie: institute.cookie,
    headers: { 'Accept-Language': 'zh-CN' },
    json: listingJson({
      title: { zh: '', en: '' },
      patents: [{ ...listingJson().patents[0], number: 'CN202310654321.0', expiryDate: '2020-01-01' }],
    }),
  });
  expect(response.status).toBe(400);
  const { errors } = await response.json();
  expect(Object.keys(errors).sort()).toEqual(['patents.0.expiryDate', 'patents.0.number', 'title.zh']);
  expect(errors['patents.0.number'][0]).toMatch(/校验位/);
  expect(await Listing.estimatedDocumentCount()).toBe(before);
});

test('PATCH on a draft changes it at once, and the trail keeps each field’s old and new value', async () => {
  const id = (await (await create(listingJson())).json()).id;
  const response = await patch(id, { trl: 6, stage: 'clinical_trial' });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ trl: 6, stage: 'clinical_trial' });
  const [updated] = await listingHistory(instituteActor, id);
  expect(updated!.changes).toEqual([
    { field: 'trl', from: 5, to: 6 },
    { field: 'stage', from: 'animal_study', to: 'clinical_trial' },
  ]);
});

describe('a published listing', () => {
  let id: string;
  beforeAll(async () => {
    id = (await (await create(listingJson({ title: { en: 'Published zirconia implant' } }))).json()).id;
    await submitListing(instituteActor, id);
    await publishListing(operator, id);
  });

  test('keeps its title in view and in search while a new one waits for review', async () => {
    const response = await patch(id, { title: { en: 'Renamed zirconia implant' } });
    const body = await response.json();
    expect(body.title).toEqual({ en: 'Published zirconia implant' });
    expect(body.review.pendingRevision.changes.title).toEqual({ en: 'Renamed zirconia implant' });
    expect(await found('renamed zirconia')).toEqual([]);
    expect(await found('published zirconia')).toEqual([id]);
  });

  test('changes its other fields at once', async () => {
    expect(await (await patch(id, { trl: 7 })).json()).toMatchObject({ trl: 7 });
  });

  test('takes the revision when the operator publishes it, and search follows', async () => {
    const published = await publishListing(operator, id);
    expect(published.title).toEqual({ en: 'Renamed zirconia implant' });
    expect(published.review?.pendingRevision ?? null).toBeNull();
    expect(await found('renamed zirconia')).toEqual([id]);
    const actions = (await listingHistory(instituteActor, id)).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['revision_published', 'updated']);
  });

  test('keeps its published version when the operator rejects a revision', async () => {
    await patch(id, { askingPrice: { amount: 1, currency: 'CNY' } });
    const kept = await rejectListing(operator, id, 'The price looks like a typo.');
    expect(kept.askingPrice).toEqual({ amount: 80_000_000, currency: 'CNY' });
    expect(kept.status).toBe('published');
    const [decision] = await listingHistory(instituteActor, id);
    expect(decision).toMatchObject({ action: 'revision_rejected', reason: 'The price looks like a typo.' });
  });
});

describe('keywords over the API', () => {
  const get = (id: string) =>
    call(listingRoute.loader, `/api/v1/listings/${id}`, { cookie: institute.cookie, params: { id } });

  test('are stored as sent, repeats dropped, and answered by GET /api/v1/listings/:id', async () => {
    const response = await create(listingJson({ keywords: ['dPCR', ' DPCR ', '数字PCR'] }));
    expect(response.status).toBe(201);
    const { id } = await response.json();
    expect((await (await get(id)).json()).keywords).toEqual(['dPCR', '数字PCR']);
  });

  test('change at once on a published listing, without the operator, and search follows', async () => {
    const id = (await (await create(listingJson({ keywords: ['bioabsorbable'] }))).json()).id;
    await submitListing(instituteActor, id);
    await publishListing(operator, id);
    const body = await (await patch(id, { keywords: ['resorbable scaffold', '可吸收支架'] })).json();
    expect(body.keywords).toEqual(['resorbable scaffold', '可吸收支架']);
    expect(body.review.pendingRevision).toBeNull();
    expect(await found('resorbable scaffold')).toEqual([id]);
    expect(await found('bioabsorbable')).toEqual([]);
  });

  test('that break a rule are a 400 with a localised message at each keyword, and nothing is written', async () => {
    const before = await Listing.estimatedDocumentCount();
    const response = await call(listingsRoute.action, '/api/v1/listings', {
      method: 'POST',
      cookie: institute.cookie,
      headers: { 'Accept-Language': 'en' },
      json: listingJson({ keywords: ['stent', 'x'.repeat(61), 'a, b', 'rtl\u202Eevil'] }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      'keywords.1': ['Each keyword is 1 to 60 characters long.'],
      'keywords.2': ['A keyword cannot contain a comma, semicolon or 、: they separate keywords.'],
      'keywords.3': ['Remove control or text-direction characters.'],
    });
    expect(await Listing.estimatedDocumentCount()).toBe(before);
  });
});

test('an externalId cannot be changed by PATCH', async () => {
  const id = (await (await create(listingJson({ externalId: 'fixed-1' }))).json()).id;
  const response = await patch(id, { externalId: 'other-1' });
  expect(response.status).toBe(409);
});

test('another organization may not edit the listing', async () => {
  const id = (await (await create(listingJson())).json()).id;
  await submitListing(instituteActor, id);
  await publishListing(operator, id);
  const company = await createAccount({ kind: 'company', verified: true });
  const response = await patch(id, { trl: 9 }, company.cookie);
  expect(response.status).toBe(403);
  expect((await Listing.findById(id).lean())!.trl).toBe(5);
});

test('a login is needed to create or edit', async () => {
  expect((await create(listingJson(), '')).status).toBe(401);
});
