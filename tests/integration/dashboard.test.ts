import mongoose from 'mongoose';
import * as dashboardApi from '../../app/routes/api.v1.dashboard.ts';
import * as dashboardPage from '../../app/routes/dashboard.tsx';
import { loadAuthenticatedUser, User } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { countListingView, getDashboard, reconcileRosters, recordFunnelEvent } from '../../server/dashboard/index.ts';
import { ListingFunnel } from '../../server/dashboard/funnel.ts';
import { ListingRoster } from '../../server/dashboard/roster.ts';
import { followListing } from '../../server/follows/index.ts';
import { askQuestion } from '../../server/inquiries/index.ts';
import { publishListing, rejectListing, submitListing, withdrawListing } from '../../server/listings/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { call } from '../support/requests.ts';
import { useTestSearch } from '../support/search.ts';

useTestDatabase();
useTestSearch();

const OPERATOR: Actor = {
  userId: new mongoose.Types.ObjectId().toHexString(),
  organizationId: '0000000000000000000000aa',
  organizationKind: 'operator',
  organizationVerified: true,
  role: 'member',
};
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
// 10:00 in Beijing on 24 November 2026, and an hour later.
const DAY = new Date('2026-11-24T02:00:00Z');
const LATER = new Date('2026-11-24T03:00:00Z');

async function account(options: Parameters<typeof createAccount>[0] = {}) {
  const created = await createAccount(options);
  const { actor } = (await loadAuthenticatedUser(created.userId))!;
  return { ...created, actor };
}

let institute: Awaited<ReturnType<typeof account>>;
beforeAll(async () => {
  institute = await account({ kind: 'basic_institute', verified: true });
});

/** A listing of the institute taken through the real workflow to `status`. */
async function listingIn(status: 'draft' | 'submitted' | 'published' | 'withdrawn', title = 'Dashboard stent') {
  const id = String(
    (await createListing(institute.organizationId, { status: 'draft', publishedAt: null, title: { en: title } }))._id,
  );
  await submitListing(institute.actor, id);
  if (status === 'draft') await rejectListing(OPERATOR, id, 'Add the grant date.');
  if (status === 'published' || status === 'withdrawn') await publishListing(OPERATOR, id);
  if (status === 'withdrawn') await withdrawListing(institute.actor, id);
  return id;
}

const idsByStatus = (dashboard: Awaited<ReturnType<typeof getDashboard>>) =>
  Object.fromEntries(dashboard.groups.map((g) => [g.status, g.listings.map((l) => l.id)]));

const viewAs = (listingId: string, ip: string, at = DAY) =>
  countListingView(
    {
      listing: { id: listingId, status: 'published', organization: { id: institute.organizationId } },
      actor: null,
      request: new Request('http://localhost/listings/x', { headers: { 'User-Agent': BROWSER } }),
      clientIp: ip,
    },
    at,
  );

describe('funnel counters', () => {
  test('50 parallel events on one listing count 50', async () => {
    const listingId = new mongoose.Types.ObjectId().toHexString();
    await Promise.all(Array.from({ length: 50 }, () => recordFunnelEvent(listingId, 'views')));
    const stored = await ListingFunnel.findById(listingId).lean();
    expect(stored?.totals?.views).toBe(50);
  });

  test('an event counts on the day it falls on in China time', async () => {
    const listingId = new mongoose.Types.ObjectId().toHexString();
    // 23:30 UTC on the 24th is 07:30 on the 25th in Beijing.
    await recordFunnelEvent(listingId, 'inquiries', new Date('2026-11-24T23:30:00Z'));
    await recordFunnelEvent(listingId, 'ndas', new Date('2026-11-24T15:00:00Z'));
    const stored = await ListingFunnel.findById(listingId).lean();
    expect(stored?.days).toEqual({ '2026-11-25': { inquiries: 1 }, '2026-11-24': { ndas: 1 } });
    expect(stored?.totals).toEqual({ inquiries: 1, ndas: 1 });
  });
});

test('the dashboard groups the organization’s listings by status, in the workflow’s order', async () => {
  const [draft, submitted, published, withdrawn] = [
    await listingIn('draft'),
    await listingIn('submitted'),
    await listingIn('published'),
    await listingIn('withdrawn'),
  ];
  const groups = idsByStatus(await getDashboard(institute.actor));
  expect(Object.keys(groups)).toEqual(['draft', 'submitted', 'published', 'withdrawn']);
  expect(groups.draft).toContain(draft);
  expect(groups.submitted).toContain(submitted);
  expect(groups.published).toContain(published);
  expect(groups.withdrawn).toContain(withdrawn);
  // Each listing once, under its current status only.
  const all = Object.values(groups).flat();
  expect(new Set(all).size).toBe(all.length);
});

test('another organization’s member does not see the organization’s listings', async () => {
  const published = await listingIn('published');
  const draft = await listingIn('draft');
  const company = await account({ kind: 'company', verified: true });
  const theirs = Object.values(idsByStatus(await getDashboard(company.actor))).flat();
  expect(theirs).not.toContain(published);
  expect(theirs).not.toContain(draft);
});

test('anonymous visitors are sent to log in', async () => {
  const response = await call(dashboardPage.loader, '/dashboard');
  expect(response.status).toBe(302);
  expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fdashboard');
  await expect(getDashboard(null)).rejects.toMatchObject({ code: 'unauthorized' });
});

test('members of an unverified organization see their dashboard', async () => {
  const unverified = await account({ kind: 'company', verified: false });
  const response = await call(dashboardPage.loader, '/dashboard', { cookie: unverified.cookie });
  expect(response.status).toBe(200);
  const { dashboard } = (await response.json()) as { dashboard: { groups: unknown[]; following: unknown[] } };
  expect(dashboard.groups).toEqual([]);
  expect(dashboard.following).toEqual([]);
});

test('a listing’s funnel totals are its recorded events, with the conversion between stages', async () => {
  const id = await listingIn('published', 'Funnel catheter');
  for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) await viewAs(id, ip);
  await viewAs(id, '192.0.2.1'); // a reload: not counted
  await recordFunnelEvent(id, 'inquiries', DAY);
  await recordFunnelEvent(id, 'inquiries', DAY);
  await recordFunnelEvent(id, 'ndas', DAY);
  const dashboard = await getDashboard(institute.actor, LATER);
  const listing = dashboard.groups.flatMap((g) => g.listings).find((l) => l.id === id)!;
  expect(listing.totals).toEqual({ views: 3, inquiries: 2, ndas: 1 });
  expect(listing.rates).toEqual({ inquiriesPerView: 66.7, ndasPerInquiry: 50 });
  expect(listing.recent).toHaveLength(28);
  expect(listing.recent.at(-1)).toEqual({ day: '2026-11-24', views: 3, inquiries: 2, ndas: 1 });
  expect(listing.recent.at(0)!.day).toBe('2026-10-28');
});

test('events older than the period count in the totals but not in the days shown', async () => {
  const id = await listingIn('published');
  await recordFunnelEvent(id, 'views', new Date('2026-09-01T02:00:00Z'));
  await viewAs(id, '192.0.2.9');
  const listing = (await getDashboard(institute.actor, LATER)).groups
    .flatMap((g) => g.listings)
    .find((l) => l.id === id)!;
  expect(listing.totals.views).toBe(2);
  expect(listing.recent.reduce((sum, d) => sum + d.views, 0)).toBe(1);
});

test('a listing without events shows zeros and no rates', async () => {
  const id = await listingIn('submitted');
  const listing = (await getDashboard(institute.actor)).groups.flatMap((g) => g.listings).find((l) => l.id === id)!;
  expect(listing.totals).toEqual({ views: 0, inquiries: 0, ndas: 0 });
  expect(listing.rates).toEqual({ inquiriesPerView: null, ndasPerInquiry: null });
});

test('the organization’s totals are the sum of its listings’', async () => {
  const own = await account({ kind: 'hospital', verified: true });
  const ids = [];
  for (const title of ['Sum A', 'Sum B']) {
    const id = String((await createListing(own.organizationId, { status: 'draft', title: { en: title } }))._id);
    await submitListing(own.actor, id);
    await publishListing(OPERATOR, id);
    ids.push(id);
  }
  await recordFunnelEvent(ids[0]!, 'views', DAY);
  await recordFunnelEvent(ids[1]!, 'views', DAY);
  await recordFunnelEvent(ids[1]!, 'inquiries', DAY);
  const dashboard = await getDashboard(own.actor, LATER);
  expect(dashboard.totals).toEqual({ views: 2, inquiries: 1, ndas: 0 });
  expect(dashboard.rates).toEqual({ inquiriesPerView: 50, ndasPerInquiry: 0 });
  expect(dashboard.recent.at(-1)).toEqual({ day: '2026-11-24', views: 2, inquiries: 1, ndas: 0 });
});

test('a question to the organization shows as awaiting its reply and counts as an inquiry', async () => {
  const id = await listingIn('published', 'Asked-about endoscope');
  const asker = await account({ kind: 'company', verified: true });
  await User.updateOne({ _id: asker.userId }, { $set: { emailVerifiedAt: new Date() } });
  const { threadId } = await askQuestion(asker.actor, id, { body: 'Is an exclusive license for China possible?' });
  const dashboard = await getDashboard(institute.actor);
  expect(dashboard.awaitingReply.map((t) => t.id)).toContain(threadId);
  const listing = dashboard.groups.flatMap((g) => g.listings).find((l) => l.id === id)!;
  expect(listing.totals.inquiries).toBe(1);
  // The asker waits for the answer; it owes none.
  expect((await getDashboard(asker.actor)).awaitingReply).toEqual([]);
});

test('the listings the user follows are on the dashboard', async () => {
  const id = await listingIn('published', 'Followed valve');
  const reader = await account({ kind: 'investor', verified: false });
  await followListing(reader.actor, id);
  expect((await getDashboard(reader.actor)).following).toEqual([
    { id, available: true, title: { en: 'Followed valve' }, status: 'published' },
  ]);
});

test('listings written without the change feed appear after reconciliation', async () => {
  const own = await account({ kind: 'engineering_institute', verified: true });
  const id = String((await createListing(own.organizationId, { status: 'draft', publishedAt: null }))._id);
  expect(idsByStatus(await getDashboard(own.actor))).toEqual({});
  await reconcileRosters();
  expect(idsByStatus(await getDashboard(own.actor))).toEqual({ draft: [id] });
});

test('reconciliation removes the marks of listings that entered the index a day ago, and only those', async () => {
  const id = await listingIn('published');
  const entry = async () =>
    ((await ListingRoster.findById(institute.organizationId).lean())?.listings ?? {})[id] as
      { status: string } | undefined;
  expect((await entry())?.status).toBe('published');
  await reconcileRosters(new Date(Date.now() + 3600_000));
  expect((await entry())?.status).toBe('published');
  await reconcileRosters(new Date(Date.now() + 25 * 3600_000));
  expect(await entry()).toBeUndefined();
});

test('GET /api/v1/dashboard answers the dashboard as JSON', async () => {
  const id = await listingIn('submitted', 'API stent');
  const response = await call(dashboardApi.loader, '/api/v1/dashboard', { cookie: institute.cookie });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    organizationId: string;
    groups: { status: string; listings: { id: string }[] }[];
  };
  expect(body.organizationId).toBe(institute.organizationId);
  expect(body.groups.find((g) => g.status === 'submitted')!.listings.map((l) => l.id)).toContain(id);
});

test('the dashboard API wants a signed-in caller', async () => {
  const response = await call(dashboardApi.loader, '/api/v1/dashboard');
  expect(response.status).toBe(401);
  expect(response.headers.get('Content-Type')).toContain('application/problem+json');
});

test('the dashboard API answers other methods with 405 problem+json', async () => {
  const response = await call(dashboardApi.action, '/api/v1/dashboard', { method: 'POST', cookie: institute.cookie });
  expect(response.status).toBe(405);
  expect(response.headers.get('Allow')).toBe('GET');
  expect(response.headers.get('Content-Type')).toContain('application/problem+json');
});
