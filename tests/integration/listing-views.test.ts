import mongoose from 'mongoose';
import type { Actor } from '../../server/auth/permissions.ts';
import { countListingView, purgeViewClaims } from '../../server/dashboard/index.ts';
import { ListingFunnel } from '../../server/dashboard/funnel.ts';
import type { ListingStatus } from '../../server/vocabulary.ts';
import { useTestDatabase } from '../support/database.ts';

useTestDatabase();

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const OTHER_BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const OWNER_ORG = '0000000000000000000000c1';
// 10:00 in Beijing on 24 November 2026.
const NOON = new Date('2026-11-24T02:00:00Z');
const NEXT_DAY = new Date('2026-11-25T02:00:00Z');

let n = 0;
const newListing = (status: ListingStatus = 'published') => ({
  id: new mongoose.Types.ObjectId().toHexString(),
  status,
  organization: { id: OWNER_ORG },
});
const member = (organizationId: string, kind: 'company' | 'operator' | 'basic_institute' = 'company'): Actor => ({
  userId: new mongoose.Types.ObjectId().toHexString(),
  organizationId,
  organizationKind: kind,
  organizationVerified: true,
  role: 'member',
});
const outsider = () => member(`0000000000000000000000d${++n % 10}`);

function request({ method = 'GET', userAgent = BROWSER, headers = {} as Record<string, string> } = {}) {
  return new Request('http://localhost/listings/x', {
    method,
    headers: { ...(userAgent ? { 'User-Agent': userAgent } : {}), ...headers },
  });
}

type Listing = ReturnType<typeof newListing>;
const view = (
  listing: Listing,
  {
    actor = null as Actor,
    ip = '203.0.113.9',
    at = NOON,
    ...rest
  }: Parameters<typeof request>[0] & {
    actor?: Actor;
    ip?: string;
    at?: Date;
  } = {},
) => countListingView({ listing, actor, request: request(rest), clientIp: ip }, at);

const views = async (listing: Listing) => (await ListingFunnel.findById(listing.id).lean())?.totals?.views ?? 0;

test('reloads by the same anonymous visitor count once a day', async () => {
  const listing = newListing();
  expect(await view(listing)).toBe(true);
  expect(await view(listing)).toBe(false);
  expect(await view(listing, { at: new Date(NOON.getTime() + 3600_000) })).toBe(false);
  expect(await views(listing)).toBe(1);
});

test('the same visitor counts again the next day in China time', async () => {
  const listing = newListing();
  await view(listing);
  // 23:30 UTC on the 24th is already the 25th in Beijing.
  expect(await view(listing, { at: new Date('2026-11-24T23:30:00Z') })).toBe(true);
  await view(listing, { at: NEXT_DAY });
  expect(await views(listing)).toBe(2);
});

test('another browser at the same address is another visitor', async () => {
  const listing = newListing();
  await view(listing);
  expect(await view(listing, { userAgent: OTHER_BROWSER })).toBe(true);
  expect(await views(listing)).toBe(2);
});

test('a signed-in user counts once a day from any address', async () => {
  const listing = newListing();
  const actor = outsider();
  expect(await view(listing, { actor, ip: '198.51.100.1' })).toBe(true);
  expect(await view(listing, { actor, ip: '198.51.100.2', userAgent: OTHER_BROWSER })).toBe(false);
  expect(await views(listing)).toBe(1);
});

test('a bot is not counted', async () => {
  const listing = newListing();
  const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
  expect(await view(listing, { userAgent: googlebot })).toBe(false);
  expect(await view(listing, { userAgent: 'curl/8.5.0' })).toBe(false);
  expect(await views(listing)).toBe(0);
});

test('a request without a User-Agent is not counted', async () => {
  const listing = newListing();
  expect(await view(listing, { userAgent: '' })).toBe(false);
  expect(await views(listing)).toBe(0);
});

test('prefetches are not counted', async () => {
  const listing = newListing();
  expect(await view(listing, { headers: { Purpose: 'prefetch' } })).toBe(false);
  expect(await view(listing, { headers: { 'Sec-Purpose': 'prefetch;prerender' } })).toBe(false);
  expect(await views(listing)).toBe(0);
  // The visit that follows the prefetch is the one that counts.
  expect(await view(listing)).toBe(true);
});

test('a HEAD request is not counted', async () => {
  const listing = newListing();
  expect(await view(listing, { method: 'HEAD' })).toBe(false);
  expect(await views(listing)).toBe(0);
});

test('the owner’s own members are not counted', async () => {
  const listing = newListing();
  expect(await view(listing, { actor: member(OWNER_ORG, 'basic_institute') })).toBe(false);
  expect(await views(listing)).toBe(0);
});

test('operators are not counted', async () => {
  const listing = newListing();
  expect(await view(listing, { actor: member('0000000000000000000000aa', 'operator') })).toBe(false);
  expect(await views(listing)).toBe(0);
});

test('a listing that is not on the market counts no views', async () => {
  const listing = newListing('withdrawn');
  expect(await view(listing, { actor: outsider() })).toBe(false);
  expect(await views(listing)).toBe(0);
});

test('50 parallel first views by one visitor count one', async () => {
  const listing = newListing();
  const results = await Promise.all(Array.from({ length: 50 }, () => view(listing)));
  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await views(listing)).toBe(1);
});

test('parallel first views by 30 visitors count 30', async () => {
  const listing = newListing();
  await Promise.all(Array.from({ length: 30 }, (_, i) => view(listing, { ip: `192.0.2.${i + 1}` })));
  expect(await views(listing)).toBe(30);
});

test('no client address is stored', async () => {
  const listing = newListing();
  await view(listing, { ip: '203.0.113.201' });
  const names = (await mongoose.connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  for (const name of names) {
    const docs = await mongoose.connection.collection(name).find().toArray();
    expect(JSON.stringify(docs)).not.toContain('203.0.113.201');
  }
});

test('the purge drops claims older than two days and keeps the rest', async () => {
  const listing = newListing();
  const days = ['2026-11-20T02:00:00Z', '2026-11-21T02:00:00Z', '2026-11-22T02:00:00Z', '2026-11-23T02:00:00Z'];
  for (const at of days) await view(listing, { at: new Date(at) });
  const dropped = await purgeViewClaims(NOON);
  expect(dropped.sort()).toEqual(['listing_view_claims_20261120', 'listing_view_claims_20261121']);
  // The 22nd is kept: a visitor seen then is still known, and counts no second time that day.
  expect(await view(listing, { at: new Date('2026-11-22T03:00:00Z') })).toBe(false);
  // The funnel keeps every counted view.
  expect(await views(listing)).toBe(4);
});
