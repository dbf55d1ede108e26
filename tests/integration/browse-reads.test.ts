import mongoose from 'mongoose';
import { loader as homeLoader } from '../../app/routes/_index.tsx';
import { loader as listingsPageLoader } from '../../app/routes/listings._index.tsx';
import { loader as organizationLoader } from '../../app/routes/orgs.$id.tsx';
import { loader as apiListingsLoader } from '../../app/routes/api.v1.listings.ts';
import { loader as apiSearchLoader } from '../../app/routes/api.v1.search.ts';
import { refreshMemberCounts } from '../../server/orgs/index.ts';
import { syncListing } from '../../server/search/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { call } from '../support/requests.ts';
import { useTestSearch } from '../support/search.ts';

// FerretDB answers only `_id` look-ups from an index; every other filter scans
// the collection (30–40 s per browse page at 100,000 listings). So the pages and
// API paths that list listings read the search engine, and the database at
// most by `_id`. Mongoose's debug hook sees every command it sends.

useTestDatabase();
useTestSearch();

let organizationId: string;
beforeAll(async () => {
  const organization = await createOrganization();
  organizationId = String(organization._id);
  for (const kind of ['patent', 'result', 'project'] as const) {
    await syncListing(String((await createListing(organization._id, { kind, patents: [] }))._id));
  }
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

const PATHS: [string, () => Promise<Response>][] = [
  ['the home page', () => call(homeLoader, '/')],
  ['/listings', () => call(listingsPageLoader, '/listings?q=catheter&category=medical_acoustics&sort=trl_desc')],
  [
    'an organization page',
    () => call(organizationLoader, `/orgs/${organizationId}`, { params: { id: organizationId } }),
  ],
  ['GET /api/v1/listings', () => call(apiListingsLoader, '/api/v1/listings?kind=patent&kind=result')],
  ['GET /api/v1/search', () => call(apiSearchLoader, '/api/v1/search?q=ultrasound&trlMin=2&sort=price_desc')],
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
