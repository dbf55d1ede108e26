import { beforeAll, expect, test } from 'vitest';
import { loader as receiptLoader } from '../../app/routes/receipts.$reference';
import { loader as refundReceiptLoader } from '../../app/routes/receipts.$reference_.refunds.$refundId';
import { User } from '../../server/auth/index.ts';
import { QueuedMail } from '../../server/notifications/index.ts';
import { notificationSentence } from '../../server/notifications/text.ts';
import { refundByOperator, sendReceipt } from '../../server/payments/index.ts';
import { requirePayment } from '../../server/payments/transition.ts';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { dealPayment, payOffline, signedInOperator, type SignedInOperator } from '../support/payments.ts';
import { call } from '../support/requests.ts';

// Receipts of succeeded payments and refunds: bilingual pages for the payment's
// two organizations and the operators, and the mail that points to them.

useTestDatabase();

let seller: Member;
let buyer: Member;
let stranger: Member;
let operator: SignedInOperator;
const PRICE = { amount: 12_345_600, currency: 'CNY' as const };

beforeAll(async () => {
  [seller, buyer, stranger] = await Promise.all([
    createMember({ kind: 'basic_institute' }),
    createMember({ kind: 'company' }),
    createMember({ kind: 'company' }),
  ]);
  operator = await signedInOperator();
});

const receipt = (reference: string, cookie: string) =>
  call(receiptLoader, `/receipts/${reference}`, { cookie, params: { reference } });
const refundReceipt = (reference: string, refundId: string, cookie: string) =>
  call(refundReceiptLoader, `/receipts/${reference}/refunds/${refundId}`, { cookie, params: { reference, refundId } });

async function paidPayment() {
  const { reference, dealId } = await dealPayment(seller, buyer, PRICE);
  await payOffline(reference, operator.userId, 'ICBC-2026-0001');
  return { reference, dealId };
}

test('a paid deal has a receipt for its payer, its payee and the operators, not kept by caches', async () => {
  const { reference, dealId } = await paidPayment();
  for (const cookie of [buyer.cookie, seller.cookie, operator.cookie]) {
    const response = await receipt(reference, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const view = await response.json();
    expect(view).toMatchObject({
      number: reference,
      kind: 'payment',
      dealId,
      payer: { organization: buyer.organizationId },
      payee: { organization: seller.organizationId },
      amount: PRICE,
      provider: 'offline',
      providerReference: 'ICBC-2026-0001',
      refund: null,
      refunded: { amount: 0, currency: 'CNY' },
    });
    // The platform fee and the seller's net add up to what was paid.
    expect(view.fee.amount + view.net.amount).toBe(PRICE.amount);
    expect(view.fee.amount).toBeGreaterThan(0);
  }
});

test('another organization gets no receipt: not found, as for one that does not exist', async () => {
  const { reference } = await paidPayment();
  expect((await receipt(reference, stranger.cookie)).status).toBe(404);
  expect((await receipt('MIX-NOSUCHDEAL', buyer.cookie)).status).toBe(404);
  expect((await receipt('not a reference', buyer.cookie)).status).toBe(404);
});

test('a payment not paid has no receipt', async () => {
  const { reference } = await dealPayment(seller, buyer, PRICE);
  expect((await receipt(reference, buyer.cookie)).status).toBe(404);
  expect((await receipt(reference, operator.cookie)).status).toBe(404);
});

test('a refund has its own receipt with the amount, the reason and the total refunded', async () => {
  const { reference } = await paidPayment();
  const { refund } = await refundByOperator(operator.actor, reference, {
    amount: '20000',
    reason: 'Licence scope reduced',
    bankReference: 'ICBC-BACK-7',
  });
  const response = await refundReceipt(reference, refund.id, seller.cookie);
  expect(response.status).toBe(200);
  expect(response.headers.get('Cache-Control')).toBe('private, no-store');
  expect(await response.json()).toMatchObject({
    number: refund.id,
    kind: 'refund',
    reference,
    refund: {
      amount: { amount: 2_000_000, currency: 'CNY' },
      reason: 'Licence scope reduced',
      providerReference: 'ICBC-BACK-7',
    },
    refunded: { amount: 2_000_000, currency: 'CNY' },
  });
  expect((await refundReceipt(reference, refund.id, stranger.cookie)).status).toBe(404);
  expect((await refundReceipt(reference, `${reference}-RFFFFFF`, buyer.cookie)).status).toBe(404);
});

test('a payment received queues its receipt mail to the members of the payer and of the payee', async () => {
  await User.updateMany(
    { _id: { $in: [buyer.userId, seller.userId, stranger.userId] } },
    { $set: { emailVerifiedAt: new Date() } },
  );
  const { reference } = await paidPayment();
  const mails = await QueuedMail.find({ type: 'payment.receipt', link: `/receipts/${reference}` }).lean();
  expect(mails.map((m) => m.to).sort()).toEqual([buyer.email, seller.email].sort());
  expect(mails[0]!.params).toMatchObject({ reference, amount: 'CNY 123456' });
  // Each reader's language has its sentence.
  expect(notificationSentence('en', mails[0]!)).toContain(`receipt for CNY 123456`);
  expect(notificationSentence('zh-CN', mails[0]!)).toContain('收据已出具');
});

test('a refund recorded queues the refund receipt mail, linking to the refund receipt', async () => {
  await User.updateMany({ _id: { $in: [buyer.userId, seller.userId] } }, { $set: { emailVerifiedAt: new Date() } });
  const { reference } = await paidPayment();
  const { refund } = await refundByOperator(operator.actor, reference, {
    reason: 'Deal cancelled',
    bankReference: null,
  });
  const mails = await QueuedMail.find({
    type: 'payment.refund_receipt',
    link: `/receipts/${reference}/refunds/${refund.id}`,
  }).lean();
  expect(mails.map((m) => m.to).sort()).toEqual([buyer.email, seller.email].sort());
  expect(mails[0]!.params.amount).toBe('CNY 123456');
});

test('no receipt mail goes out for a payment not paid, and the caller is not failed', async () => {
  await User.updateMany({ _id: buyer.userId }, { $set: { emailVerifiedAt: new Date() } });
  const { reference } = await dealPayment(seller, buyer, PRICE);
  await expect(sendReceipt(await requirePayment(reference))).resolves.toBeUndefined();
  expect(await QueuedMail.countDocuments({ link: `/receipts/${reference}` })).toBe(0);
});
