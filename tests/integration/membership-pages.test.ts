import { beforeAll, expect, test } from 'vitest';
import { action as accountAction, loader as accountLoader } from '../../app/routes/account.membership.tsx';
import { action as operatorAction, loader as operatorLoader } from '../../app/routes/operator.memberships.tsx';
import { loader as organizationLoader } from '../../app/routes/orgs.$id.tsx';
import { bootstrapOperator, login, User } from '../../server/auth/index.ts';
import { MembershipPlan } from '../../server/payments/membership/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { call } from '../support/requests.ts';
import { useTestSearch } from '../support/search.ts';
import { useTestStripe } from '../support/stripe.ts';

// The membership pages as a browser without JavaScript uses them: plain form
// posts, 303 redirects to Stripe, and errors per field in the reader's language.

useTestDatabase();
useTestSearch();
useTestStripe();

let operatorCookie: string;

beforeAll(async () => {
  await bootstrapOperator('ops-membership-pages@example.com', 'operator-passphrase-1');
  const { sessionId } = await login(
    { email: 'ops-membership-pages@example.com', password: 'operator-passphrase-1' },
    { ip: '127.0.0.1', locale: 'en' },
  );
  operatorCookie = `medip_session=${sessionId}`;
});

const operatorPost = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  call(operatorAction, '/operator/memberships', { method: 'POST', form, cookie: operatorCookie, headers });
const accountPost = (cookie: string, form: Record<string, string>) =>
  call(accountAction, '/account/membership', { method: 'POST', form, cookie, headers: { 'Accept-Language': 'en' } });

async function companyPlan() {
  const response = await operatorPost({
    intent: 'create-plan',
    'name.zh': '企业会员',
    'name.en': 'Company membership',
    organizationKind: 'company',
    currency: 'CNY',
    amount: '8,800',
    active: 'true',
  });
  expect(response.status).toBe(302);
  const plans = await MembershipPlan.find({ organizationKind: 'company' }).sort({ createdAt: -1 }).lean();
  return plans[0]!._id;
}

test('the operator creates a plan from the form, and sees it on the page', async () => {
  await companyPlan();
  const page = await (await call(operatorLoader, '/operator/memberships', { cookie: operatorCookie })).json();
  expect(page.plans).toContainEqual(
    expect.objectContaining({
      name: { zh: '企业会员', en: 'Company membership' },
      amount: { amount: 880_000, currency: 'CNY' },
    }),
  );
  expect(page.newReference).toMatch(/^MEM-[0-9A-F]{24}$/);
});

test('a plan form with a bad fee answers 400 with the message in the reader language, keeping the input', async () => {
  const response = await operatorPost(
    { intent: 'create-plan', 'name.en': 'Broken', organizationKind: 'company', currency: 'JPY', amount: '10.5' },
    { 'Accept-Language': 'zh-CN' },
  );
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.fieldErrors.amount).toEqual(['请输入大于零的年费，小数位数不超过该币种的位数。']);
  expect(body.values).toMatchObject({ amount: '10.5' });
});

test('the operator page is refused to members of other organizations', async () => {
  const company = await createAccount({ kind: 'company', verified: true });
  expect((await call(operatorLoader, '/operator/memberships', { cookie: company.cookie })).status).toBe(403);
});

test("the owner's subscribe button answers 303 to Stripe Checkout", async () => {
  const plan = await companyPlan();
  const company = await createAccount({ kind: 'company', verified: true });
  const page = await (await call(accountLoader, '/account/membership', { cookie: company.cookie })).json();
  expect(page).toMatchObject({ canSubscribe: true, membership: { status: 'none', member: false } });
  expect(page.plans.map((p: { id: string }) => p.id)).toContain(plan);

  const response = await accountPost(company.cookie, { intent: 'subscribe', plan });
  expect(response.status).toBe(303);
  expect(response.headers.get('Location')).toMatch(/^https:\/\/checkout\.stripe\.com\//);
});

test("an admin's subscribe post is refused with the owner-only message", async () => {
  const plan = await companyPlan();
  const company = await createAccount({ kind: 'company', verified: true });
  await User.updateOne({ _id: company.userId }, { $set: { 'memberships.0.role': 'admin' } });
  const response = await accountPost(company.cookie, { intent: 'subscribe', plan });
  expect(response.status).toBe(403);
  expect((await response.json()).formError).toBe("Only the organization's owner can subscribe or manage billing.");
});

test('an issued offline invoice shows on the owner page; once marked paid the organization page shows the badge', async () => {
  const plan = await companyPlan();
  const company = await createAccount({ kind: 'company', verified: true });
  const reference = 'MEM-00000000000000000000ABCD';
  const dueDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const issued = await operatorPost({
    intent: 'issue-invoice',
    reference,
    organization: company.organizationId,
    plan,
    dueDate,
  });
  expect(issued.status).toBe(302);

  const page = await (await call(accountLoader, '/account/membership', { cookie: company.cookie })).json();
  expect(page.invoices).toMatchObject([{ reference, status: 'pending', amount: { amount: 880_000, currency: 'CNY' } }]);

  expect((await operatorPost({ intent: 'mark-paid', reference, bankReference: 'ICBC 2026-11' })).status).toBe(302);
  const again = await operatorPost({ intent: 'mark-paid', reference });
  expect(again.status).toBe(409);

  const profile = await (
    await call(organizationLoader, `/orgs/${company.organizationId}`, { params: { id: company.organizationId } })
  ).json();
  expect(profile.membership.until).toEqual(expect.any(String));
  expect(new Date(profile.membership.until).getTime()).toBeGreaterThan(Date.now() + 364 * 86_400_000);
});

test('an invoice form naming no organization answers 400 on that field', async () => {
  const plan = await companyPlan();
  const response = await operatorPost(
    {
      intent: 'issue-invoice',
      reference: 'MEM-00000000000000000000DCBA',
      organization: 'not-an-id',
      plan,
      dueDate: '2020-13-40',
    },
    { 'Accept-Language': 'en' },
  );
  expect(response.status).toBe(400);
  const { fieldErrors } = await response.json();
  expect(fieldErrors.organization).toEqual(['Enter the ID of an existing member organization.']);
  expect(fieldErrors.dueDate).toEqual(['Enter a due date from today on.']);
});

test('an organization without a membership shows no badge', async () => {
  const company = await createAccount({ kind: 'company', verified: true });
  const profile = await (
    await call(organizationLoader, `/orgs/${company.organizationId}`, { params: { id: company.organizationId } })
  ).json();
  expect(profile.membership).toBeNull();
});
