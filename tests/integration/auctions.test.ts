import { expect, test } from 'vitest';
import {
  AuctionHead,
  AuctionSlot,
  closeAuction,
  closeDueAuctions,
  getAuction,
  OpenAuction,
  placeBid,
  registerOpenAuctions,
  slotId,
} from '../../server/auctions/index.ts';
import { Deal, type DealStatus } from '../../server/deals/index.ts';
import { Listing } from '../../server/listings/index.ts';
import { listNotifications } from '../../server/notifications/index.ts';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { refusal } from '../support/refusal.ts';

useTestDatabase();

const member = (kind = 'company', verified = true) => createMember({ kind, verified });

const MINUTE = 60_000;
const yuan = (n: number) => ({ amount: n * 100, currency: 'CNY' as const });

/**
 * An institute's published patent in auction mode: from ¥100,000 by ¥10,000,
 * ending in an hour unless told otherwise.
 */
async function auctionListing(
  auction: Partial<{ reserve: unknown; endsAt: Date; startingPrice: unknown; minimumIncrement: unknown }> = {},
  overrides: Record<string, unknown> = {},
) {
  const owner = await member('basic_institute');
  const listing = await createListing(owner.organizationId, {
    auction: {
      startingPrice: yuan(100_000),
      minimumIncrement: yuan(10_000),
      reserve: null,
      endsAt: new Date(Date.now() + 60 * MINUTE),
      ...auction,
    },
    ...overrides,
  });
  return { owner, listingId: String(listing._id) };
}

const bid = (m: Member, listingId: string, n: number) => placeBid(m.actor, listingId, { amount: yuan(n) });

/** The stored bid history, oldest first (close markers left out). */
async function history(listingId: string) {
  const slots = await AuctionSlot.find({ listing: listingId }).lean();
  return slots
    .filter((s) => s.kind === 'bid')
    .sort((a, b) => a.seq - b.seq)
    .map((s) => ({ seq: s.seq, amount: s.amount!.amount, bidder: s.bidder!.organization }));
}

const notificationTypes = async (m: Member) => (await listNotifications(m.actor)).map((n) => n.type);

test('the first bid must reach the starting price, every later one beat the highest by the increment', async () => {
  const { listingId } = await auctionListing();
  const [a, b] = [await member(), await member('investor')];
  expect(await refusal(bid(a, listingId, 99_999))).toMatchObject({
    code: 'invalid',
    fieldErrors: { 'amount.amount': ['validation.auctions.belowMinimum'] },
  });
  await bid(a, listingId, 100_000);
  expect(await refusal(bid(b, listingId, 109_999))).toMatchObject({ code: 'invalid' });
  const view = await bid(b, listingId, 110_000);
  expect(view).toMatchObject({ highest: yuan(110_000), nextMinimum: yuan(120_000), bidCount: 2, bidderCount: 2 });
  expect(await history(listingId)).toEqual([
    { seq: 1, amount: 10_000_000, bidder: a.organizationId },
    { seq: 2, amount: 11_000_000, bidder: b.organizationId },
  ]);
});

test('bidders see the highest amount and how many bid, not who; the owner sees who bid what and the reserve', async () => {
  const { owner, listingId } = await auctionListing({ reserve: yuan(500_000) });
  const [a, b] = [await member(), await member()];
  await bid(a, listingId, 100_000);
  await bid(b, listingId, 150_000);
  const seenByA = (await getAuction(a.actor, listingId))!;
  expect(seenByA).toMatchObject({ highest: yuan(150_000), bidderCount: 2, hasReserve: true, reserve: null });
  expect(seenByA.viewer).toMatchObject({ leads: false, bid: true, seesBidders: false });
  expect(seenByA.bids.map((x) => [x.bidder, x.yours])).toEqual([
    [null, false],
    [null, true],
  ]);
  const seenByOwner = (await getAuction(owner.actor, listingId))!;
  expect(seenByOwner.reserve).toEqual(yuan(500_000));
  expect(seenByOwner.bids.map((x) => x.bidder?.id)).toEqual([b.organizationId, a.organizationId]);
  const seenByVisitor = (await getAuction(null, listingId))!;
  expect(seenByVisitor).toMatchObject({ highest: yuan(150_000), reserve: null, viewer: { mayBid: false } });
});

test('a bid in the last 5 minutes moves the end to 5 minutes after it; an earlier bid leaves it', async () => {
  const endsAt = new Date(Date.now() + 2 * MINUTE);
  const { listingId } = await auctionListing({ endsAt });
  const early = await auctionListing({ endsAt: new Date(Date.now() + 30 * MINUTE) });
  const a = await member();
  const before = Date.now();
  const view = await bid(a, listingId, 100_000);
  const after = Date.now();
  const end = new Date(view.endsAt).getTime();
  expect(end).toBeGreaterThanOrEqual(before + 5 * MINUTE);
  expect(end).toBeLessThanOrEqual(after + 5 * MINUTE);
  const unchanged = await bid(a, early.listingId, 100_000);
  expect(new Date(unchanged.endsAt).getTime()).toBe(
    new Date((await Listing.findById(early.listingId).lean())!.auction!.endsAt).getTime(),
  );
});

test('50 parallel bids make a strictly increasing, gap-free history; every refused bid is refused for its amount', async () => {
  const { listingId } = await auctionListing({ minimumIncrement: yuan(1_000) });
  const bidders = await Promise.all(Array.from({ length: 5 }, () => member()));
  // Amounts in a shuffled order, some of them too close to beat each other by the increment.
  const amounts = Array.from({ length: 50 }, (_, i) => 100_000 + ((i * 37) % 50) * 700);
  const results = await Promise.all(amounts.map((n, i) => refusal(bid(bidders[i % 5]!, listingId, n))));
  for (const r of results)
    if (r)
      expect(r).toMatchObject({
        code: 'invalid',
        fieldErrors: { 'amount.amount': ['validation.auctions.belowMinimum'] },
      });
  const stored = await history(listingId);
  const accepted = results.filter((r) => r === null).length;
  expect(stored.map((s) => s.seq)).toEqual(Array.from({ length: accepted }, (_, i) => i + 1));
  for (let i = 1; i < stored.length; i++)
    expect(stored[i]!.amount).toBeGreaterThanOrEqual(stored[i - 1]!.amount + 100_000);
  const head = (await getAuction(null, listingId))!;
  expect(head.highest!.amount).toBe(stored.at(-1)!.amount);
  // A bid is refused only when it does not beat a highest bid by the increment, so none beats the final one.
  const refused = amounts.filter((_, i) => results[i] !== null).map((n) => n * 100);
  for (const amount of refused) expect(amount).toBeLessThan(head.highest!.amount + 100_000);
  expect(head.bidCount).toBe(accepted);
});

test('a bid racing the close is either counted or refused as too late, never lost', async () => {
  const endsAt = new Date(Date.now() + 20 * MINUTE);
  const { listingId } = await auctionListing({ endsAt });
  const bidders = await Promise.all(Array.from({ length: 4 }, () => member()));
  // The closing job runs as if the end had come, while bids still arrive before it by the clock they check.
  const bids = Array.from({ length: 12 }, (_, i) => refusal(bid(bidders[i % 4]!, listingId, 100_000 + i * 20_000)));
  const [closed, ...results] = await Promise.all([closeAuction(listingId, new Date(endsAt.getTime() + 1)), ...bids]);
  const stored = await history(listingId);
  const acceptedAmounts = results
    .map((r, i) => (r === null ? (100_000 + i * 20_000) * 100 : null))
    .filter((n): n is number => n !== null);
  expect(stored.map((s) => s.amount).sort()).toEqual(acceptedAmounts.sort());
  for (const r of results) if (r) expect(['errors.auctions.ended', 'errors.badRequestTitle']).toContain(r.message);
  expect(closed).toBe(stored.length ? 'sold' : 'unsold');
  if (stored.length) {
    const deal = await Deal.findOne({ 'source.id': listingId }).lean();
    expect(deal!.terms).toMatchObject({ dealType: 'assignment', price: { amount: Math.max(...acceptedAmounts) } });
  }
  expect(await refusal(bid(bidders[0]!, listingId, 10_000_000))).toMatchObject({ code: 'conflict' });
});

test('at the end the highest bid at or above the reserve becomes a deal at that price, with no public notice', async () => {
  const { owner, listingId } = await auctionListing({
    reserve: yuan(150_000),
    endsAt: new Date(Date.now() + 20 * MINUTE),
  });
  const [a, b] = [await member(), await member()];
  await bid(a, listingId, 100_000);
  await bid(b, listingId, 160_000);
  expect(await closeAuction(listingId, new Date(Date.now() + 21 * MINUTE))).toBe('sold');
  const deal = (await Deal.findOne({ 'source.kind': 'auction', 'source.id': listingId }).lean())!;
  expect(deal).toMatchObject({
    priceSetBy: 'auction',
    status: 'awaiting_payment' satisfies DealStatus,
    buyer: { organization: b.organizationId },
    seller: { organization: owner.organizationId },
    terms: { dealType: 'assignment', price: { amount: 16_000_000, currency: 'CNY' } },
  });
  expect((await Listing.findById(listingId).lean())!.status).toBe('under_offer');
  const seenByWinner = (await getAuction(b.actor, listingId))!;
  expect(seenByWinner).toMatchObject({
    state: 'sold',
    reserve: yuan(150_000),
    reserveMet: true,
    dealId: String(deal._id),
  });
  expect((await getAuction(a.actor, listingId))!.dealId).toBeNull();
});

test('an auction whose highest bid is below the reserve ends without sale', async () => {
  const { listingId } = await auctionListing({ reserve: yuan(500_000), endsAt: new Date(Date.now() + 20 * MINUTE) });
  const a = await member();
  await bid(a, listingId, 200_000);
  expect(await closeAuction(listingId, new Date(Date.now() + 21 * MINUTE))).toBe('unsold');
  expect(await Deal.countDocuments({ 'source.id': listingId })).toBe(0);
  expect((await getAuction(a.actor, listingId))!).toMatchObject({
    state: 'unsold',
    reserveMet: false,
    reserve: yuan(500_000),
  });
  expect((await Listing.findById(listingId).lean())!.status).toBe('published');
});

test('an auction is not closed before its end, and a listing offering only an exclusive licence sells that licence', async () => {
  const { listingId } = await auctionListing(
    { endsAt: new Date(Date.now() + 20 * MINUTE) },
    { dealTypes: ['exclusive_license'], licenseTerms: { royaltyPercent: 2.5, openLicense: false } },
  );
  const a = await member();
  await bid(a, listingId, 300_000);
  expect(await closeAuction(listingId, new Date())).toBeNull();
  expect((await getAuction(null, listingId))!.state).toBe('open');
  expect(await closeAuction(listingId, new Date(Date.now() + 21 * MINUTE))).toBe('sold');
  const deal = (await Deal.findOne({ 'source.id': listingId }).lean())!;
  expect(deal.terms).toMatchObject({
    dealType: 'exclusive_license',
    upfront: { amount: 30_000_000, currency: 'CNY' },
    royaltyPercent: 2.5,
    territory: 'CN',
  });
});

test('two instances closing one auction at once make one deal and tell the winner once', async () => {
  const { owner, listingId } = await auctionListing({ endsAt: new Date(Date.now() + 20 * MINUTE) });
  const [a, b] = [await member(), await member()];
  await bid(a, listingId, 100_000);
  await bid(b, listingId, 120_000);
  const later = new Date(Date.now() + 21 * MINUTE);
  await Promise.all([closeDueAuctions(later), closeDueAuctions(later), closeAuction(listingId, later)]);
  expect(await Deal.countDocuments({ 'source.id': listingId })).toBe(1);
  expect((await notificationTypes(b)).filter((t) => t === 'auction.won')).toHaveLength(1);
  expect(await notificationTypes(a)).toEqual(['auction.lost', 'auction.outbid']);
  expect(await notificationTypes(owner)).toEqual(['auction.sold']);
  expect(await OpenAuction.countDocuments({ _id: listingId })).toBe(0);
});

test('the outbid organization is told, and nobody is told they outbid themselves', async () => {
  const { listingId } = await auctionListing();
  const [a, b] = [await member(), await member()];
  await bid(a, listingId, 100_000);
  await bid(a, listingId, 110_000);
  expect(await notificationTypes(a)).toEqual([]);
  await bid(b, listingId, 120_000);
  expect(await notificationTypes(a)).toEqual(['auction.outbid']);
  expect(await notificationTypes(b)).toEqual([]);
});

test('a bid whose bidder died before updating the head is applied by the next reader, and the next bid beats it', async () => {
  const { listingId } = await auctionListing();
  const [a, b] = [await member(), await member()];
  await bid(a, listingId, 100_000);
  // What a process that died between taking its slot and the head leaves behind.
  await AuctionSlot.insertMany([
    {
      _id: slotId(listingId, 2),
      listing: listingId,
      seq: 2,
      kind: 'bid',
      amount: yuan(130_000),
      bidder: { organization: b.organizationId, name: { en: 'B' } },
      user: b.userId,
      at: new Date(),
    },
  ]);
  expect((await getAuction(null, listingId))!).toMatchObject({ highest: yuan(130_000), bidCount: 2 });
  expect(await refusal(bid(a, listingId, 135_000))).toMatchObject({ code: 'invalid' });
  await bid(a, listingId, 140_000);
  expect((await history(listingId)).map((s) => s.seq)).toEqual([1, 2, 3]);
});

test('a close that died after sealing is finished by the next run', async () => {
  const { listingId } = await auctionListing({ endsAt: new Date(Date.now() + 20 * MINUTE) });
  const a = await member();
  await bid(a, listingId, 100_000);
  await AuctionSlot.insertMany([
    { _id: slotId(listingId, 2), listing: listingId, seq: 2, kind: 'close', at: new Date() },
  ]);
  expect(await refusal(bid(a, listingId, 200_000))).toMatchObject({
    code: 'conflict',
    message: 'errors.auctions.ended',
  });
  expect(await closeDueAuctions(new Date(Date.now() + 21 * MINUTE))).toEqual({ closed: 1 });
  expect((await AuctionHead.findById(listingId).lean())!.state).toBe('sold');
  expect(await Deal.countDocuments({ 'source.id': listingId })).toBe(1);
});

test('bids are refused, and nothing is written, on an own listing, from unverified or non-buying organizations, off the market, without an auction, in another currency or after the end', async () => {
  const { owner, listingId } = await auctionListing();
  const ownBid = await refusal(placeBid(owner.actor, listingId, { amount: yuan(200_000) }));
  expect(ownBid).toMatchObject({ code: 'forbidden', message: 'errors.auctions.ownListing' });
  const unverified = await member('company', false);
  expect(await refusal(bid(unverified, listingId, 200_000))).toMatchObject({ message: 'errors.offers.verifiedOnly' });
  const hospital = await member('hospital');
  expect(await refusal(bid(hospital, listingId, 200_000))).toMatchObject({ message: 'errors.offers.buyersOnly' });
  const a = await member();
  expect(
    await refusal(placeBid(a.actor, listingId, { amount: { amount: 20_000_000, currency: 'USD' } })),
  ).toMatchObject({
    fieldErrors: { 'amount.currency': ['validation.auctions.currency'] },
  });
  expect(await refusal(placeBid(a.actor, listingId, { amount: { amount: -5 } }))).toMatchObject({ code: 'invalid' });
  const withdrawn = await auctionListing({}, { status: 'withdrawn' });
  expect(await refusal(bid(a, withdrawn.listingId, 200_000))).toMatchObject({ code: 'not_found' });
  const underOffer = await auctionListing({}, { status: 'under_offer' });
  expect(await refusal(bid(a, underOffer.listingId, 200_000))).toMatchObject({
    message: 'errors.offers.listingNotOpen',
  });
  const plain = await createListing(owner.organizationId);
  expect(await refusal(bid(a, String(plain._id), 200_000))).toMatchObject({ message: 'errors.auctions.none' });
  const past = await auctionListing({ endsAt: new Date(Date.now() - MINUTE) });
  expect(await refusal(bid(a, past.listingId, 200_000))).toMatchObject({ message: 'errors.auctions.ended' });
  const touched = [listingId, withdrawn.listingId, underOffer.listingId, String(plain._id), past.listingId];
  expect(await AuctionSlot.countDocuments({ listing: { $in: touched } })).toBe(0);
});

test('published auctions the closing job does not know of are found by the daily registration', async () => {
  const { listingId } = await auctionListing();
  const closedOne = await auctionListing();
  // An auction that ended without sale is not put back.
  await AuctionHead.insertMany([
    {
      _id: closedOne.listingId,
      dealType: 'assignment',
      startingPrice: yuan(100_000),
      minimumIncrement: yuan(10_000),
      endsAt: new Date(),
      state: 'unsold',
    },
  ]);
  await OpenAuction.deleteMany({});
  expect(await registerOpenAuctions()).toBeGreaterThanOrEqual(1);
  const known = (await OpenAuction.find().lean()).map((o) => o._id);
  expect(known).toContain(listingId);
  expect(known).not.toContain(closedOne.listingId);
});
