import { expect, test } from 'vitest';
import { loader as apiAuction } from '../../app/routes/api.v1.listings.$id.auction';
import { action as apiBid, loader as apiBidGet } from '../../app/routes/api.v1.listings.$id.bids';
import { action as auctionPagePost, loader as auctionPage } from '../../app/routes/listings.$id_.auction';
import { AuctionSlot } from '../../server/auctions/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { call } from '../support/requests.ts';

useTestDatabase();

async function setUp() {
  const owner = await createAccount({ kind: 'basic_institute', verified: true });
  const company = await createAccount({ kind: 'company', verified: true });
  const listing = await createListing(owner.organizationId, {
    auction: {
      startingPrice: { amount: 10_000_000, currency: 'CNY' },
      minimumIncrement: { amount: 1_000_000, currency: 'CNY' },
      reserve: { amount: 50_000_000, currency: 'CNY' },
      endsAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { owner, company, listingId: String(listing._id) };
}

const postBid = (cookie: string, listingId: string, amount: unknown, headers: Record<string, string> = {}) =>
  call(apiBid, `/api/v1/listings/${listingId}/bids`, { json: { amount }, cookie, params: { id: listingId }, headers });

test('POST /api/v1/listings/:id/bids answers 201 with the auction as the bidder sees it', async () => {
  const { company, listingId } = await setUp();
  const answer = await postBid(company.cookie, listingId, { amount: 10_000_000, currency: 'CNY' });
  expect(answer.status).toBe(201);
  const { auction } = await answer.json();
  expect(auction).toMatchObject({
    highest: { amount: 10_000_000, currency: 'CNY' },
    nextMinimum: { amount: 11_000_000, currency: 'CNY' },
    bidderCount: 1,
    reserve: null,
    viewer: { leads: true },
  });
});

test('a bid posted twice with one Idempotency-Key is placed once', async () => {
  const { company, listingId } = await setUp();
  const headers = { 'Idempotency-Key': 'bid-once-1' };
  const first = await postBid(company.cookie, listingId, { amount: 10_000_000, currency: 'CNY' }, headers);
  const again = await postBid(company.cookie, listingId, { amount: 10_000_000, currency: 'CNY' }, headers);
  expect([first.status, again.status]).toEqual([201, 201]);
  expect(again.headers.get('Idempotent-Replayed')).toBe('true');
  expect(await AuctionSlot.countDocuments({ listing: listingId })).toBe(1);
});

test('a bid below the next minimum is a problem+json 400 naming the amount field, in the asked language', async () => {
  const { company, listingId } = await setUp();
  const answer = await postBid(
    company.cookie,
    listingId,
    { amount: 9_000_000, currency: 'CNY' },
    { 'Accept-Language': 'zh-CN' },
  );
  expect(answer.status).toBe(400);
  const body = await answer.json();
  expect(body.errors['amount.amount']).toEqual(['出价不得低于当前最低加价后的金额。']);
  expect(await AuctionSlot.countDocuments({ listing: listingId })).toBe(0);
});

test('GET /api/v1/listings/:id/auction names no bidder to visitors; the bids route takes only POST', async () => {
  const { company, listingId } = await setUp();
  await postBid(company.cookie, listingId, { amount: 12_000_000, currency: 'CNY' });
  const answer = await call(apiAuction, `/api/v1/listings/${listingId}/auction`, { params: { id: listingId } });
  expect(answer.status).toBe(200);
  const { auction } = await answer.json();
  expect(auction.bids).toEqual([
    expect.objectContaining({ bidder: null, amount: { amount: 12_000_000, currency: 'CNY' } }),
  ]);
  expect(auction.reserve).toBeNull();
  expect((await call(apiBidGet, `/api/v1/listings/${listingId}/bids`, { params: { id: listingId } })).status).toBe(405);
});

test('the auction page takes a bid typed in yuan without JavaScript and shows it; a low one gets its field error', async () => {
  const { owner, company, listingId } = await setUp();
  const post = (amount: string) =>
    call(auctionPagePost, `/listings/${listingId}/auction`, {
      form: { 'amount.amount': amount, 'amount.currency': 'CNY' },
      cookie: company.cookie,
      params: { id: listingId },
      headers: { 'Accept-Language': 'en' },
    });
  const placed = await post('100,000');
  expect(placed.status).toBe(303);
  expect(placed.headers.get('Location')).toBe(`/listings/${listingId}/auction`);
  const low = await post('105000');
  expect(low.status).toBe(400);
  expect((await low.json()).fieldErrors['amount.amount']).toEqual(['Your bid must be at least the next minimum.']);
  const page = await call(auctionPage, `/listings/${listingId}/auction`, {
    cookie: owner.cookie,
    params: { id: listingId },
  });
  const { auction } = await page.json();
  expect(
    auction.bids.map((b: { amount: { amount: number }; bidder: { id: string } }) => [b.amount.amount, b.bidder.id]),
  ).toEqual([[10_000_000, company.organizationId]]);
});
