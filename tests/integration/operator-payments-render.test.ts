import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { dealPayment, payOffline, signedInOperator, type SignedInOperator } from '../support/payments.ts';
import { ensureBuild, startServer, type RunningServer } from '../support/server-process.ts';

// The payments pages and receipts as a browser without JavaScript gets them
// from the built app: server-rendered tables and forms in both languages, and
// form posts that work as they are.

useTestDatabase();

let server: RunningServer;
let dataDir: string;
let seller: Member;
let buyer: Member;
let operator: SignedInOperator;
let reference: string;

const page = (target: string, lang: 'en' | 'zh-CN', cookie: string) =>
  fetch(`${server.url}${target}${target.includes('?') ? '&' : '?'}lang=${lang}`, {
    headers: { Cookie: cookie },
    redirect: 'manual',
  });

const post = (target: string, form: Record<string, string>) =>
  fetch(`${server.url}${target}?lang=en`, {
    method: 'POST',
    headers: { Cookie: operator.cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });

beforeAll(async () => {
  ensureBuild();
  [seller, buyer] = await Promise.all([createMember({ kind: 'basic_institute' }), createMember({ kind: 'company' })]);
  operator = await signedInOperator();
  ({ reference } = await dealPayment(seller, buyer, { amount: 8_800_000, currency: 'CNY' }));
  await payOffline(reference, operator.userId, 'ICBC-RENDER-1');
  dataDir = mkdtempSync(path.join(tmpdir(), 'medip-payments-'));
  const uri = new URL(inject('mongoUri'));
  uri.pathname = `/${mongoose.connection.db!.databaseName}`;
  server = await startServer({ MONGODB_URI: uri.toString(), DATA_DIR: dataDir });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the payments list shows the payment and its payout due, in both languages', async () => {
  const en = await page('/operator/payments', 'en', operator.cookie);
  expect(en.status).toBe(200);
  const html = await en.text();
  expect(html).toContain(reference);
  expect(html).toContain('Payout due');
  expect(html).toContain('¥88,000.00');
  const zh = await (await page('/operator/payments?attention=1', 'zh-CN', operator.cookie)).text();
  expect(zh).toContain(reference);
  expect(zh).toContain('待付给卖方');
});

test('a payment’s page posts its steps as plain forms, with the errors beside the fields', async () => {
  const target = `/operator/payments/${reference}`;
  const html = await (await page(target, 'en', operator.cookie)).text();
  expect(html).toContain('name="intent" value="payout"');
  expect(html).toContain('name="intent" value="refund"');
  const refused = await post(target, { intent: 'refund', amount: '1', reason: '' });
  expect(refused.status).toBe(400);
  const again = await refused.text();
  expect(again).toContain('name="reason"');
  // What was typed comes back beside the error.
  expect(again).toMatch(/<input[^>]*value="1"[^>]*name="amount"|<input[^>]*name="amount"[^>]*value="1"/);
  const recorded = await post(target, { intent: 'payout', bankReference: 'ICBC-OUT-RENDER' });
  expect(recorded.status).toBe(302);
  const after = await (await page(target, 'zh-CN', operator.cookie)).text();
  expect(after).toContain('ICBC-OUT-RENDER');
  expect(after).toContain('已登记付给卖方');
});

test('the receipt is printed in Chinese and English together, never cached', async () => {
  const response = await page(`/receipts/${reference}`, 'en', buyer.cookie);
  expect(response.status).toBe(200);
  expect(response.headers.get('Cache-Control')).toBe('private, no-store');
  const html = await response.text();
  for (const text of ['收据', 'Receipt', '付款方', 'Payer', '¥88,000.00', 'ICBC-RENDER-1'])
    expect(html).toContain(text);
});
