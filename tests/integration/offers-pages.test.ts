import { expect, test } from 'vitest';
import { action as offerPagePost, loader as offerPage } from '../../app/routes/listings.$id_.offer';
import { action as threadPost, loader as threadPage } from '../../app/routes/offers.$id';
import { loader as offersPage } from '../../app/routes/offers._index';
import { offerForm } from '../../server/offers/schemas.ts';
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

const postOffer = (cookie: string, listingId: string, form: Record<string, string>) =>
  call(offerPagePost, `/listings/${listingId}/offer`, {
    form,
    cookie,
    params: { id: listingId },
    headers: { 'Accept-Language': 'en' },
  });

const assignmentForm = {
  'terms.dealType': 'assignment',
  currency: 'CNY',
  'terms.price.amount': '400,000.50',
  message: 'Hello',
};

test('the offer page shows the fields of the deal type chosen in the query, one of the listing’s', async () => {
  const { company, listingId } = await setUp();
  const chosen = await call(offerPage, `/listings/${listingId}/offer?dealType=exclusive_license`, {
    cookie: company.cookie,
    params: { id: listingId },
  });
  expect(await chosen.json()).toMatchObject({ dealType: 'exclusive_license', allowed: true });
  const foreign = await call(offerPage, `/listings/${listingId}/offer?dealType=equity`, {
    cookie: company.cookie,
    params: { id: listingId },
  });
  expect((await foreign.json()).dealType).toBeNull();
});

test('the offer form posts amounts in yuan and stores them in fen, then opens the thread', async () => {
  const { company, listingId } = await setUp();
  const answer = await postOffer(company.cookie, listingId, assignmentForm);
  expect(answer.status).toBe(302);
  const offerId = answer.headers.get('Location')!.replace('/offers/', '');
  expect((await Offer.findById(offerId).lean())!.terms).toEqual({
    dealType: 'assignment',
    price: { amount: 40_000_050, currency: 'CNY' },
  });
});

test('a bad offer form comes back with an error per field and the values typed, and writes nothing', async () => {
  const { company, listingId } = await setUp();
  const answer = await postOffer(company.cookie, listingId, {
    ...assignmentForm,
    'terms.price.amount': '0',
    expiresInDays: '200',
  });
  expect(answer.status).toBe(400);
  const body = await answer.json();
  expect(body.fieldErrors).toEqual({
    'terms.price.amount': ['Must be more than zero.'],
    expiresInDays: ['Enter a whole number of days from 1 to 90.'],
  });
  expect(body.values.message).toBe('Hello');
  expect(await Offer.countDocuments({ listing: listingId })).toBe(0);
});

test('the thread page counters, rejects with a reason and accepts by plain form posts', async () => {
  const { owner, company, listingId } = await setUp();
  const first = (await postOffer(company.cookie, listingId, assignmentForm)).headers.get('Location')!;
  const firstId = first.replace('/offers/', '');
  const counter = await call(threadPost, first, {
    form: { intent: 'counter', offerId: firstId, 'terms.dealType': 'assignment', 'terms.price.amount': '480000' },
    cookie: owner.cookie,
    params: { id: firstId },
  });
  expect(counter.status).toBe(302);
  const counterId = counter.headers.get('Location')!.replace('/offers/', '');
  const noReason = await call(threadPost, `/offers/${counterId}`, {
    form: { intent: 'reject', offerId: counterId, reason: '' },
    cookie: company.cookie,
    params: { id: counterId },
    headers: { 'Accept-Language': 'en' },
  });
  expect(noReason.status).toBe(400);
  expect(Object.keys((await noReason.json()).fieldErrors)).toEqual(['reason']);
  const accepted = await call(threadPost, `/offers/${counterId}`, {
    form: { intent: 'accept', offerId: counterId },
    cookie: company.cookie,
    params: { id: counterId },
  });
  expect(accepted.status).toBe(302);
  expect(accepted.headers.get('Location')).toMatch(/^\/deals\/[a-f0-9]{24}$/);
  const thread = await (await call(threadPage, first, { cookie: owner.cookie, params: { id: firstId } })).json();
  expect(thread.thread.map((o: { status: string }) => o.status)).toEqual(['countered', 'accepted']);
  const list = await (await call(offersPage, '/offers', { cookie: owner.cookie })).json();
  expect(list.items.map((i: { offer: { id: string } }) => i.offer.id)).toEqual([counterId]);
});

test('the listing page’s license-now button takes the listed licence and opens the deal', async () => {
  const { company, listingId } = await setUp({
    dealTypes: ['non_exclusive_license'],
    licenseTerms: { upfront: null, royaltyPercent: 2, minimumAnnual: null, openLicense: true },
  });
  const answer = await postOffer(company.cookie, listingId, { intent: 'license-now' });
  expect(answer.status).toBe(302);
  expect(answer.headers.get('Location')).toMatch(/^\/deals\/[a-f0-9]{24}$/);
});

test('the offer form schema reads optional amounts left empty as none, and a credit code left empty as none', () => {
  const parsed = offerForm.parse({
    currency: 'USD',
    terms: {
      dealType: 'non_exclusive_license',
      upfront: { amount: '' },
      minimumAnnual: { amount: '1000' },
      royaltyPercent: '',
      territory: 'US',
      fieldOfUse: 'Cardiology',
      termYears: '5',
    },
  });
  expect(parsed.terms).toEqual({
    dealType: 'non_exclusive_license',
    upfront: null,
    minimumAnnual: { amount: 100_000, currency: 'USD' },
    royaltyPercent: null,
    territory: 'US',
    fieldOfUse: 'Cardiology',
    termYears: 5,
  });
  expect(parsed.expiresInDays).toBe(14);
});
