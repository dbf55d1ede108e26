import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Listing } from '../../server/listings/index.ts';
import { verifyOrganization } from '../../server/orgs/index.ts';
import { EmbeddedEngine } from '../../server/search/embedded/engine.ts';
import {
  closeSearch,
  marketplaceFigures,
  openSearch,
  reconcile,
  searchListings,
  searchQuery,
  syncListing,
} from '../../server/search/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { useTestSearch } from '../support/search.ts';

useTestDatabase();
useTestSearch();

const search = (input: Record<string, unknown> = {}) => searchListings(null, searchQuery.parse(input));
const idsOf = async (input: Record<string, unknown> = {}) => (await search(input)).hits.map((h) => h.id);

let organization: Awaited<ReturnType<typeof createOrganization>>;
beforeAll(async () => {
  organization = await createOrganization();
});

async function listed(overrides: Record<string, unknown> = {}) {
  const listing = await createListing(organization._id, overrides);
  await syncListing(String(listing._id));
  return String(listing._id);
}

test('published and under-offer listings are found; drafts, submitted, withdrawn and closed are not', async () => {
  const shown = [await listed(), await listed({ status: 'under_offer' })];
  const hidden = [
    await listed({ status: 'draft' }),
    await listed({ status: 'submitted' }),
    await listed({ status: 'withdrawn' }),
    await listed({ status: 'closed' }),
  ];
  const found = await idsOf({ organization: String(organization._id), pageSize: 100 });
  expect(found).toEqual(expect.arrayContaining(shown));
  for (const id of hidden) expect(found).not.toContain(id);
});

test('a listing that leaves "published" leaves the index at its next sync', async () => {
  const id = await listed({ title: { en: 'Withdrawable tonometer' } });
  expect(await idsOf({ q: 'tonometer' })).toEqual([id]);
  await Listing.updateOne({ _id: id }, { status: 'withdrawn' });
  await syncListing(id);
  expect(await idsOf({ q: 'tonometer' })).toEqual([]);
});

test('an edit is searchable as soon as the sync returns', async () => {
  const id = await listed({ title: { en: 'Portable audiometer' } });
  await Listing.updateOne({ _id: id }, { 'title.en': 'Portable tympanometer' });
  await syncListing(id);
  expect(await idsOf({ q: 'tympanometer' })).toEqual([id]);
  expect(await idsOf({ q: 'audiometer' })).toEqual([]);
});

test('the confidential section never enters the index', async () => {
  await listed({ title: { en: 'Secretive pulse oximeter' }, confidential: { details: 'xylophonic valuation basis' } });
  expect(await idsOf({ q: 'xylophonic' })).toEqual([]);
  const [hit] = (await search({ q: 'secretive' })).hits;
  expect(JSON.stringify(hit)).not.toContain('xylophonic');
});

test('highlights escape the listing text and mark only the match', async () => {
  await listed({ title: { en: 'Dialysis <b>filter</b> & pump' } });
  const [hit] = (await search({ q: 'dialysis' })).hits;
  expect(hit!.highlight.title.en).toBe('<mark>Dialysis</mark> &lt;b&gt;filter&lt;/b&gt; &amp; pump');
});

test('the reconciler indexes what is missing, refreshes what is stale and drops what is gone', async () => {
  const missing = String((await createListing(organization._id, { title: { en: 'Unsynced spectrometer' } }))._id);
  const stale = await listed({ title: { en: 'Stale colposcope' } });
  await Listing.updateOne({ _id: stale }, { 'title.en': 'Fresh colposcope' });
  const gone = await listed({ title: { en: 'Vanishing lithotripter' } });
  await Listing.deleteOne({ _id: gone });

  const report = await reconcile();
  expect(report).toMatchObject({ added: 1, updated: 1, removed: 1 });
  expect(await idsOf({ q: 'spectrometer' })).toEqual([missing]);
  expect(await idsOf({ q: 'fresh colposcope' })).toEqual([stale]);
  expect(await idsOf({ q: 'lithotripter' })).toEqual([]);
  expect(await reconcile()).toMatchObject({ added: 0, updated: 0, removed: 0 });
});

test('the home figures count published listings and patent listings from the index', async () => {
  const before = await marketplaceFigures(null);
  await listed({ kind: 'result', patents: [] });
  await listed({ status: 'draft' });
  const after = await marketplaceFigures(null);
  expect(after.listings - before.listings).toBe(1);
  expect(after.patentListings).toBe(before.patentListings);
});

test("an organization's verification reaches its listings in the index", async () => {
  const pending = await createOrganization({ verified: false, verification: { status: 'pending' } });
  await syncListing(String((await createListing(pending._id, { title: { en: 'Awaiting otoscope' } }))._id));
  expect((await search({ q: 'otoscope' })).hits[0]!.organization.verified).toBe(false);
  const operator = {
    userId: '000000000000000000000001',
    organizationId: '000000000000000000000002',
    organizationKind: 'operator' as const,
    organizationVerified: true,
    role: 'member' as const,
  };
  await verifyOrganization(operator, String(pending._id));
  expect((await search({ q: 'otoscope' })).hits[0]!.organization.verified).toBe(true);
});

describe('a damaged snapshot', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'medip-snapshot-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is ignored at the next start and the index is rebuilt from the database', async () => {
    const id = await listed({ title: { en: 'Snapshotted endoscope washer' } });
    const file = path.join(dir, 'listings.snapshot');
    const first = new EmbeddedEngine({ snapshotPath: file });
    await openSearch(first);
    await reconcile();
    await closeSearch(); // writes the snapshot
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10]! + 1) % 256;
    writeFileSync(file, bytes);

    const second = new EmbeddedEngine({ snapshotPath: file });
    await openSearch(second);
    expect((await second.versions()).size).toBe(0); // the damaged copy was not loaded
    await reconcile();
    expect(await idsOf({ q: 'snapshotted washer' })).toEqual([id]);
    await closeSearch();
  });
});
