import mongoose from 'mongoose';
import { loader as rootLoader } from '../../app/root.tsx';
import { loader as homeLoader } from '../../app/routes/_index.tsx';
import { loader as apiDashboardLoader } from '../../app/routes/api.v1.dashboard.ts';
import { loader as apiListingsLoader } from '../../app/routes/api.v1.listings.ts';
import { loader as apiSearchLoader } from '../../app/routes/api.v1.search.ts';
import { loader as dashboardLoader } from '../../app/routes/dashboard.tsx';
import { loader as listingsPageLoader } from '../../app/routes/listings._index.tsx';
import { loader as suggestLoader } from '../../app/routes/listings.suggest.ts';
import { loader as organizationLoader } from '../../app/routes/orgs.$id.tsx';
import { loader as sitemapListingsLoader } from '../../app/routes/sitemap.listings.$page.ts';
import { loader as sitemapIndexLoader } from '../../app/routes/sitemap[.]xml.ts';
import { followListing } from '../../server/follows/index.ts';
import { refreshMemberCounts } from '../../server/orgs/index.ts';
import { syncListing } from '../../server/search/index.ts';
import { createMember } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { call, type CallOptions } from '../support/requests.ts';
import { useTestSearch } from '../support/search.ts';

// FerretDB answers only `_id` look-ups from an index; every other filter scans
// the collection (30–40 s per browse page at 100,000 listings). So the pages and
// API paths that list listings read the search engine, and the database at
// most by `_id`. Mongoose's debug hook sees every command it sends.

useTestDatabase();
useTestSearch();

let organizationId: string;
/** A verified institute's member who follows a listing and whose organization has listings of its own. */
let member: Awaited<ReturnType<typeof createMember>>;
beforeAll(async () => {
  const organization = await createOrganization();
  organizationId = String(organization._id);
  const ids: string[] = [];
  for (const kind of ['patent', 'result', 'project'] as const) {
    ids.push(String((await createListing(organization._id, { kind, patents: [] }))._id));
  }
  member = await createMember({ kind: 'basic_institute' });
  ids.push(String((await createListing(member.organizationId))._id));
  await createListing(member.organizationId, { status: 'draft', publishedAt: null });
  for (const id of ids) await syncListing(id);
  await followListing(member.actor, ids[0]!);
  await refreshMemberCounts(); // start-up does this; the pages then read the last figures
});

interface Sent {
  collection: string;
  method: string;
  filter: unknown;
}

async function commandsSentDuring(run: () => Promise<Response>): Promise<{ sent: Sent[]; status: number }> {
  const sent: Sent[] = [];
  mongoose.set('debug', (collection: string, method: string, filter: unknown) => {
    sent.push({ collection, method, filter });
  });
  try {
    const response = await run();
    return { sent, status: response.status };
  } finally {
    mongoose.set('debug', false);
  }
}

const byIdOnly = ({ filter }: Sent) =>
  typeof filter === 'object' &&
  filter !== null &&
  Object.keys(filter).join() === '_id' &&
  (typeof (filter as { _id: unknown })._id === 'string' ||
    (filter as { _id: unknown })._id instanceof mongoose.Types.ObjectId);

type Loader = Parameters<typeof call>[0];

/** A page as Remix serves it: the root loader (the header's viewer) and the route's loader together. */
async function page(loader: Loader, path: string, options: CallOptions = {}): Promise<Response> {
  const [root, route] = await Promise.all([call(rootLoader, path, options), call(loader, path, options)]);
  return root.status === 200 ? route : root;
}

const signedIn = (): CallOptions => ({ cookie: member.cookie });

const PATHS: [string, () => Promise<Response>][] = [
  ['the home page', () => page(homeLoader, '/')],
  ['/listings', () => page(listingsPageLoader, '/listings?q=catheter&category=medical_acoustics&sort=trl_desc')],
  [
    'an organization page',
    () => page(organizationLoader, `/orgs/${organizationId}`, { params: { id: organizationId } }),
  ],
  ['GET /api/v1/listings', () => call(apiListingsLoader, '/api/v1/listings?kind=patent&kind=result')],
  ['GET /api/v1/search', () => call(apiSearchLoader, '/api/v1/search?q=ultrasound&trlMin=2&sort=price_desc')],
  ['the search box suggestions', () => call(suggestLoader, '/listings/suggest?q=rotat')],
  ['/sitemap.xml', () => call(sitemapIndexLoader, '/sitemap.xml')],
  ['/sitemap/listings/1', () => call(sitemapListingsLoader, '/sitemap/listings/1', { params: { page: '1' } })],
  ['the home page, signed in', () => page(homeLoader, '/', signedIn())],
  ['/listings, signed in', () => page(listingsPageLoader, '/listings?q=ultrasound&kind=patent', signedIn())],
  [
    'an organization page, signed in',
    () => page(organizationLoader, `/orgs/${organizationId}`, { ...signedIn(), params: { id: organizationId } }),
  ],
  ['GET /api/v1/listings, signed in', () => call(apiListingsLoader, '/api/v1/listings?sort=trl_desc', signedIn())],
  ['GET /api/v1/search, signed in', () => call(apiSearchLoader, '/api/v1/search?q=catheter', signedIn())],
  ['the search box suggestions, signed in', () => call(suggestLoader, '/listings/suggest?q=rotat', signedIn())],
  ['/dashboard with a followed listing', () => page(dashboardLoader, '/dashboard', signedIn())],
  ['GET /api/v1/dashboard with a followed listing', () => call(apiDashboardLoader, '/api/v1/dashboard', signedIn())],
];

test.each(PATHS)('%s lists listings without a database query other than by _id', async (_name, run) => {
  const { sent, status } = await commandsSentDuring(run);
  expect(status).toBe(200);
  expect(sent.filter((s) => !byIdOnly(s))).toEqual([]);
});

test('the command log catches a scan, so the checks above can fail', async () => {
  const { sent } = await commandsSentDuring(async () => {
    await mongoose.model('Listing').countDocuments({ status: 'published' });
    return new Response(null, { status: 200 });
  });
  expect(sent.filter((s) => !byIdOnly(s))).toHaveLength(1);
});
