import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { PASSWORD, uniqueEmail } from '../support/accounts.ts';
import { ensureBuild, startServer, type RunningServer } from '../support/server-process.ts';

// The membership pages as a browser without JavaScript gets them from the built
// app: server-rendered forms that post as they are, in Chinese and in English.

const OPERATOR = { email: 'ops-render@example.com', password: 'operator-passphrase-1' };
let server: RunningServer;
let dataDir: string;
let operator: string;
let owner: string;
let organizationId: string;

const cookieOf = (response: Response) => response.headers.get('Set-Cookie')!.split(';')[0]!;

const page = (target: string, cookie: string | null, lang: 'en' | 'zh-CN') =>
  fetch(`${server.url}${target}?lang=${lang}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });

/** A plain form post, as a browser sends it from the page. */
const post = (target: string, cookie: string, form: Record<string, string>) =>
  fetch(`${server.url}${target}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });

beforeAll(async () => {
  ensureBuild();
  dataDir = mkdtempSync(path.join(tmpdir(), 'medip-membership-'));
  const uri = new URL(inject('mongoUri'));
  uri.pathname = `/membership_render_${Date.now()}`;
  server = await startServer({
    MONGODB_URI: uri.toString(),
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    OPERATOR_EMAIL: OPERATOR.email,
    OPERATOR_PASSWORD: OPERATOR.password,
  });
  operator = cookieOf(
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(OPERATOR),
    }),
  );
  const signup = await fetch(`${server.url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: uniqueEmail('member'),
      password: PASSWORD,
      name: 'Owner',
      locale: 'en',
      organization: { name: { en: 'Catheter Works' }, kind: 'company', region: { country: 'CN' } },
    }),
  });
  expect(signup.status).toBe(201);
  owner = cookieOf(signup);
  organizationId = (await (await fetch(`${server.url}/api/v1/me`, { headers: { Cookie: owner } })).json()).organization
    .id;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('plans, an invoice paid by bank transfer and the member badge, through plain forms in both languages', async () => {
  const created = await post('/operator/memberships', operator, {
    intent: 'create-plan',
    'name.zh': '企业会员',
    'name.en': 'Company membership',
    organizationKind: 'company',
    currency: 'CNY',
    amount: '8800',
    active: 'true',
  });
  expect(created.status).toBe(302);

  const operatorEn = await (await page('/operator/memberships', operator, 'en')).text();
  expect(operatorEn).toContain('Issue an invoice for bank transfer');
  expect(operatorEn).toContain('name="amount"');
  const reference = /name="reference" value="(MEM-[0-9A-F]{24})"/.exec(operatorEn)![1]!;
  const plan = /<option value="([a-f0-9]{24})"/.exec(operatorEn)![1]!;
  expect(await (await page('/operator/memberships', operator, 'zh-CN')).text()).toContain('开具银行转账账单');

  const dueDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  expect(
    (
      await post('/operator/memberships', operator, {
        intent: 'issue-invoice',
        reference,
        organization: organizationId,
        plan,
        dueDate,
      })
    ).status,
  ).toBe(302);

  const ownerEn = await (await page('/account/membership', owner, 'en')).text();
  expect(ownerEn).toContain('Company membership');
  expect(ownerEn).toContain(reference);
  expect(ownerEn).toContain('quoting the reference below');
  const ownerZh = await (await page('/account/membership', owner, 'zh-CN')).text();
  expect(ownerZh).toContain('企业会员');
  expect(ownerZh).toContain('待付款');

  expect(
    (await post('/operator/memberships', operator, { intent: 'mark-paid', reference, bankReference: 'ICBC-1' })).status,
  ).toBe(302);
  expect(await (await page(`/orgs/${organizationId}`, null, 'en')).text()).toContain('Alliance member until');
  expect(await (await page(`/orgs/${organizationId}`, null, 'zh-CN')).text()).toContain('联盟会员（有效期至');
});
