import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  appendLedgerEntry,
  LedgerDealKey,
  LedgerEntry,
  LedgerHead,
  verifyLedger,
  type LedgerAppendInput,
  type LedgerEntryDto,
  type StoredEntry,
} from '../../server/ledger/index.ts';
import { hashOf, recordOf, slotId } from '../../server/ledger/record.ts';
import { forgetLedgerVerification } from '../../server/ledger/verify.ts';
import { loader as apiLedger, action as apiLedgerPost } from '../../app/routes/api.v1.ledger';
import { loader as apiVerify } from '../../app/routes/api.v1.ledger.verify';
import { loader as ledgerPage } from '../../app/routes/ledger';
import { useTestDatabase } from '../support/database.ts';
import { call } from '../support/requests.ts';

useTestDatabase();

const INSTITUTE = {
  organizationId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
  kind: 'basic_institute',
  name: { zh: '苏州医工所' },
} as const;
const COMPANY = {
  organizationId: 'bbbbbbbbbbbbbbbbbbbbbbbb',
  kind: 'company',
  name: { en: 'Suzhou Medical' },
} as const;
const INVESTOR = {
  organizationId: 'cccccccccccccccccccccccc',
  kind: 'investor',
  name: { zh: '苏州创投', en: 'Suzhou VC' },
} as const;
const LISTING = {
  id: '0123456789abcdef01234567',
  title: { zh: '旋转式血管内超声导管', en: 'Rotational IVUS catheter' },
};
const PATENTS = [{ number: 'CN202410123456.7', jurisdiction: 'CN' }] as const;
const cny = (amount: number) => ({ amount, currency: 'CNY' }) as const;

function assignment(dealId: string, publishAmounts = false): LedgerAppendInput {
  return {
    type: 'ip_assignment',
    dealId,
    listing: LISTING,
    parties: { seller: INSTITUTE, buyer: COMPANY },
    payload: { patents: [...PATENTS] },
    amounts: { price: cny(50_000_000) },
    publishAmounts,
  };
}

function license(dealId: string): LedgerAppendInput {
  return {
    type: 'license_grant',
    dealId,
    listing: LISTING,
    parties: { seller: INSTITUTE, buyer: COMPANY },
    payload: {
      patents: [...PATENTS],
      exclusivity: 'exclusive',
      fieldOfUse: 'Coronary imaging',
      territory: 'CN',
      termYears: 10,
    },
    amounts: { upfront: cny(2_000_000), minimumAnnual: cny(500_000) },
    publishAmounts: true,
  };
}

function ipForEquity(dealId: string): LedgerAppendInput {
  return {
    type: 'ip_for_equity',
    dealId,
    listing: LISTING,
    parties: { seller: INSTITUTE, buyer: COMPANY },
    payload: {
      patents: [...PATENTS],
      stakeBasisPoints: 2000,
      appraisal: { appraiser: '江苏中企华资产评估', reportReference: '苏中评报字(2026)第0042号' },
    },
    amounts: { appraisedValue: cny(800_000_000) },
    publishAmounts: false,
  };
}

function equity(dealId: string): LedgerAppendInput {
  return {
    type: 'equity_investment',
    dealId,
    listing: LISTING,
    parties: { seller: COMPANY, buyer: INVESTOR },
    payload: { stakeBasisPoints: 1250 },
    amounts: { investment: cny(1_000_000_000) },
    publishAmounts: false,
  };
}

beforeEach(async () => {
  await Promise.all([LedgerEntry.deleteMany({}), LedgerDealKey.deleteMany({}), LedgerHead.deleteMany({})]);
});

const stored = (seq: number) => LedgerEntry.findById(slotId(seq)).lean<StoredEntry>();

/** Five entries of every type: 1 assignment, 2 license, 3 IP for equity, 4 equity, 5 assignment (published). */
async function fiveEntries() {
  for (const input of [assignment('d1'), license('d2'), ipForEquity('d3'), equity('d4'), assignment('d5', true)]) {
    await appendLedgerEntry(input);
  }
}

/** Changes stored fields behind the ledger's back. */
const tamper = (seq: number, set: Record<string, unknown>) =>
  LedgerEntry.collection.updateOne({ _id: slotId(seq) as never }, { $set: set });

/** Changes an entry and gives it a hash that fits the change, as a careful forger would. */
async function forge(seq: number, set: Record<string, unknown>) {
  await tamper(seq, set);
  await tamper(seq, { hash: hashOf(recordOf((await stored(seq))!)) });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// ── Appending ───────────────────────────────────────────────────────────────

test('the first entry takes sequence 1 and links to 64 zeros; the next links to it', async () => {
  const first = await appendLedgerEntry(assignment('first'));
  const second = await appendLedgerEntry(license('second'));
  expect(first).toMatchObject({ created: true, entry: { _id: '000000000001', seq: 1 } });
  expect(first.entry.previousHash).toBe('0'.repeat(64));
  expect(second.entry.seq).toBe(2);
  expect(second.entry.previousHash).toBe(first.entry.hash);
});

test('30 parallel appends take 30 consecutive sequence numbers and form a valid chain', async () => {
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => appendLedgerEntry(assignment(`race-${i}`))));
  expect(results.map((r) => r.entry.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  expect(results.every((r) => r.created)).toBe(true);
  expect(await verifyLedger()).toEqual({ ok: true, entries: 30, headHash: (await stored(30))!.hash });
}, 120_000);

test("the same deal's entry appended in parallel is stored once", async () => {
  const results = await Promise.all(Array.from({ length: 5 }, () => appendLedgerEntry(license('twice'))));
  expect(await LedgerEntry.countDocuments({ dealId: 'twice' })).toBe(1);
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(new Set(results.map((r) => r.entry.seq))).toEqual(new Set([1]));
  expect(await verifyLedger()).toMatchObject({ ok: true, entries: 1 });
});

test('a retried append returns the stored entry with the content of the first call', async () => {
  const first = await appendLedgerEntry(assignment('retried', false));
  const retry = await appendLedgerEntry(assignment('retried', true));
  expect(retry.created).toBe(false);
  expect(retry.entry).toEqual(first.entry);
  expect(retry.entry.publishAmounts).toBe(false);
});

test('one deal may record entries of different types, each once', async () => {
  await appendLedgerEntry(ipForEquity('spin-off'));
  await appendLedgerEntry(equity('spin-off'));
  await appendLedgerEntry(equity('spin-off'));
  expect(await LedgerEntry.countDocuments({ dealId: 'spin-off' })).toBe(2);
});

test('an append that died after its claim is finished by the retry, with the time and salt it claimed', async () => {
  const input = assignment('crashed-after-claim');
  const content = { ...input, amountsSalt: 'ab'.repeat(16), at: new Date('2026-04-01T00:00:00.000Z') };
  await LedgerDealKey.insertMany([
    { _id: 'crashed-after-claim:ip_assignment', afterSeq: 0, content, seq: null, createdAt: new Date() },
  ]);
  const { entry, created } = await appendLedgerEntry({ ...input, at: new Date('2026-05-01T00:00:00.000Z') });
  expect(created).toBe(true);
  expect(entry.at.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  expect(entry.amountsSalt).toBe('abababababababababababababababab');
  expect((await LedgerDealKey.findById('crashed-after-claim:ip_assignment').lean())?.seq).toBe(1);
});

test('an append that died after taking its slot is found by the retry, not appended again', async () => {
  await appendLedgerEntry(assignment('before'));
  await appendLedgerEntry(assignment('crashed-after-slot'));
  await appendLedgerEntry(assignment('after'));
  // Step 3 lost: the claim does not know its slot and the head hint lags.
  await LedgerDealKey.updateOne({ _id: 'crashed-after-slot:ip_assignment' }, { $set: { seq: null } });
  await LedgerHead.updateOne({ _id: 'head' }, { $set: { seq: 1 } });
  const retry = await appendLedgerEntry(assignment('crashed-after-slot'));
  expect(retry).toMatchObject({ created: false, entry: { seq: 2, dealId: 'crashed-after-slot' } });
  expect(await LedgerEntry.countDocuments({})).toBe(3);
  expect((await LedgerDealKey.findById('crashed-after-slot:ip_assignment').lean())?.seq).toBe(2);
});

test('after a lost head update the next append takes the next free slot', async () => {
  await fiveEntries();
  await LedgerHead.updateOne({ _id: 'head' }, { $set: { seq: 2 } });
  const { entry } = await appendLedgerEntry(assignment('next'));
  expect(entry.seq).toBe(6);
  expect(entry.previousHash).toBe((await stored(5))!.hash);
  expect((await LedgerHead.findById('head').lean())?.seq).toBe(6);
});

test('an invalid entry is refused with field errors and nothing is written', async () => {
  const input = { ...assignment('bad'), amounts: { price: { amount: 12.5, currency: 'CNY' } } } as LedgerAppendInput;
  await expect(appendLedgerEntry(input)).rejects.toMatchObject({
    code: 'invalid',
    fieldErrors: { 'amounts.price.amount': expect.any(Array) },
  });
  expect(await LedgerEntry.countDocuments({})).toBe(0);
  expect(await LedgerDealKey.countDocuments({})).toBe(0);
});

// ── Verifying ───────────────────────────────────────────────────────────────

test('an intact ledger verifies, with its number of entries and the hash of the last', async () => {
  await fiveEntries();
  expect(await verifyLedger()).toEqual({ ok: true, entries: 5, headHash: (await stored(5))!.hash });
});

test('an empty ledger verifies with no entries', async () => {
  expect(await verifyLedger()).toEqual({ ok: true, entries: 0, headHash: null });
});

test.each<[string, Record<string, unknown>]>([
  ['a patent in the payload', { 'payload.patents.0.number': 'CN202410999999.9' }],
  ['the stake in the payload', { 'payload.stakeBasisPoints': 5000 }],
  ['the appraiser in the payload', { 'payload.appraisal.appraiser': 'Someone else' }],
  ['an amount', { 'amounts.appraisedValue.amount': 1 }],
  ['a currency', { 'amounts.appraisedValue.currency': 'USD' }],
  ["a party's name", { 'parties.seller.name.zh': '另一家研究所' }],
  ["a party's organization", { 'parties.buyer.organizationId': 'dddddddddddddddddddddddd' }],
  ['the listing', { 'listing.id': 'ffffffffffffffffffffffff' }],
  ['the deal', { dealId: 'other-deal' }],
  ['the type', { type: 'ip_assignment' }],
  ['the time', { at: new Date('2020-01-01T00:00:00.000Z') }],
  ['the time, into something that is no date', { at: 'yesterday' }],
  ['the publish flag', { publishAmounts: true }],
  ['the amounts salt', { amountsSalt: 'ff'.repeat(16) }],
  ['the stored hash', { hash: 'f'.repeat(64) }],
  ['the previous hash', { previousHash: 'e'.repeat(64) }],
])('tampering with %s of an entry is a hash mismatch at that entry', async (_field, change) => {
  await fiveEntries();
  await tamper(3, change);
  expect(await verifyLedger()).toEqual({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
});

test('an entry changed and re-hashed breaks the link of the entry after it', async () => {
  await fiveEntries();
  await forge(3, { 'amounts.appraisedValue.amount': 1 });
  expect(await verifyLedger()).toEqual({ ok: false, brokenAt: 4, reason: 'broken_link' });
});

test('a previous hash rewritten and re-hashed is a broken link at that entry', async () => {
  await fiveEntries();
  await forge(3, { previousHash: 'e'.repeat(64) });
  expect(await verifyLedger()).toEqual({ ok: false, brokenAt: 3, reason: 'broken_link' });
});

test('a deleted entry is a gap at its sequence number', async () => {
  await fiveEntries();
  await LedgerEntry.deleteOne({ _id: slotId(3) });
  expect(await verifyLedger()).toEqual({ ok: false, brokenAt: 3, reason: 'gap' });
});

test('a deleted last entry is a gap: the head still counts it', async () => {
  await fiveEntries();
  await LedgerEntry.deleteOne({ _id: slotId(5) });
  expect(await verifyLedger()).toEqual({ ok: false, brokenAt: 5, reason: 'gap' });
});

test('two entries swapped between their slots are a sequence mismatch at the first', async () => {
  await fiveEntries();
  const [third, fourth] = [(await stored(3))!, (await stored(4))!];
  await LedgerEntry.deleteMany({ _id: { $in: [slotId(3), slotId(4)] } });
  await LedgerEntry.collection.insertMany([
    { ...fourth, _id: slotId(3) },
    { ...third, _id: slotId(4) },
  ] as never[]);
  expect(await verifyLedger()).toEqual({ ok: false, brokenAt: 3, reason: 'sequence_mismatch' });
});

test('an entry inserted in the middle, even renumbered and re-hashed, breaks the chain right after it', async () => {
  await fiveEntries();
  // Move entries 3–5 up one slot, renumbered and re-hashed, and put a well-formed entry at 3.
  for (const seq of [5, 4, 3]) {
    const entry = (await stored(seq))!;
    await LedgerEntry.deleteOne({ _id: slotId(seq) });
    const moved = { ...entry, _id: slotId(seq + 1), seq: seq + 1 };
    await LedgerEntry.collection.insertOne({ ...moved, hash: hashOf(recordOf(moved)) } as never);
  }
  const inserted = { ...(await stored(2))!, _id: slotId(3), seq: 3, dealId: 'inserted' };
  inserted.previousHash = (await stored(2))!.hash;
  await LedgerEntry.collection.insertOne({ ...inserted, hash: hashOf(recordOf(inserted)) } as never);
  expect(await verifyLedger()).toEqual({ ok: false, brokenAt: 4, reason: 'broken_link' });
});

// ── The public record ───────────────────────────────────────────────────────

test('GET /api/v1/ledger/verify answers ok with the entry count, and names the first broken entry once tampered', async () => {
  await fiveEntries();
  forgetLedgerVerification();
  const intact = await call(apiVerify, '/api/v1/ledger/verify');
  expect(intact.status).toBe(200);
  expect(await intact.json()).toEqual({
    ok: true,
    entries: 5,
    headHash: (await stored(5))!.hash,
    checkedAt: expect.any(String),
  });
  await tamper(2, { 'payload.territory': 'Worldwide' });
  forgetLedgerVerification();
  expect(await (await call(apiVerify, '/api/v1/ledger/verify')).json()).toEqual({
    ok: false,
    brokenAt: 2,
    reason: 'hash_mismatch',
    checkedAt: expect.any(String),
  });
});

test('GET /api/v1/ledger/verify answers from a walk at most a minute old, so requests cannot keep the database walking', async () => {
  await fiveEntries();
  forgetLedgerVerification();
  const first = (await (await call(apiVerify, '/api/v1/ledger/verify')).json()) as { ok: boolean; checkedAt: string };
  await tamper(3, { 'payload.territory': 'Worldwide' });
  const again = (await (await call(apiVerify, '/api/v1/ledger/verify')).json()) as { ok: boolean; checkedAt: string };
  expect(again).toEqual(first);
  expect(first.ok).toBe(true);
});

test('GET /api/v1/ledger lists the entries newest first, 20 a page, to anyone', async () => {
  for (let i = 1; i <= 25; i++) await appendLedgerEntry(assignment(`page-${i}`));
  const first = await call(apiLedger, '/api/v1/ledger');
  expect(first.status).toBe(200);
  const page1 = (await first.json()) as { items: LedgerEntryDto[]; total: number; pages: number; page: number };
  expect(page1).toMatchObject({ total: 25, pages: 2, page: 1, pageSize: 20 });
  expect(page1.items.map((e) => e.seq)).toEqual([
    25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6,
  ]);
  const page2 = (await (await call(apiLedger, '/api/v1/ledger?page=2')).json()) as { items: LedgerEntryDto[] };
  expect(page2.items.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
  const page3 = (await (await call(apiLedger, '/api/v1/ledger?page=3')).json()) as { items: LedgerEntryDto[] };
  expect(page3.items).toEqual([]);
});

test('each listed entry hashes, by RFC 8785 and SHA-256, to its hash and links to the one before', async () => {
  await fiveEntries();
  const { items } = (await (await call(apiLedger, '/api/v1/ledger')).json()) as { items: LedgerEntryDto[] };
  for (const item of items) expect(sha256(canonicalize(item.record)!)).toBe(item.hash);
  for (const [i, item] of items.slice(0, -1).entries()) expect(item.record.previousHash).toBe(items[i + 1]!.hash);
});

test('amounts and their salt are public only where both parties agreed to publish them', async () => {
  await appendLedgerEntry(assignment('private', false));
  await appendLedgerEntry(assignment('public', true));
  const { items } = (await (await call(apiLedger, '/api/v1/ledger')).json()) as { items: LedgerEntryDto[] };
  const [published, unpublished] = items;
  expect(unpublished).toMatchObject({ seq: 1, amounts: null, amountsSalt: null });
  expect(JSON.stringify(unpublished)).not.toContain('50000000');
  expect(published!.amounts).toEqual({ price: { amount: 50_000_000, currency: 'CNY' } });
  const digest = sha256(canonicalize({ amounts: published!.amounts, salt: published!.amountsSalt })!);
  expect(published!.record.amountsDigest).toBe(digest);
});

test.each(['abc', '0', '-1', '1.5', '1e309', '__proto__'])(
  'GET /api/v1/ledger?page=%s is a 400 naming the page',
  async (page) => {
    const response = await call(apiLedger, `/api/v1/ledger?page=${page}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(Object.keys(((await response.json()) as { errors: object }).errors)).toEqual(['page']);
  },
);

test('POST /api/v1/ledger is not allowed', async () => {
  const response = await call(apiLedgerPost, '/api/v1/ledger', { method: 'POST', json: {} });
  expect(response.status).toBe(405);
});

test('the /ledger page loads the newest entries for anyone, and answers 400 to a bad page number', async () => {
  await fiveEntries();
  const response = await call(ledgerPage, '/ledger');
  expect(response.status).toBe(200);
  const { ledger } = (await response.json()) as { ledger: { items: LedgerEntryDto[]; total: number } };
  expect(ledger.total).toBe(5);
  expect(ledger.items[0]).toMatchObject({ seq: 5, amounts: { price: { amount: 50_000_000, currency: 'CNY' } } });
  expect((await call(ledgerPage, '/ledger?page=x')).status).toBe(400);
});
