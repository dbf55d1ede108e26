import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { ensureBuild, startServer, type RunningServer } from '../support/server-process.ts';

// The offer pages as a browser without JavaScript gets them from the built
// app: server-rendered forms, in Chinese and in English, that post as they are.

const DEMO_PASSWORD = 'medip-demo-2026';
let server: RunningServer;
let dataDir: string;
let company: string;
let listingId: string;

async function login(email: string): Promise<string> {
  const answer = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(answer.status).toBe(200);
  return answer.headers.get('Set-Cookie')!.split(';')[0]!;
}

const page = (target: string, lang: 'en' | 'zh-CN') =>
  fetch(`${server.url}${target}${target.includes('?') ? '&' : '?'}lang=${lang}`, {
    headers: { Cookie: company },
    redirect: 'manual',
  });

beforeAll(async () => {
  ensureBuild();
  dataDir = mkdtempSync(path.join(tmpdir(), 'medip-offers-'));
  const uri = new URL(inject('mongoUri'));
  uri.pathname = `/offers_render_${Date.now()}`;
  server = await startServer({ MONGODB_URI: uri.toString(), DATA_DIR: dataDir, SEED_DEMO: 'true' });
  company = await login('company@demo.medip.cn');
  const me = await (await fetch(`${server.url}/api/v1/me`, { headers: { Cookie: company } })).json();
  const listings = await (await fetch(`${server.url}/api/v1/listings?pageSize=50`)).json();
  const open = listings.hits.find(
    (hit: { organization?: { id: string }; dealTypes: string[] }) =>
      hit.organization?.id !== me.organization?.id && hit.dealTypes.includes('assignment'),
  );
  listingId = open.id;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the offer page renders the chosen deal type’s fields as a plain form, in both languages', async () => {
  const en = await page(`/listings/${listingId}/offer?dealType=assignment`, 'en');
  expect(en.status).toBe(200);
  const html = await en.text();
  expect(html).toContain('name="terms.price.amount"');
  expect(html).toContain('Send offer');
  const zh = await (await page(`/listings/${listingId}/offer?dealType=assignment`, 'zh-CN')).text();
  expect(zh).toContain('发送报价');
});

test('an offer posted without JavaScript opens its thread, listed on /offers, in both languages', async () => {
  const posted = await fetch(`${server.url}/listings/${listingId}/offer?dealType=assignment`, {
    method: 'POST',
    headers: { Cookie: company, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ 'terms.dealType': 'assignment', currency: 'CNY', 'terms.price.amount': '123456' }),
    redirect: 'manual',
  });
  expect(posted.status).toBe(302);
  const thread = posted.headers.get('Location')!;
  const en = await (await page(thread, 'en')).text();
  expect(en).toContain('Withdraw');
  expect(await (await page(thread, 'zh-CN')).text()).toContain('撤回');
  const list = await page('/offers', 'en');
  expect(list.status).toBe(200);
  expect(await list.text()).toContain(thread);
});
