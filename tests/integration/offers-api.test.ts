import { expect, test } from 'vitest';
import { action as apiAccept, loader as apiAcceptGet } from '../../app/routes/api.v1.offers.$id.accept';
import { loader as apiOffer } from '../../app/routes/api.v1.offers.$id';
import { action as apiReject } from '../../app/routes/api.v1.offers.$id.reject';
import { action as apiCounter } from '../../app/routes/api.v1.offers.$id.counter';
import { action as apiWithdraw } from '../../app/routes/api.v1.offers.$id.withdraw';
import { loader as apiOffers } from '../../app/routes/api.v1.offers';
import { action as apiMakeOffer } from '../../app/routes/api.v1.listings.$id.offers';
import { action as apiLicenseNow } from '../../app/routes/api.v1.listings.$id.license-now';
import { Offer } from '../../server/offers/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { call } from '../support/requests.ts';

useTestDatabase();

async function setUp(overrides: Record<string, unknown> = {}) {
  const owner = await createAccount({ kind: 'basic_institute', verified: true });
  const company = await createAccount({ kind: 'company', verified: true });
  const listingId = String((await createListing(owner.organizationId, overrides))._id);
  return { owner, company, listingId };
}

const offerBody = { terms: { dealType: 'assignment', price: { amount: 40_000_000, currency: 'CNY' } }, message: 'Hi' };

async function makeOffer(cookie: string, listingId: string, json: unknown = offerBody) {
  return call(apiMakeOffer, `/api/v1/listings/${listingId}/offers`, {
    json,
    cookie,
    params: { id: listingId },
    headers: { 'Accept-Language': 'en' },
  });
}

test('POST /api/v1/listings/:id/offers answers 201 with the offer and its location; both sides read it', async () => {
  const { owner, company, listingId } = await setUp();
  const made = await makeOffer(company.cookie, listingId);
  expect(made.status).toBe(201);
  const { offer } = await made.json();
  expect(made.headers.get('Location')).toBe(`/api/v1/offers/${offer.id}`);
  expect(offer).toMatchObject({ status: 'pending', terms: { dealType: 'assignment' } });
  const read = await call(apiOffer, `/api/v1/offers/${offer.id}`, { cookie: owner.cookie, params: { id: offer.id } });
  expect(await read.json()).toMatchObject({ side: 'owner', can: { respond: true, withdraw: false } });
  const list = await call(apiOffers, '/api/v1/offers', { cookie: company.cookie });
  expect((await list.json()).items.map((i: { offer: { id: string } }) => i.offer.id)).toEqual([offer.id]);
});

test('bad terms are a problem+json 400 with a message per field, in the asked language', async () => {
  const { company, listingId } = await setUp();
  const answer = await call(apiMakeOffer, `/api/v1/listings/${listingId}/offers`, {
    json: { terms: { dealType: 'assignment', price: { amount: 'lots' } }, expiresInDays: 0 },
    cookie: company.cookie,
    params: { id: listingId },
    headers: { 'Accept-Language': 'zh-CN' },
  });
  expect(answer.status).toBe(400);
  expect(answer.headers.get('Content-Type')).toMatch(/application\/problem\+json/);
  const body = await answer.json();
  expect(Object.keys(body.errors).sort()).toEqual(['expiresInDays', 'terms.price.amount']);
  expect(body.errors.expiresInDays).toEqual(['请输入 1 至 90 之间的整数天数。']);
  expect(await Offer.countDocuments({ listing: listingId })).toBe(0);
});

test('a refused offer answers with its status and message: 403 for the listing’s own organization', async () => {
  const { owner, listingId } = await setUp();
  const answer = await makeOffer(owner.cookie, listingId);
  expect(answer.status).toBe(403);
  expect((await answer.json()).title).toBe('Your organization owns this listing.');
});

test('accept, reject, counter and withdraw: the allowed answers and 409 once the offer moved on', async () => {
  const { owner, company, listingId } = await setUp();
  const { offer } = await (await makeOffer(company.cookie, listingId)).json();
  const params = { id: offer.id };
  const noReason = await call(apiReject, `/api/v1/offers/${offer.id}/reject`, {
    json: {},
    cookie: owner.cookie,
    params,
  });
  expect(noReason.status).toBe(400);
  const counter = await call(apiCounter, `/api/v1/offers/${offer.id}/counter`, {
    json: { ...offerBody, terms: { ...offerBody.terms, price: { amount: 48_000_000, currency: 'CNY' } } },
    cookie: owner.cookie,
    params,
  });
  expect(counter.status).toBe(201);
  const counterId = (await counter.json()).offer.id;
  const late = await call(apiAccept, `/api/v1/offers/${offer.id}/accept`, {
    method: 'POST',
    cookie: owner.cookie,
    params,
  });
  expect(late.status).toBe(409);
  const accepted = await call(apiAccept, `/api/v1/offers/${counterId}/accept`, {
    method: 'POST',
    cookie: company.cookie,
    params: { id: counterId },
  });
  expect(accepted.status).toBe(200);
  expect((await accepted.json()).offer).toMatchObject({ status: 'accepted', dealId: expect.any(String) });
  const withdraw = await call(apiWithdraw, `/api/v1/offers/${counterId}/withdraw`, {
    method: 'POST',
    cookie: owner.cookie,
    params: { id: counterId },
  });
  expect(withdraw.status).toBe(409);
});

test('malformed and unknown offer ids are 404', async () => {
  const { company } = await setUp();
  for (const id of ['zzz', '0123456789abcdef01234567']) {
    const answer = await call(apiOffer, `/api/v1/offers/${id}`, { cookie: company.cookie, params: { id } });
    expect(answer.status).toBe(404);
  }
});

test('the offer routes answer other methods with 405 and the methods they take', async () => {
  const { company } = await setUp();
  const answer = await call(apiAcceptGet, '/api/v1/offers/x/accept', { cookie: company.cookie, params: { id: 'x' } });
  expect(answer.status).toBe(405);
  expect(answer.headers.get('Allow')).toBe('POST');
});

test('POST /api/v1/listings/:id/license-now answers 201 with the deal, then 200 with the same deal', async () => {
  const { company, listingId } = await setUp({
    dealTypes: ['non_exclusive_license'],
    licenseTerms: {
      upfront: { amount: 500_000, currency: 'CNY' },
      royaltyPercent: 1,
      minimumAnnual: null,
      openLicense: true,
    },
  });
  const take = () =>
    call(apiLicenseNow, `/api/v1/listings/${listingId}/license-now`, {
      method: 'POST',
      cookie: company.cookie,
      params: { id: listingId },
    });
  const first = await take();
  const again = await take();
  expect([first.status, again.status]).toEqual([201, 200]);
  expect((await first.json()).deal.id).toBe((await again.json()).deal.id);
});

test('an offer posted twice with one Idempotency-Key is made once; the repeat gets the first answer', async () => {
  const { company, listingId } = await setUp();
  const post = () =>
    call(apiMakeOffer, `/api/v1/listings/${listingId}/offers`, {
      json: offerBody,
      cookie: company.cookie,
      params: { id: listingId },
      headers: { 'Idempotency-Key': 'offer-once-1' },
    });
  const first = await post();
  const again = await post();
  expect([first.status, again.status]).toEqual([201, 201]);
  expect(again.headers.get('Idempotent-Replayed')).toBe('true');
  expect((await again.json()).offer.id).toBe((await first.json()).offer.id);
  expect(await Offer.countDocuments({ listing: listingId })).toBe(1);
});
