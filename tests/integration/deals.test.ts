import mongoose from 'mongoose';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { action as apiCancel } from '../../app/routes/api.v1.deals.$id.cancel';
import { action as apiComplete } from '../../app/routes/api.v1.deals.$id.complete';
import { action as apiConfirmPayment } from '../../app/routes/api.v1.deals.$id.confirm-payment';
import { action as apiObject } from '../../app/routes/api.v1.deals.$id.objections';
import { action as apiResolve } from '../../app/routes/api.v1.deals.$id.objections.$oid.resolve';
import { action as apiRegistration } from '../../app/routes/api.v1.deals.$id.registration';
import { loader as apiDeal } from '../../app/routes/api.v1.deals.$id';
import { loader as apiNotices } from '../../app/routes/api.v1.notices';
import { bootstrapOperator, login } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { config } from '../../server/config.ts';
import {
  cancelDeal,
  completeDeal,
  confirmPayment,
  createDeal,
  Deal,
  endDueNotices,
  getDeal,
  lodgeObjection,
  onDealCreated,
  recoverCompletions,
  resolveObjection,
  type DealCreated,
  type DealTerms,
  type NewDeal,
} from '../../server/deals/index.ts';
import { DealCompletionPending, DealExclusiveClaim } from '../../server/deals/model.ts';
import { followListing } from '../../server/follows/index.ts';
import { listNotifications } from '../../server/notifications/index.ts';
import { LedgerEntry } from '../../server/ledger/index.ts';
import { Listing } from '../../server/listings/index.ts';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { call } from '../support/requests.ts';

useTestDatabase();

type Account = Member;
const member = (kind: string) => createMember({ kind });

const operator: NonNullable<Actor> = {
  userId: new mongoose.Types.ObjectId().toHexString(),
  organizationId: new mongoose.Types.ObjectId().toHexString(),
  organizationKind: 'operator',
  organizationVerified: true,
  role: 'owner',
};

const CNY = (amount: number) => ({ amount, currency: 'CNY' as const });
const ASSIGNMENT: DealTerms = { dealType: 'assignment', price: CNY(30_000_000) };
const NON_EXCLUSIVE: DealTerms = {
  dealType: 'non_exclusive_license',
  upfront: CNY(1_000_000),
  royaltyPercent: 3,
  minimumAnnual: null,
  territory: 'CN',
  fieldOfUse: 'Coronary imaging',
  termYears: 5,
};
const IP_FOR_EQUITY: DealTerms = {
  dealType: 'ip_for_equity',
  appraisedValue: CNY(800_000_000),
  appraiser: '苏州资产评估有限公司',
  appraisalReport: 'SZPG-2026-017',
  stakePercent: 20,
  company: { name: '苏州超声医疗科技有限公司', creditCode: null },
};

let institute: Account;
let company: Account;
let outsider: Account;
let sources = 0;

beforeAll(async () => {
  [institute, company, outsider] = await Promise.all([member('basic_institute'), member('company'), member('company')]);
});

const noticeDays = config().PUBLIC_NOTICE_DAYS;
afterEach(() => {
  config().PUBLIC_NOTICE_DAYS = noticeDays;
});

async function newDeal(overrides: Partial<NewDeal> & { seller?: Account } = {}) {
  const seller = overrides.seller ?? institute;
  const listingId = overrides.listingId ?? String((await createListing(seller.organizationId))._id);
  const input: NewDeal = {
    source: { kind: 'offer', id: `offer-${++sources}` },
    listingId,
    sellerOrganizationId: seller.organizationId,
    buyerOrganizationId: company.organizationId,
    terms: ASSIGNMENT,
    priceSetBy: 'listing',
    createdBy: company.userId,
    ...overrides,
  };
  return { input, listingId, ...(await createDeal(input)) };
}

const listingStatus = async (id: string) => (await Listing.findById(id).lean())!.status;
const entriesOf = (dealId: string) => LedgerEntry.find({ dealId }).lean();
const DAY = 86_400_000;

describe('creation', () => {
  test('one source makes one deal, however many creations race', async () => {
    const listingId = String((await createListing(institute.organizationId))._id);
    const input: NewDeal = {
      source: { kind: 'offer', id: 'offer-raced' },
      listingId,
      sellerOrganizationId: institute.organizationId,
      buyerOrganizationId: company.organizationId,
      terms: NON_EXCLUSIVE,
      priceSetBy: 'listing',
      createdBy: company.userId,
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => createDeal(input)));
    expect(new Set(results.map((r) => r.deal.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await Deal.countDocuments({ 'source.id': 'offer-raced' })).toBe(1);
  });

  test('two exclusive deals racing on one listing make one deal; the other is refused as listingTaken', async () => {
    const listingId = String((await createListing(institute.organizationId))._id);
    const base = {
      listingId,
      sellerOrganizationId: institute.organizationId,
      buyerOrganizationId: company.organizationId,
      terms: ASSIGNMENT,
      priceSetBy: 'agreement' as const,
      createdBy: company.userId,
    };
    const results = await Promise.allSettled([
      createDeal({ ...base, source: { kind: 'offer', id: 'race-a' } }),
      createDeal({ ...base, source: { kind: 'auction', id: 'race-b' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'conflict', message: 'errors.listingTaken' });
    expect(await Deal.countDocuments({ 'listing.id': listingId })).toBe(1);
  });

  test('a listing claim whose deal was never written is released once stale', async () => {
    const listingId = String((await createListing(institute.organizationId))._id);
    const orphan = new mongoose.Types.ObjectId().toHexString();
    await DealExclusiveClaim.insertMany([{ _id: listingId, deal: orphan, at: new Date(Date.now() - 10 * 60_000) }]);
    expect((await newDeal({ listingId })).created).toBe(true);
  });

  test('a fresh listing claim of a deal being created refuses a second exclusive deal', async () => {
    const listingId = String((await createListing(institute.organizationId))._id);
    const pending = new mongoose.Types.ObjectId().toHexString();
    await DealExclusiveClaim.insertMany([{ _id: listingId, deal: pending, at: new Date() }]);
    await expect(newDeal({ listingId })).rejects.toMatchObject({ message: 'errors.listingTaken' });
  });

  test('the created feed tells subscribers once per deal, with its exclusivity', async () => {
    const heard: DealCreated[] = [];
    onDealCreated(async (e) => {
      heard.push(e);
    });
    const { deal, listingId } = await newDeal({ terms: NON_EXCLUSIVE });
    expect(heard.filter((e) => e.dealId === deal.id)).toEqual([
      { dealId: deal.id, listingId, exclusive: false, source: { kind: 'offer', id: `offer-${sources}` } },
    ]);
  });

  test('an assignment of a listing without patents is refused and writes no deal', async () => {
    const listingId = String((await createListing(institute.organizationId, { patents: [], kind: 'result' }))._id);
    await expect(newDeal({ listingId })).rejects.toMatchObject({
      fieldErrors: { dealType: ['errors.deals.needsPatents'] },
    });
    expect(await Deal.countDocuments({ 'listing.id': listingId })).toBe(0);
  });
});

describe('the listing follows its exclusive deal', () => {
  test('an exclusive deal takes the listing under offer and completing it closes the listing', async () => {
    const { deal, listingId } = await newDeal();
    expect(await listingStatus(listingId)).toBe('under_offer');
    await confirmPayment(operator, deal.id);
    await completeDeal(company.actor, deal.id);
    expect(await listingStatus(listingId)).toBe('closed');
  });

  test('cancelling an exclusive deal puts the listing back on the market and frees it for another deal', async () => {
    const { deal, listingId } = await newDeal();
    await cancelDeal(operator, deal.id, { reason: 'The buyer withdrew.' });
    expect(await listingStatus(listingId)).toBe('published');
    const next = await newDeal({ listingId });
    expect(next.created).toBe(true);
  });

  test('followers hear that the listing went under offer', async () => {
    const listingId = String((await createListing(institute.organizationId))._id);
    const follower = await member('investor');
    await followListing(follower.actor, listingId);
    await newDeal({ listingId });
    const types = (await listNotifications(follower.actor)).map((n) => n.type);
    expect(types).toContain('follow.under_offer');
  });

  test('a non-exclusive licence leaves the listing published', async () => {
    const { listingId } = await newDeal({ terms: NON_EXCLUSIVE });
    expect(await listingStatus(listingId)).toBe('published');
  });
});

describe('public notice', () => {
  test('an institute selling at an agreed price starts in public notice for PUBLIC_NOTICE_DAYS', async () => {
    const before = Date.now();
    const { deal } = await newDeal({ priceSetBy: 'agreement' });
    expect(deal.status).toBe('public_notice');
    const ends = new Date(deal.noticeEndsAt!).getTime();
    expect(ends - before).toBeGreaterThanOrEqual(15 * DAY);
    expect(ends - Date.now()).toBeLessThanOrEqual(15 * DAY);
  });

  test('a listed or auction price skips the notice', async () => {
    expect((await newDeal({ priceSetBy: 'listing' })).deal.status).toBe('awaiting_payment');
    expect((await newDeal({ priceSetBy: 'auction' })).deal.status).toBe('awaiting_payment');
  });

  test('a company seller skips the notice even at an agreed price', async () => {
    const seller = await member('company');
    expect((await newDeal({ seller, priceSetBy: 'agreement' })).deal.status).toBe('awaiting_payment');
  });

  test('PUBLIC_NOTICE_DAYS=0 turns the notice off', async () => {
    config().PUBLIC_NOTICE_DAYS = 0;
    expect((await newDeal({ priceSetBy: 'agreement' })).deal.status).toBe('awaiting_payment');
  });

  test('the notice lists the deal publicly and ends into payment when its period is over', async () => {
    const { deal } = await newDeal({ priceSetBy: 'agreement' });
    const listed = await (await call(apiNotices, '/api/v1/notices')).json();
    expect(listed.items.find((n: { id: string }) => n.id === deal.id)).toMatchObject({
      price: CNY(30_000_000),
      seller: { id: institute.organizationId },
      buyer: { id: company.organizationId },
    });
    await endDueNotices(new Date(Date.now() + 14 * DAY));
    expect((await getDeal(company.actor, deal.id)).deal.status).toBe('public_notice');
    await endDueNotices(new Date(Date.now() + 16 * DAY));
    expect((await getDeal(company.actor, deal.id)).deal.status).toBe('awaiting_payment');
    const after = await (await call(apiNotices, '/api/v1/notices')).json();
    expect(after.items.map((n: { id: string }) => n.id)).not.toContain(deal.id);
  });

  test('a deal with nothing due at signing leaves the notice awaiting completion, not payment', async () => {
    const { deal } = await newDeal({ priceSetBy: 'agreement', terms: IP_FOR_EQUITY });
    await endDueNotices(new Date(Date.now() + 16 * DAY));
    expect((await getDeal(company.actor, deal.id)).deal.status).toBe('awaiting_completion');
  });

  test('an open objection holds the deal past its period until the operator dismisses it', async () => {
    const { deal } = await newDeal({ priceSetBy: 'agreement' });
    const lodged = await call(apiObject, `/api/v1/deals/${deal.id}/objections`, {
      method: 'POST',
      json: { text: 'The price is far below the appraisal.' },
      cookie: outsider.cookie,
      params: { id: deal.id },
    });
    expect(lodged.status).toBe(201);
    const { objectionId } = await lodged.json();
    await endDueNotices(new Date(Date.now() + 30 * DAY));
    expect((await getDeal(company.actor, deal.id)).deal.status).toBe('public_notice');
    await Deal.updateOne({ _id: deal.id }, { $set: { noticeEndsAt: new Date(Date.now() - 1000) } });
    await resolveObjection(operator, deal.id, objectionId, { resolution: 'Appraisal checked.', outcome: 'dismissed' });
    expect((await getDeal(company.actor, deal.id)).deal.status).toBe('awaiting_payment');
  });

  test('an upheld objection cancels the deal', async () => {
    const { deal, listingId } = await newDeal({ priceSetBy: 'agreement' });
    const { objectionId } = await lodgeObjection(outsider.actor, deal.id, { text: 'Conflict of interest.' });
    await resolveObjection(operator, deal.id, objectionId, { resolution: 'Upheld.', outcome: 'upheld' });
    expect((await getDeal(company.actor, deal.id)).deal.status).toBe('cancelled');
    expect(await listingStatus(listingId)).toBe('published');
  });

  test('only operators resolve objections', async () => {
    const { deal } = await newDeal({ priceSetBy: 'agreement' });
    const { objectionId } = await lodgeObjection(outsider.actor, deal.id, { text: 'Too cheap.' });
    const answer = await call(apiResolve, `/api/v1/deals/${deal.id}/objections/${objectionId}/resolve`, {
      method: 'POST',
      json: { resolution: 'Mine.', outcome: 'dismissed' },
      cookie: institute.cookie,
      params: { id: deal.id, oid: objectionId },
    });
    expect(answer.status).toBe(403);
  });

  test('a deal not in notice takes no objection from outsiders (it is not public)', async () => {
    const { deal } = await newDeal();
    await expect(lodgeObjection(outsider.actor, deal.id, { text: 'No.' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('payment and completion', () => {
  let operatorCookie: string;
  beforeAll(async () => {
    await bootstrapOperator('ops-deals@example.com', 'operator-passphrase-1');
    const { sessionId } = await login(
      { email: 'ops-deals@example.com', password: 'operator-passphrase-1' },
      { ip: '127.0.0.1', locale: 'en' },
    );
    operatorCookie = `medip_session=${sessionId}`;
  });
  const post = (route: Parameters<typeof call>[0], id: string, step: string, cookie: string, json: unknown = {}) =>
    call(route, `/api/v1/deals/${id}/${step}`, { method: 'POST', json, cookie, params: { id } });

  test('the buyer sees bank-transfer instructions with the reference while payment is due', async () => {
    const { deal } = await newDeal();
    const view = await (
      await call(apiDeal, `/api/v1/deals/${deal.id}`, { cookie: company.cookie, params: { id: deal.id } })
    ).json();
    expect(view.paymentInstructions).toEqual({
      method: 'bank_transfer',
      reference: `MIX-${deal.id.toUpperCase()}`,
      amount: CNY(30_000_000),
    });
  });

  test('only an operator confirms an offline payment', async () => {
    const { deal } = await newDeal();
    expect((await post(apiConfirmPayment, deal.id, 'confirm-payment', company.cookie)).status).toBe(403);
    expect((await post(apiConfirmPayment, deal.id, 'confirm-payment', institute.cookie)).status).toBe(403);
    const confirmed = await post(apiConfirmPayment, deal.id, 'confirm-payment', operatorCookie);
    expect(confirmed.status).toBe(200);
    expect((await confirmed.json()).deal.status).toBe('paid');
  });

  test('a deal awaiting payment cannot be completed', async () => {
    const { deal } = await newDeal();
    expect((await post(apiComplete, deal.id, 'complete', company.cookie)).status).toBe(409);
  });

  test('completing twice in parallel appends exactly one ledger entry of the deal type', async () => {
    const { deal } = await newDeal();
    await confirmPayment(operator, deal.id);
    const answers = await Promise.all([
      post(apiComplete, deal.id, 'complete', company.cookie),
      post(apiComplete, deal.id, 'complete', institute.cookie),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const entries = await entriesOf(deal.id);
    expect(entries.map((e) => e.type)).toEqual(['ip_assignment']);
    expect(await DealCompletionPending.findById(deal.id).lean()).toBeNull();
  });

  test('IP for equity completes without payment and records the appraisal and stake', async () => {
    const { deal } = await newDeal({ terms: IP_FOR_EQUITY });
    expect(deal.status).toBe('awaiting_completion');
    await completeDeal(institute.actor, deal.id);
    const [entry] = await entriesOf(deal.id);
    expect(entry).toMatchObject({
      type: 'ip_for_equity',
      payload: {
        stakeBasisPoints: 2000,
        appraisal: { appraiser: '苏州资产评估有限公司', reportReference: 'SZPG-2026-017' },
      },
    });
  });

  test('a completion that died before its ledger entry is finished by recovery, once', async () => {
    const { deal } = await newDeal({ terms: NON_EXCLUSIVE });
    await confirmPayment(operator, deal.id);
    // The process died after the status change: marker left, status completed, no entry.
    await DealCompletionPending.insertMany([{ _id: deal.id, since: new Date() }]);
    await Deal.updateOne(
      { _id: deal.id },
      { $set: { status: 'completed', completedAt: new Date() }, $inc: { version: 1 } },
    );
    expect(await entriesOf(deal.id)).toHaveLength(0);
    await recoverCompletions();
    await recoverCompletions();
    expect((await entriesOf(deal.id)).map((e) => e.type)).toEqual(['license_grant']);
    expect(await DealCompletionPending.findById(deal.id).lean()).toBeNull();
  });

  test('the registration number is recorded once, after completion', async () => {
    const { deal } = await newDeal({ terms: IP_FOR_EQUITY });
    const early = await post(apiRegistration, deal.id, 'registration', company.cookie, { number: '2026320500001' });
    expect(early.status).toBe(409);
    await completeDeal(institute.actor, deal.id);
    const recorded = await post(apiRegistration, deal.id, 'registration', company.cookie, { number: '2026320500001' });
    expect((await recorded.json()).deal.registrationNumber).toBe('2026320500001');
    const again = await post(apiRegistration, deal.id, 'registration', institute.cookie, { number: '2026320500002' });
    expect(again.status).toBe(409);
  });

  test('a malformed registration number is a field error', async () => {
    const { deal } = await newDeal();
    const answer = await post(apiRegistration, deal.id, 'registration', company.cookie, { number: '<script>' });
    expect(answer.status).toBe(400);
    expect((await answer.json()).errors).toHaveProperty('number');
  });
});

describe('Idempotency-Key', () => {
  const propose = (id: string, key: string, cookie = company.cookie) =>
    call(apiCancel, `/api/v1/deals/${id}/cancel`, {
      method: 'POST',
      json: {},
      cookie,
      params: { id },
      headers: { 'Idempotency-Key': key },
    });

  test('a repeated request with the same key gets the first response back and acts once', async () => {
    const { deal } = await newDeal();
    const first = await propose(deal.id, 'cancel-once-1');
    const again = await propose(deal.id, 'cancel-once-1');
    expect(again.status).toBe(first.status);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const events = (await getDeal(company.actor, deal.id)).deal.events.filter((e) => e.type === 'cancel_proposed');
    expect(events).toHaveLength(1);
  });

  test('the same key on another deal is refused as a client error', async () => {
    const [a, b] = [await newDeal(), await newDeal()];
    expect((await propose(a.deal.id, 'cancel-reused')).status).toBe(200);
    expect((await propose(b.deal.id, 'cancel-reused')).status).toBe(400);
  });

  test('a failed request releases its key so the retry acts', async () => {
    const { deal } = await newDeal();
    expect((await propose(deal.id, 'cancel-outsider', outsider.cookie)).status).toBe(404);
    await Deal.updateOne({ _id: deal.id }, { $set: { 'seller.organization': outsider.organizationId } });
    expect((await propose(deal.id, 'cancel-outsider', outsider.cookie)).status).toBe(200);
  });
});

describe('notifications', () => {
  test('both organizations hear of payment and completion, each linking to the deal', async () => {
    const { deal } = await newDeal();
    await confirmPayment(operator, deal.id);
    await completeDeal(company.actor, deal.id);
    for (const who of [institute, company]) {
      const mine = (await listNotifications(who.actor)).filter((n) => n.link === `/deals/${deal.id}`);
      expect(mine.map((n) => n.type).sort()).toEqual(who === company ? ['deal.paid'] : ['deal.completed', 'deal.paid']);
    }
  });
});

describe('cancellation', () => {
  test('one party proposes and the other confirms; the proposer repeating it changes nothing', async () => {
    const { deal } = await newDeal();
    const post = (cookie: string) =>
      call(apiCancel, `/api/v1/deals/${deal.id}/cancel`, { method: 'POST', json: {}, cookie, params: { id: deal.id } });
    expect((await (await post(company.cookie)).json()).deal.status).toBe('awaiting_payment');
    expect((await (await post(company.cookie)).json()).deal.status).toBe('awaiting_payment');
    expect((await (await post(institute.cookie)).json()).deal.status).toBe('cancelled');
  });

  test('an operator cancels only with a reason', async () => {
    const { deal } = await newDeal();
    await expect(cancelDeal(operator, deal.id, { reason: '' })).rejects.toMatchObject({ code: 'invalid' });
    expect((await cancelDeal(operator, deal.id, { reason: 'Fraud suspected.' })).deal.status).toBe('cancelled');
  });
});

describe('who sees a deal', () => {
  test('a third organization gets 404, like an unknown or malformed id', async () => {
    const { deal } = await newDeal();
    for (const id of [deal.id, new mongoose.Types.ObjectId().toHexString(), 'not-an-id', '{"$ne":1}']) {
      const answer = await call(apiDeal, `/api/v1/deals/${encodeURIComponent(id)}`, {
        cookie: outsider.cookie,
        params: { id },
      });
      expect(answer.status).toBe(404);
    }
  });

  test('both parties and the operators see the deal; anonymous callers are asked to sign in', async () => {
    const { deal } = await newDeal();
    for (const cookie of [company.cookie, institute.cookie]) {
      const answer = await call(apiDeal, `/api/v1/deals/${deal.id}`, { cookie, params: { id: deal.id } });
      expect(answer.status).toBe(200);
    }
    expect((await getDeal(operator, deal.id)).deal.id).toBe(deal.id);
    expect((await call(apiDeal, `/api/v1/deals/${deal.id}`, { params: { id: deal.id } })).status).toBe(401);
  });
});
