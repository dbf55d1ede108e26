import { beforeAll, expect, test } from 'vitest';
import { action as paymentAction, loader as paymentLoader } from '../../app/routes/operator.payments_.$id';
import { loader as listLoader } from '../../app/routes/operator.payments';
import { requirePayment } from '../../server/payments/transition.ts';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { dealPayment, payOffline, signedInOperator, type SignedInOperator } from '../support/payments.ts';
import { call } from '../support/requests.ts';

// /operator/payments as an operator uses it without JavaScript: the list with
// what needs a hand flagged, and each payment's steps as plain form posts.

useTestDatabase();

let seller: Member;
let buyer: Member;
let operator: SignedInOperator;
const PRICE = { amount: 5_000_000, currency: 'CNY' as const };

beforeAll(async () => {
  [seller, buyer] = await Promise.all([createMember({ kind: 'basic_institute' }), createMember({ kind: 'company' })]);
  operator = await signedInOperator();
});

const list = (query: string, cookie: string) => call(listLoader, `/operator/payments${query}`, { cookie });
const page = (id: string, cookie: string) =>
  call(paymentLoader, `/operator/payments/${id}`, { cookie, params: { id } });
const post = (
  id: string,
  form: Record<string, string>,
  { cookie = operator.cookie, headers = { 'Accept-Language': 'en' } } = {},
) => call(paymentAction, `/operator/payments/${id}`, { method: 'POST', form, cookie, params: { id }, headers });

async function paid() {
  const { reference } = await dealPayment(seller, buyer, PRICE);
  await payOffline(reference, operator.userId);
  return reference;
}

test('the operator sees every payment, and a paid one owing the seller is flagged for a payout', async () => {
  const pending = (await dealPayment(seller, buyer, PRICE)).reference;
  const due = await paid();
  const all = await (await list('', operator.cookie)).json();
  const row = (ref: string) => all.payments.find((r: { payment: { _id: string } }) => r.payment._id === ref);
  expect(row(pending)).toMatchObject({ payment: { status: 'pending', amount: PRICE }, attention: [] });
  expect(row(due)).toMatchObject({
    payment: { status: 'succeeded', provider: 'offline', payout: { method: 'offline', status: 'pending' } },
    attention: ['payout_due'],
  });
  const flagged = await (await list('?attention=1', operator.cookie)).json();
  const refs = flagged.payments.map((r: { payment: { _id: string } }) => r.payment._id);
  expect(refs).toContain(due);
  expect(refs).not.toContain(pending);
  const pendingOnly = await (await list('?status=pending', operator.cookie)).json();
  expect(pendingOnly.payments.every((r: { payment: { status: string } }) => r.payment.status === 'pending')).toBe(true);
});

test('an unknown filter falls back to the whole list instead of failing', async () => {
  const response = await list('?status=%7B%22%24ne%22%3A1%7D&attention=yes&page=-4', operator.cookie);
  expect(response.status).toBe(200);
  expect((await response.json()).query).toEqual({ attention: false, page: 1 });
});

test('members who are not operators are refused the payments pages and steps', async () => {
  const reference = await paid();
  expect((await list('', buyer.cookie)).status).toBe(403);
  expect((await page(reference, seller.cookie)).status).toBe(403);
  expect((await post(reference, { intent: 'payout', bankReference: 'X' }, { cookie: seller.cookie })).status).toBe(403);
  expect((await requirePayment(reference)).payout?.status).toBe('pending');
});

test('an unknown or malformed payment reference is not found', async () => {
  expect((await page('MIX-NOSUCHDEAL', operator.cookie)).status).toBe(404);
  expect((await page('../etc', operator.cookie)).status).toBe(404);
});

test('a payout is recorded once, however many times the button is pressed', async () => {
  const reference = await paid();
  const responses = await Promise.all(
    Array.from({ length: 5 }, () => post(reference, { intent: 'payout', bankReference: 'ICBC-OUT-42' })),
  );
  expect(responses.map((r) => r.status)).toEqual([302, 302, 302, 302, 302]);
  const payment = await requirePayment(reference);
  expect(payment.payout).toMatchObject({ status: 'paid', reference: 'ICBC-OUT-42', by: operator.userId });
  expect(payment.events.filter((e) => e.type === 'payout_recorded')).toHaveLength(1);
  const view = await (await page(reference, operator.cookie)).json();
  expect(view.attention).toEqual([]);
});

test('a payout for a payment not paid is refused with a message in the reader’s language', async () => {
  const { reference } = await dealPayment(seller, buyer, PRICE);
  const response = await post(
    reference,
    { intent: 'payout', bankReference: '' },
    { headers: { 'Accept-Language': 'zh-CN' } },
  );
  expect(response.status).toBe(409);
  expect((await response.json()).formError).toBe('该付款没有待付给卖方的款项。');
});

test('a refund larger than what is left is refused on the amount field, and nothing is refunded', async () => {
  const reference = await paid();
  const response = await post(reference, {
    intent: 'refund',
    amount: '50,000.01',
    reason: 'Too much',
    bankReference: '',
  });
  expect(response.status).toBe(400);
  expect((await response.json()).fieldErrors).toEqual({
    amount: ['The refund must be more than zero and at most what is left to refund.'],
  });
  expect((await requirePayment(reference)).refunds).toEqual([]);
});

test('a refund amount that is not an amount is refused on the amount field', async () => {
  const reference = await paid();
  const response = await post(reference, { intent: 'refund', amount: '12abc', reason: 'Typo', bankReference: '' });
  expect(response.status).toBe(400);
  expect((await response.json()).fieldErrors.amount).toEqual([
    "Enter an amount such as 1,000.50 in the payment's currency.",
  ]);
});

test('a refund without a reason is refused on the reason field', async () => {
  const reference = await paid();
  const response = await post(reference, { intent: 'refund', amount: '100', reason: '   ', bankReference: '' });
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(Object.keys(body.fieldErrors)).toEqual(['reason']);
  expect(body.values).toMatchObject({ amount: '100' });
  expect((await requirePayment(reference)).refunds).toEqual([]);
});

test('an offline refund is recorded with its bank reference and shown on the timeline', async () => {
  const reference = await paid();
  const response = await post(reference, {
    intent: 'refund',
    amount: '1,000.50',
    reason: 'Scope reduced',
    bankReference: 'ICBC-BACK-9',
  });
  expect(response.status).toBe(302);
  expect(response.headers.get('Location')).toBe(`/operator/payments/${reference}`);
  const payment = await requirePayment(reference);
  expect(payment.refunds).toEqual([
    expect.objectContaining({
      amount: { amount: 100_050, currency: 'CNY' },
      provider: 'offline',
      reference: 'ICBC-BACK-9',
      status: 'succeeded',
      reason: 'Scope reduced',
      by: operator.userId,
    }),
  ]);
  expect(payment.refunded).toBe(100_050);
  const view = await (await page(reference, operator.cookie)).json();
  expect(view.payment.events.map((e: { type: string }) => e.type)).toContain('refund_recorded');
});

test('an empty refund amount refunds all that is left', async () => {
  const reference = await paid();
  await post(reference, { intent: 'refund', amount: '1000', reason: 'Part', bankReference: '' });
  expect((await post(reference, { intent: 'refund', amount: '', reason: 'Rest', bankReference: '' })).status).toBe(302);
  const payment = await requirePayment(reference);
  expect(payment.refunds.map((r) => r.amount.amount)).toEqual([100_000, 4_900_000]);
  expect(payment.refunded).toBe(PRICE.amount);
});

test('asking Stripe about a payment taken offline changes nothing and returns to the payment', async () => {
  const reference = await paid();
  const before = await requirePayment(reference);
  const response = await post(reference, { intent: 'reconcile' });
  expect(response.status).toBe(302);
  expect(response.headers.get('Location')).toBe(`/operator/payments/${reference}`);
  expect((await requirePayment(reference)).version).toBe(before.version);
});

test('a step the page does not know is a bad request', async () => {
  const reference = await paid();
  expect((await post(reference, { intent: 'delete' })).status).toBe(400);
});
