import { expect, test } from 'vitest';
import { Deal } from '../../server/deals/index.ts';
import { listNotifications } from '../../server/notifications/index.ts';
import {
  acceptOffer,
  counterOffer,
  getOfferThread,
  licenseNow,
  listOffers,
  makeOffer,
  Offer,
  OpenOffer,
  rejectOffer,
  sweepOffers,
  withdrawOffer,
} from '../../server/offers/index.ts';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { refusal } from '../support/refusal.ts';

useTestDatabase();

const member = (kind = 'company', verified = true) => createMember({ kind, verified });

/** A verified institute with a published listing offering an assignment and an exclusive licence. */
async function institutesListing(overrides: Record<string, unknown> = {}) {
  const owner = await member('basic_institute');
  const listing = await createListing(owner.organizationId, overrides);
  return { owner, listingId: String(listing._id) };
}

const assignment = (yuan: number) => ({
  terms: { dealType: 'assignment', price: { amount: yuan * 100, currency: 'CNY' } },
  message: 'We would like to buy the patent.',
});

const exclusiveLicense = {
  terms: {
    dealType: 'exclusive_license',
    upfront: { amount: 2_000_000, currency: 'CNY' },
    royaltyPercent: 3,
    territory: 'CN',
    fieldOfUse: 'Intravascular imaging',
    termYears: 10,
  },
};

/** Newest first. */
const notificationTypes = async (m: Member) => (await listNotifications(m.actor)).map((n) => n.type);

test('a verified company makes an offer: pending, listed for both organizations, and the owner is told', async () => {
  const { owner, listingId } = await institutesListing();
  const company = await member();
  const offer = await makeOffer(company.actor, listingId, { ...assignment(400_000), expiresInDays: 20 });
  expect(offer).toMatchObject({ status: 'pending', madeBy: 'bidder', previousOfferId: null, threadId: offer.id });
  expect(new Date(offer.expiresAt).getTime() - Date.now()).toBeGreaterThan(19.9 * 86_400_000);
  expect((await listOffers(company.actor)).map((s) => [s.offer.id, s.side, s.awaitingAnswer])).toEqual([
    [offer.id, 'bidder', false],
  ]);
  expect((await listOffers(owner.actor)).map((s) => [s.offer.id, s.side, s.awaitingAnswer])).toEqual([
    [offer.id, 'owner', true],
  ]);
  expect(await notificationTypes(owner)).toEqual(['offer.received']);
});

test('an offer expires after 14 days unless it says otherwise', async () => {
  const { listingId } = await institutesListing();
  const offer = await makeOffer((await member()).actor, listingId, assignment(400_000));
  const days = (new Date(offer.expiresAt).getTime() - new Date(offer.createdAt).getTime()) / 86_400_000;
  expect(days).toBe(14);
});

test('an offer on an unpublished listing is not found and writes nothing', async () => {
  const { listingId } = await institutesListing({ status: 'submitted', publishedAt: null });
  expect(await refusal(makeOffer((await member()).actor, listingId, assignment(400_000)))).toMatchObject({
    code: 'not_found',
  });
  expect(await Offer.countDocuments({ listing: listingId })).toBe(0);
});

test('an offer on a closed listing is refused and writes nothing', async () => {
  const { listingId } = await institutesListing({ status: 'closed' });
  expect(await refusal(makeOffer((await member()).actor, listingId, assignment(400_000)))).toMatchObject({
    code: 'conflict',
    message: 'errors.offers.listingNotOpen',
  });
  expect(await Offer.countDocuments({ listing: listingId })).toBe(0);
  expect(await OpenOffer.countDocuments({ listing: listingId })).toBe(0);
});

test('an offer for a deal type the listing does not offer is refused on the deal type field', async () => {
  const { listingId } = await institutesListing({ dealTypes: ['assignment'] });
  expect(await refusal(makeOffer((await member()).actor, listingId, exclusiveLicense))).toMatchObject({
    code: 'invalid',
    fieldErrors: { 'terms.dealType': ['validation.offers.dealTypeNotOffered'] },
  });
  expect(await Offer.countDocuments({ listing: listingId })).toBe(0);
});

test('equity is offered only on project listings', async () => {
  const { listingId } = await institutesListing({ dealTypes: ['equity'] });
  const investor = await member('investor');
  const equity = {
    terms: {
      dealType: 'equity',
      amount: { amount: 100_000_000, currency: 'CNY' },
      postMoneyValuation: { amount: 1_000_000_000, currency: 'CNY' },
    },
  };
  expect(await refusal(makeOffer(investor.actor, listingId, equity))).toMatchObject({
    fieldErrors: { 'terms.dealType': ['validation.offers.equityOnlyProjects'] },
  });
});

test('IP for equity is offered only by companies', async () => {
  const { listingId } = await institutesListing({ dealTypes: ['ip_for_equity'] });
  const investor = await member('investor');
  const ipForEquity = {
    terms: {
      dealType: 'ip_for_equity',
      appraisedValue: { amount: 300_000_000, currency: 'CNY' },
      appraiser: 'Suzhou Appraisal Co.',
      appraisalReport: 'SZ-2026-001',
      stakePercent: 15,
      company: { name: 'Spin-off Ltd.' },
    },
  };
  expect(await refusal(makeOffer(investor.actor, listingId, ipForEquity))).toMatchObject({
    fieldErrors: { 'terms.dealType': ['validation.offers.ipForEquityCompanies'] },
  });
});

test('an unverified organization may not make offers', async () => {
  const { listingId } = await institutesListing();
  expect(await refusal(makeOffer((await member('company', false)).actor, listingId, assignment(1)))).toMatchObject({
    code: 'forbidden',
    message: 'errors.offers.verifiedOnly',
  });
  expect(await Offer.countDocuments({ listing: listingId })).toBe(0);
});

test("a listing's own organization may not make an offer on it", async () => {
  const company = await member();
  const listingId = String((await createListing(company.organizationId))._id);
  expect(await refusal(makeOffer(company.actor, listingId, assignment(1)))).toMatchObject({
    code: 'forbidden',
    message: 'errors.offers.ownListing',
  });
  expect(await Offer.countDocuments({ listing: listingId })).toBe(0);
});

test('bad terms are refused per field: an assignment needs a positive price, a licence a term', async () => {
  const { listingId } = await institutesListing();
  const company = await member();
  expect(await refusal(makeOffer(company.actor, listingId, assignment(0)))).toMatchObject({
    code: 'invalid',
    fieldErrors: { 'terms.price.amount': ['validation.positive'] },
  });
  const noTerm = { terms: { ...exclusiveLicense.terms, termYears: 0 } };
  expect(Object.keys((await refusal(makeOffer(company.actor, listingId, noTerm)))!.fieldErrors)).toEqual([
    'terms.termYears',
  ]);
  expect(await Offer.countDocuments({ listing: listingId })).toBe(0);
});

test('an expiry outside 1–90 days is refused', async () => {
  const { listingId } = await institutesListing();
  expect(
    await refusal(makeOffer((await member()).actor, listingId, { ...assignment(1), expiresInDays: 91 })),
  ).toMatchObject({ fieldErrors: { expiresInDays: ['validation.offers.expiry'] } });
});

test('a counter is a new offer in the thread by the other side; the countered one is closed', async () => {
  const { owner, listingId } = await institutesListing();
  const company = await member();
  const first = await makeOffer(company.actor, listingId, assignment(400_000));
  const counter = await counterOffer(owner.actor, first.id, { ...assignment(480_000), message: 'Meet us higher.' });
  expect(counter).toMatchObject({ status: 'pending', madeBy: 'owner', threadId: first.id, previousOfferId: first.id });
  // The bidder may answer the owner's counter with its own.
  const again = await counterOffer(company.actor, counter.id, assignment(450_000));
  expect(again).toMatchObject({ madeBy: 'bidder', previousOfferId: counter.id, threadId: first.id });
  const thread = await getOfferThread(owner.actor, first.id);
  expect(thread.thread.map((o) => [o.madeBy, o.status])).toEqual([
    ['bidder', 'countered'],
    ['owner', 'countered'],
    ['bidder', 'pending'],
  ]);
  expect(thread.can).toEqual({ respond: true, withdraw: false });
  expect(await notificationTypes(company)).toEqual(['offer.countered']);
  expect((await listOffers(company.actor)).map((s) => s.offer.id)).toEqual([again.id]);
});

test('only the receiver of the latest offer may accept, reject or counter it', async () => {
  const { listingId } = await institutesListing();
  const company = await member();
  const offer = await makeOffer(company.actor, listingId, assignment(400_000));
  expect(await refusal(acceptOffer(company.actor, offer.id))).toMatchObject({
    code: 'forbidden',
    message: 'errors.offers.notYourTurn',
  });
  expect(await refusal(counterOffer(company.actor, offer.id, assignment(1)))).toMatchObject({ code: 'forbidden' });
});

test('an organization outside the thread cannot see the offer', async () => {
  const { listingId } = await institutesListing();
  const offer = await makeOffer((await member()).actor, listingId, assignment(400_000));
  expect(await refusal(getOfferThread((await member()).actor, offer.id))).toMatchObject({ code: 'not_found' });
  expect(await refusal(getOfferThread((await member()).actor, 'not-an-id'))).toMatchObject({ code: 'not_found' });
});

test('a rejection needs a reason, which the bidder is told', async () => {
  const { owner, listingId } = await institutesListing();
  const company = await member();
  const offer = await makeOffer(company.actor, listingId, assignment(400_000));
  expect(await refusal(rejectOffer(owner.actor, offer.id, { reason: ' ' }))).toMatchObject({
    fieldErrors: { reason: ['validation.required'] },
  });
  const rejected = await rejectOffer(owner.actor, offer.id, { reason: 'Too low.' });
  expect(rejected).toMatchObject({ status: 'rejected', rejection: { cause: 'receiver', reason: 'Too low.' } });
  expect(await notificationTypes(company)).toEqual(['offer.rejected']);
  expect(await OpenOffer.countDocuments({ listing: listingId })).toBe(0);
});

test('the maker may withdraw a pending offer; the receiver may not', async () => {
  const { owner, listingId } = await institutesListing();
  const company = await member();
  const offer = await makeOffer(company.actor, listingId, assignment(400_000));
  expect(await refusal(withdrawOffer(owner.actor, offer.id))).toMatchObject({ code: 'forbidden' });
  expect(await withdrawOffer(company.actor, offer.id)).toMatchObject({ status: 'withdrawn' });
  expect(await notificationTypes(owner)).toEqual(['offer.withdrawn', 'offer.received']);
  expect(await refusal(withdrawOffer(company.actor, offer.id))).toMatchObject({
    code: 'conflict',
    message: 'errors.offers.notPending',
  });
});

test('accepting an offer creates one deal at its terms, set by agreement, and tells the bidder', async () => {
  const { owner, listingId } = await institutesListing();
  const company = await member();
  const offer = await makeOffer(company.actor, listingId, assignment(400_000));
  const accepted = await acceptOffer(owner.actor, offer.id);
  expect(accepted.status).toBe('accepted');
  const deal = await Deal.findById(accepted.dealId).lean();
  expect(deal).toMatchObject({
    source: { kind: 'offer', id: offer.id },
    priceSetBy: 'agreement',
    seller: { organization: owner.organizationId },
    buyer: { organization: company.organizationId },
    terms: { dealType: 'assignment', price: { amount: 40_000_000, currency: 'CNY' } },
  });
  expect(await notificationTypes(company)).toContain('offer.accepted');
});

test('two parallel accepts of one offer make one deal; one of them is told the offer is no longer pending', async () => {
  const { owner, listingId } = await institutesListing();
  const offer = await makeOffer((await member()).actor, listingId, assignment(400_000));
  const results = await Promise.allSettled([acceptOffer(owner.actor, offer.id), acceptOffer(owner.actor, offer.id)]);
  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  expect(await Deal.countDocuments({ 'source.id': offer.id })).toBe(1);
  expect((await Offer.findById(offer.id).lean())!.status).toBe('accepted');
});

test('accept racing withdraw: exactly one wins', async () => {
  const { owner, listingId } = await institutesListing();
  const company = await member();
  const offer = await makeOffer(company.actor, listingId, assignment(400_000));
  const [accept, withdraw] = await Promise.allSettled([
    acceptOffer(owner.actor, offer.id),
    withdrawOffer(company.actor, offer.id),
  ]);
  expect([accept.status, withdraw.status].sort()).toEqual(['fulfilled', 'rejected']);
  const stored = (await Offer.findById(offer.id).lean())!;
  expect(stored.status).toBe(accept.status === 'fulfilled' ? 'accepted' : 'withdrawn');
  expect(await Deal.countDocuments({ 'source.id': offer.id })).toBe(accept.status === 'fulfilled' ? 1 : 0);
});

test('accept racing the expiry job: the offer ends accepted with its deal, or expired without one', async () => {
  const { owner, listingId } = await institutesListing();
  const offer = await makeOffer((await member()).actor, listingId, assignment(400_000));
  const [accept, sweep] = await Promise.allSettled([
    acceptOffer(owner.actor, offer.id),
    sweepOffers(new Date(Date.now() + 15 * 86_400_000)),
  ]);
  const stored = (await Offer.findById(offer.id).lean())!;
  const deals = await Deal.countDocuments({ 'source.id': offer.id });
  if (accept.status === 'fulfilled') expect([stored.status, deals]).toEqual(['accepted', 1]);
  else expect([stored.status, deals, sweep.status === 'fulfilled' && sweep.value.expired]).toEqual(['expired', 0, 1]);
});

test('parallel accepts of two offers on an exclusive listing make one deal; the other offer ends, not accepted', async () => {
  const { owner, listingId } = await institutesListing();
  const a = await makeOffer((await member()).actor, listingId, assignment(400_000));
  const b = await makeOffer((await member()).actor, listingId, exclusiveLicense);
  const results = await Promise.allSettled([acceptOffer(owner.actor, a.id), acceptOffer(owner.actor, b.id)]);
  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  expect(await Deal.countDocuments({ 'listing.id': listingId })).toBe(1);
  const statuses = (await Offer.find({ _id: { $in: [a.id, b.id] } }).lean()).map((o) => o.status).sort();
  expect(statuses).toEqual(['accepted', 'rejected']);
  expect(await OpenOffer.countDocuments({ listing: listingId })).toBe(0);
});

test('an exclusive deal ends every other pending offer on the listing and tells its bidder', async () => {
  const { owner, listingId } = await institutesListing();
  const winner = await member();
  const loser = await member();
  const a = await makeOffer(winner.actor, listingId, assignment(400_000));
  const b = await makeOffer(loser.actor, listingId, assignment(300_000));
  await acceptOffer(owner.actor, a.id);
  expect(await Offer.findById(b.id).lean()).toMatchObject({
    status: 'rejected',
    rejection: { cause: 'listing_taken' },
  });
  expect(await notificationTypes(loser)).toEqual(['offer.ended']);
});

test('the expiry job expires each overdue pending offer once, even when two instances run it at once', async () => {
  const { owner, listingId } = await institutesListing();
  const company = await member();
  const offer = await makeOffer(company.actor, listingId, { ...assignment(400_000), expiresInDays: 1 });
  const later = new Date(Date.now() + 2 * 86_400_000);
  const runs = await Promise.all([sweepOffers(later), sweepOffers(later)]);
  expect(runs.reduce((n, r) => n + r.expired, 0)).toBe(1);
  expect((await Offer.findById(offer.id).lean())!.status).toBe('expired');
  expect(await notificationTypes(company)).toEqual(['offer.expired']);
  expect(await notificationTypes(owner)).toEqual(['offer.expired', 'offer.received']);
  expect(await OpenOffer.countDocuments({ listing: listingId })).toBe(0);
});

test('an acceptance interrupted before its deal is finished by the sweep', async () => {
  const { owner, listingId } = await institutesListing();
  const offer = await makeOffer((await member()).actor, listingId, assignment(400_000));
  // As a crash right after step 1 leaves it.
  await Offer.updateOne(
    { _id: offer.id },
    { $set: { status: 'accepting', acceptedBy: owner.actor.userId, changedAt: new Date(Date.now() - 120_000) } },
  );
  expect(await sweepOffers()).toEqual({ expired: 0, finished: 1 });
  const stored = (await Offer.findById(offer.id).lean())!;
  expect(stored.status).toBe('accepted');
  expect(await Deal.countDocuments({ 'source.id': offer.id })).toBe(1);
});

test('an interrupted acceptance whose listing was taken meanwhile ends rejected, without a deal', async () => {
  const { owner, listingId } = await institutesListing();
  const a = await makeOffer((await member()).actor, listingId, assignment(400_000));
  const b = await makeOffer((await member()).actor, listingId, assignment(300_000));
  await Offer.updateOne(
    { _id: b.id },
    { $set: { status: 'accepting', acceptedBy: owner.actor.userId, changedAt: new Date(Date.now() - 120_000) } },
  );
  await acceptOffer(owner.actor, a.id);
  await sweepOffers();
  expect(await Offer.findById(b.id).lean()).toMatchObject({
    status: 'rejected',
    rejection: { cause: 'listing_taken' },
  });
  expect(await Deal.countDocuments({ 'source.id': b.id })).toBe(0);
});

/** A listing offering a non-exclusive licence at listed terms. */
const licensable = {
  dealTypes: ['assignment', 'non_exclusive_license'],
  licenseTerms: {
    upfront: { amount: 1_000_000, currency: 'CNY' },
    royaltyPercent: 2,
    minimumAnnual: null,
    openLicense: true,
  },
};

test('license now takes the listed licence at its terms, priced by the listing; a double click makes one deal', async () => {
  const { listingId } = await institutesListing(licensable);
  const company = await member();
  const [one, two] = await Promise.all([licenseNow(company.actor, listingId), licenseNow(company.actor, listingId)]);
  expect(one.deal.id).toBe(two.deal.id);
  expect([one.created, two.created].sort()).toEqual([false, true]);
  const deal = (await Deal.findById(one.deal.id).lean())!;
  expect(deal).toMatchObject({
    source: { kind: 'license_now' },
    priceSetBy: 'listing',
    buyer: { organization: company.organizationId },
    terms: {
      dealType: 'non_exclusive_license',
      upfront: { amount: 1_000_000, currency: 'CNY' },
      royaltyPercent: 2,
      territory: 'CN',
    },
  });
});

test('license now is refused without a listed non-exclusive licence, and to investors', async () => {
  const { listingId } = await institutesListing();
  expect(await refusal(licenseNow((await member()).actor, listingId))).toMatchObject({
    code: 'conflict',
    message: 'errors.offers.noListedLicense',
  });
  const open = await institutesListing(licensable);
  expect(await refusal(licenseNow((await member('investor')).actor, open.listingId))).toMatchObject({
    code: 'forbidden',
    message: 'errors.offers.companiesOnly',
  });
  expect(await Deal.countDocuments({ 'listing.id': { $in: [listingId, open.listingId] } })).toBe(0);
});
