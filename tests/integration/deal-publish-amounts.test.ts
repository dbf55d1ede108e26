import { beforeAll, expect, test } from 'vitest';
import { action as apiPublishAmounts } from '../../app/routes/api.v1.deals.$id.publish-amounts';
import { action as dealAction, loader as dealPage } from '../../app/routes/deals.$id';
import { loader as ledgerPage } from '../../app/routes/ledger';
import { loader as apiLedger } from '../../app/routes/api.v1.ledger';
import { bootstrapOperator, loadAuthenticatedUser, login } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import {
  completeDeal,
  confirmPayment,
  createDeal,
  Deal,
  setAmountsPublication,
  type DealTerms,
} from '../../server/deals/index.ts';
import { LedgerEntry } from '../../server/ledger/index.ts';
import type { LedgerEntryDto } from '../../server/ledger/service.ts';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { call } from '../support/requests.ts';

// Item 5 of the deals issue: the public record shows a deal's amounts only
// where both parties agreed, before completion, to publish them.

useTestDatabase();

type Account = Member;
const member = (kind: string) => createMember({ kind });

let institute: Account;
let company: Account;
let outsider: Account;
let operator: NonNullable<Actor>;
let sources = 0;

beforeAll(async () => {
  [institute, company, outsider] = await Promise.all([member('basic_institute'), member('company'), member('company')]);
  await bootstrapOperator('ops-publish@example.com', 'operator-passphrase-1');
  const { userId } = await login(
    { email: 'ops-publish@example.com', password: 'operator-passphrase-1' },
    { ip: '127.0.0.1', locale: 'en' },
  );
  operator = (await loadAuthenticatedUser(userId))!.actor!;
});

const PRICE = { amount: 30_000_000, currency: 'CNY' as const };
const ASSIGNMENT: DealTerms = { dealType: 'assignment', price: PRICE };

async function newDeal(): Promise<string> {
  const listingId = String((await createListing(institute.organizationId))._id);
  const { deal } = await createDeal({
    source: { kind: 'offer', id: `publish-offer-${++sources}` },
    listingId,
    sellerOrganizationId: institute.organizationId,
    buyerOrganizationId: company.organizationId,
    terms: ASSIGNMENT,
    priceSetBy: 'listing',
    createdBy: company.userId,
  });
  return deal.id;
}

const publish = (id: string, cookie: string, json: unknown = { publish: true }) =>
  call(apiPublishAmounts, `/api/v1/deals/${id}/publish-amounts`, { method: 'POST', json, cookie, params: { id } });

async function payAndComplete(id: string) {
  await confirmPayment(operator, id);
  await completeDeal(company.actor, id);
}

/** The deal's entry as GET /api/v1/ledger and /ledger show it (newest first: it is on the first page). */
async function publicEntries(dealId: string) {
  const api = await (await call(apiLedger, '/api/v1/ledger')).json();
  const page = await (await call(ledgerPage, '/ledger')).json();
  const find = (items: LedgerEntryDto[]) => items.find((e) => e.record.dealId === dealId)!;
  return { api: find(api.items), page: find(page.ledger.items) };
}

test('when both parties agree before completion, /ledger and GET /api/v1/ledger show the amounts', async () => {
  const id = await newDeal();
  expect((await publish(id, institute.cookie)).status).toBe(200);
  expect((await publish(id, company.cookie)).status).toBe(200);
  await payAndComplete(id);
  const { api, page } = await publicEntries(id);
  expect(api.amounts).toEqual({ price: PRICE });
  expect(page.amounts).toEqual({ price: PRICE });
  expect(api.record.publishAmounts).toBe(true);
});

test('when only one party agrees, the amounts stay hidden', async () => {
  const id = await newDeal();
  await publish(id, company.cookie);
  await payAndComplete(id);
  const { api, page } = await publicEntries(id);
  expect(api.amounts).toBeNull();
  expect(page.amounts).toBeNull();
  expect(api.record.publishAmounts).toBe(false);
});

test('an agreement withdrawn before completion no longer counts', async () => {
  const id = await newDeal();
  await publish(id, institute.cookie);
  await publish(id, company.cookie);
  const withdrawn = await publish(id, institute.cookie, { publish: false });
  expect((await withdrawn.json()).deal.publishAmounts).toEqual({ seller: false, buyer: true });
  await payAndComplete(id);
  expect((await LedgerEntry.findOne({ dealId: id }).lean())!.publishAmounts).toBe(false);
});

test('both sides agreeing at the same moment are both recorded (no lost update)', async () => {
  for (let round = 0; round < 3; round++) {
    const id = await newDeal();
    const answers = await Promise.all([publish(id, institute.cookie), publish(id, company.cookie)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const deal = await Deal.findById(id).lean();
    expect(deal!.publishAmounts).toEqual({ seller: true, buyer: true });
    expect(
      deal!.events
        .filter((e) => e.type === 'amounts_publication_agreed')
        .map((e) => e.note)
        .sort(),
    ).toEqual(['buyer', 'seller']);
  }
});

test('agreeing again changes nothing and records no second event', async () => {
  const id = await newDeal();
  await publish(id, company.cookie);
  const before = (await Deal.findById(id).lean())!;
  expect((await publish(id, company.cookie)).status).toBe(200);
  const after = (await Deal.findById(id).lean())!;
  expect(after.version).toBe(before.version);
  expect(after.events).toHaveLength(before.events.length);
});

test('agreeing after completion is refused with 409 and writes nothing', async () => {
  const id = await newDeal();
  await payAndComplete(id);
  const before = (await Deal.findById(id).lean())!;
  const refused = await publish(id, institute.cookie);
  expect(refused.status).toBe(409);
  const after = (await Deal.findById(id).lean())!;
  expect(after.version).toBe(before.version);
  expect(after.publishAmounts).toEqual({ seller: false, buyer: false });
  expect((await LedgerEntry.findOne({ dealId: id }).lean())!.publishAmounts).toBe(false);
});

test('an agreement racing the completion is either counted in the ledger entry or refused, never lost', async () => {
  for (let round = 0; round < 3; round++) {
    const id = await newDeal();
    await publish(id, company.cookie);
    await confirmPayment(operator, id);
    const [agreed] = await Promise.all([publish(id, institute.cookie), completeDeal(company.actor, id)]);
    const entry = (await LedgerEntry.findOne({ dealId: id }).lean())!;
    expect([agreed.status, entry.publishAmounts]).toEqual(agreed.status === 200 ? [200, true] : [409, false]);
  }
});

test('agreeing on a cancelled deal is refused with 409', async () => {
  const id = await newDeal();
  await Deal.updateOne({ _id: id }, { $set: { status: 'cancelled' } });
  expect((await publish(id, company.cookie)).status).toBe(409);
});

test('only the two parties agree: another organisation gets 404, an operator 403', async () => {
  const id = await newDeal();
  expect((await publish(id, outsider.cookie)).status).toBe(404);
  await expect(setAmountsPublication(operator, id, { publish: true })).rejects.toMatchObject({ code: 'forbidden' });
  expect((await Deal.findById(id).lean())!.publishAmounts).toEqual({ seller: false, buyer: false });
});

test('a body without a boolean `publish` is a field error', async () => {
  const id = await newDeal();
  for (const json of [{}, { publish: 'yes' }, { publish: 1 }]) {
    const answer = await publish(id, company.cookie, json);
    expect(answer.status).toBe(400);
    expect((await answer.json()).errors).toHaveProperty('publish');
  }
});

test('the deal page offers each party its button, and its plain form post records the agreement', async () => {
  const id = await newDeal();
  const view = await (await call(dealPage, `/deals/${id}`, { cookie: institute.cookie, params: { id } })).json();
  expect(view.actions.publishAmounts).toBe('agree');
  const posted = await call(dealAction, `/deals/${id}`, {
    method: 'POST',
    form: { intent: 'publish_amounts', publish: 'true' },
    cookie: institute.cookie,
    params: { id },
  });
  expect(posted.status).toBe(302);
  const after = await (await call(dealPage, `/deals/${id}`, { cookie: institute.cookie, params: { id } })).json();
  expect(after.deal.publishAmounts).toEqual({ seller: true, buyer: false });
  expect(after.actions.publishAmounts).toBe('withdraw');
  expect(after.deal.events.at(-1)).toMatchObject({ type: 'amounts_publication_agreed', note: 'seller' });
});
