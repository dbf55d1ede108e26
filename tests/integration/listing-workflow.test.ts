import * as listingPage from '../../app/routes/listings.$id.tsx';
import * as queuePage from '../../app/routes/operator.listings.tsx';
import * as historyRoute from '../../app/routes/api.v1.listings.$id.history.ts';
import * as publishRoute from '../../app/routes/api.v1.listings.$id.publish.ts';
import * as rejectRoute from '../../app/routes/api.v1.listings.$id.reject.ts';
import * as submitRoute from '../../app/routes/api.v1.listings.$id.submit.ts';
import { bootstrapOperator, login } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import {
  getListing,
  listingHistory,
  publishListing,
  rejectListing,
  reviewQueue,
  submitListing,
  withdrawListing,
} from '../../server/listings/index.ts';
import { searchListings, searchQuery } from '../../server/search/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { call } from '../support/requests.ts';
import { useTestSearch } from '../support/search.ts';

useTestDatabase();
useTestSearch();

const OPERATOR_ORG = '0000000000000000000000aa';
const operator = (n = 1): Actor => ({
  userId: `00000000000000000000000${n}`,
  organizationId: OPERATOR_ORG,
  organizationKind: 'operator',
  organizationVerified: true,
  role: 'member',
});
const memberOf = (organizationId: string, verified = true): Actor => ({
  userId: '0000000000000000000000b1',
  organizationId,
  organizationKind: 'basic_institute',
  organizationVerified: verified,
  role: 'member',
});

let institute: string;
let owner: Actor;
beforeAll(async () => {
  institute = String((await createOrganization())._id);
  owner = memberOf(institute);
});

const draft = async (title = 'Workflow endoscope') =>
  String((await createListing(institute, { status: 'draft', publishedAt: null, title: { en: title } }))._id);
const submitted = async (title?: string) => {
  const id = await draft(title);
  await submitListing(owner, id);
  return id;
};
const found = async (q: string) => (await searchListings(null, searchQuery.parse({ q }))).hits.map((h) => h.id);

test('an owner submits a draft, the operator publishes it, and search finds it at once', async () => {
  const id = await draft('Reviewed capsule endoscope');
  expect((await submitListing(owner, id)).status).toBe('submitted');
  expect(await found('reviewed capsule')).toEqual([]);
  expect((await reviewQueue(operator())).map((r) => r.id)).toContain(id);

  const published = await publishListing(operator(), id);
  expect(published.status).toBe('published');
  expect(published.publishedAt).not.toBeNull();
  expect(await found('reviewed capsule')).toEqual([id]);
  expect((await reviewQueue(operator())).map((r) => r.id)).not.toContain(id);
});

test('the operator rejects a submission back to draft with a reason its owner sees', async () => {
  const id = await submitted();
  await rejectListing(operator(), id, 'Add the patent’s grant date.');
  const listing = await getListing(owner, id);
  expect(listing.status).toBe('draft');
  const [entry] = await listingHistory(owner, id);
  expect(entry).toMatchObject({ action: 'rejected', reason: 'Add the patent’s grant date.' });
  expect((await reviewQueue(operator())).map((r) => r.id)).not.toContain(id);
});

test('a withdrawn listing leaves search', async () => {
  const id = await submitted('Withdrawn bronchoscope');
  await publishListing(operator(), id);
  expect(await found('withdrawn bronchoscope')).toEqual([id]);
  expect((await withdrawListing(owner, id)).status).toBe('withdrawn');
  expect(await found('withdrawn bronchoscope')).toEqual([]);
});

test('operators publishing at once publish once: one history entry, nothing left in the queue', async () => {
  const id = await submitted();
  const results = await Promise.all([1, 2, 3, 4, 5].map((n) => publishListing(operator(n), id)));
  expect(results.map((r) => r.status)).toEqual(Array(5).fill('published'));
  const history = await listingHistory(operator(), id);
  expect(history.filter((e) => e.action === 'published')).toHaveLength(1);
  expect((await reviewQueue(operator())).map((r) => r.id)).not.toContain(id);
});

test('a withdrawal racing a publication ends withdrawn, out of search and out of the queue, every time', async () => {
  for (let round = 0; round < 20; round++) {
    const title = `Racing lithotripter ${round}`;
    const id = await submitted(title);
    const [published, withdrawn] = await Promise.allSettled([
      publishListing(operator(), id),
      withdrawListing(owner, id),
    ]);
    expect(withdrawn.status).toBe('fulfilled');
    // The publication either came first (and was then withdrawn) or found the listing withdrawn.
    if (published.status === 'rejected') expect(published.reason).toMatchObject({ code: 'conflict' });
    expect((await getListing(owner, id)).status).toBe('withdrawn');
    expect(await found(title)).toEqual([]);
    expect((await reviewQueue(operator())).map((r) => r.id)).not.toContain(id);
    const [last] = await listingHistory(owner, id);
    expect(last).toMatchObject({ action: 'withdrawn', changes: [{ field: 'status', to: 'withdrawn' }] });
  }
});

test('a step the state does not allow is a conflict', async () => {
  const id = await draft();
  await expect(publishListing(operator(), id)).rejects.toMatchObject({ code: 'conflict' });
  await expect(rejectListing(operator(), id, 'x')).rejects.toMatchObject({ code: 'conflict' });
});

test('only the owning organization submits and withdraws; only verified organizations submit', async () => {
  const id = await draft();
  const outsider = memberOf(String((await createOrganization())._id));
  await expect(submitListing(outsider, id)).rejects.toMatchObject({ code: 'not_found' }); // a draft is hidden
  await expect(submitListing(memberOf(institute, false), id)).rejects.toMatchObject({ code: 'forbidden' });
  await expect(submitListing(null, id)).rejects.toMatchObject({ code: 'unauthorized' });
  const live = await submitted();
  await publishListing(operator(), live);
  await expect(withdrawListing(outsider, live)).rejects.toMatchObject({ code: 'forbidden' });
});

test('only operators publish and reject', async () => {
  const id = await submitted();
  await expect(publishListing(owner, id)).rejects.toMatchObject({ code: 'forbidden' });
  await expect(rejectListing(owner, id, 'no')).rejects.toMatchObject({ code: 'forbidden' });
});

test('the audit trail says who moved the listing, when, from what to what; outsiders cannot read it', async () => {
  const id = await submitted();
  await publishListing(operator(7), id);
  const history = await listingHistory(owner, id);
  expect(history.map((e) => [e.action, e.by, e.changes])).toEqual([
    ['published', '000000000000000000000007', [{ field: 'status', from: 'submitted', to: 'published' }]],
    ['submitted', '0000000000000000000000b1', [{ field: 'status', from: 'draft', to: 'submitted' }]],
  ]);
  expect(Date.parse(history[0]!.at)).toBeGreaterThanOrEqual(Date.parse(history[1]!.at));
  const outsider = memberOf(String((await createOrganization())._id));
  await expect(listingHistory(outsider, id)).rejects.toMatchObject({ code: 'forbidden' });
});

describe('the API', () => {
  let operatorCookie: string;
  let ownerCookie: string;
  let listingId: string;
  beforeAll(async () => {
    await bootstrapOperator('ops-workflow@example.com', 'operator-passphrase-1');
    const { sessionId } = await login(
      { email: 'ops-workflow@example.com', password: 'operator-passphrase-1' },
      { ip: '127.0.0.1', locale: 'en' },
    );
    operatorCookie = `medip_session=${sessionId}`;
    const account = await createAccount({ kind: 'basic_institute', verified: true });
    ownerCookie = account.cookie;
    listingId = String((await createListing(account.organizationId, { status: 'draft', publishedAt: null }))._id);
  });
  const post = (route: { action: Parameters<typeof call>[0] }, step: string, cookie: string, json: unknown = {}) =>
    call(route.action, `/api/v1/listings/${listingId}/${step}`, {
      method: 'POST',
      json,
      cookie,
      params: { id: listingId },
    });

  test('POST submit, then publish, moves the listing; GET on them is a 405', async () => {
    expect((await post(submitRoute, 'submit', ownerCookie)).status).toBe(200);
    const published = await post(publishRoute, 'publish', operatorCookie);
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ id: listingId, status: 'published' });
    const get = await call(publishRoute.loader, `/api/v1/listings/${listingId}/publish`);
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toBe('POST');
  });

  test('a rejection without a reason is a 400 with a field error, and changes nothing', async () => {
    const response = await post(rejectRoute, 'reject', operatorCookie, { reason: '  ' });
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).errors)).toEqual(['reason']);
  });

  test('the history is served to the owner and refused to anonymous callers', async () => {
    const mine = await call(historyRoute.loader, `/api/v1/listings/${listingId}/history`, {
      cookie: ownerCookie,
      params: { id: listingId },
    });
    expect((await mine.json()).items.map((e: { action: string }) => e.action)).toEqual(['published', 'submitted']);
    const anonymous = await call(historyRoute.loader, `/api/v1/listings/${listingId}/history`, {
      params: { id: listingId },
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('the pages', () => {
  let operatorCookie: string;
  let owner: Awaited<ReturnType<typeof createAccount>>;
  beforeAll(async () => {
    await bootstrapOperator('ops-pages@example.com', 'operator-passphrase-2');
    const { sessionId } = await login(
      { email: 'ops-pages@example.com', password: 'operator-passphrase-2' },
      { ip: '127.0.0.1', locale: 'en' },
    );
    operatorCookie = `medip_session=${sessionId}`;
    owner = await createAccount({ kind: 'hospital', verified: true });
  });

  test('the owner submits from the listing page, the operator publishes from the review queue', async () => {
    const id = String((await createListing(owner.organizationId, { status: 'draft', publishedAt: null }))._id);
    const page = await call(listingPage.loader, `/listings/${id}`, { cookie: owner.cookie, params: { id } });
    expect((await page.json()).listing.review.steps).toEqual(['submit', 'withdraw']);

    const submit = await call(listingPage.action, `/listings/${id}`, {
      method: 'POST',
      form: { intent: 'submit' },
      cookie: owner.cookie,
      params: { id },
    });
    expect(submit.status).toBe(302);
    const queue = await (await call(queuePage.loader, '/operator/listings', { cookie: operatorCookie })).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);

    const publish = await call(queuePage.action, '/operator/listings', {
      method: 'POST',
      form: { intent: 'publish', id },
      cookie: operatorCookie,
    });
    expect(await publish.json()).toMatchObject({ done: 'published' });
    expect((await getListing(null, id)).status).toBe('published');
  });

  test('the review queue is for operators only', async () => {
    const response = await call(queuePage.loader, '/operator/listings', { cookie: owner.cookie });
    expect(response.status).toBe(403);
  });

  test('a visitor sees no review panel', async () => {
    const id = String((await createListing(owner.organizationId))._id);
    const page = await (await call(listingPage.loader, `/listings/${id}`, { params: { id } })).json();
    expect(page.listing.review).toBeUndefined();
    expect(page.history).toEqual([]);
  });
});
