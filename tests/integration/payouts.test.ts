import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import { beforeAll, expect, test } from 'vitest';
import { action as payoutsAction, loader as payoutsLoader } from '../../app/routes/account.payouts.tsx';
import { loadAuthenticatedUser, signup } from '../../server/auth/index.ts';
import { config } from '../../server/config.ts';
import { createInvitation } from '../../server/orgs/index.ts';
import { connectStatus, payoutDestination, startOnboarding } from '../../server/payments/index.ts';
import { StripeAccount } from '../../server/payments/connect/index.ts';
import { createAccount, createMember, PASSWORD, uniqueEmail } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { refusal } from '../support/refusal.ts';
import { call } from '../support/requests.ts';
import { deliver, mockStripe, stripeEvent, useTestStripe } from '../support/stripe.ts';

// Sellers' payouts through Stripe Connect: onboarding from /account/payouts
// against stripe-mock, and the account's state from signed account events.

useTestDatabase();
useTestStripe();

type Account = Awaited<ReturnType<typeof createAccount>>;

let onboardingUrl: string;

beforeAll(async () => {
  // stripe-mock answers every account link with the same fixture; the page must send the seller there.
  const stripe = mockStripe();
  onboardingUrl = (
    await stripe.accountLinks.create({
      account: 'acct_fixture',
      type: 'account_onboarding',
      refresh_url: 'https://example.com/r',
      return_url: 'https://example.com/b',
    })
  ).url;
});

/** A colleague who joined the owner's organization with `role`, signed in. */
async function colleague(owner: Account, role: 'admin' | 'member'): Promise<{ cookie: string }> {
  const { actor } = (await loadAuthenticatedUser(owner.userId))!;
  const { url } = await createInvitation(actor, { role });
  const { sessionId } = await signup(
    {
      email: uniqueEmail(role),
      password: PASSWORD,
      name: 'Colleague',
      locale: 'en',
      organization: { invitation: new URL(url).searchParams.get('invitation')! },
    } as never,
    { ip: `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`, locale: 'en' },
  );
  return { cookie: `medip_session=${sessionId}` };
}

const seller = () => createAccount({ kind: 'basic_institute', verified: true });
const page = (cookie: string, query = '') => call(payoutsLoader, `/account/payouts${query}`, { cookie });
const setUp = (cookie: string) =>
  call(payoutsAction, '/account/payouts', { method: 'POST', form: { intent: 'onboard' }, cookie });
const stored = (organizationId: string) => StripeAccount.findById(organizationId).lean();

/** The account as stripe-mock shapes it, with the state an event reports. */
async function accountObject(id: string, organizationId: string, enabled: boolean): Promise<Stripe.Account> {
  const account = await mockStripe().accounts.retrieve(id);
  return {
    ...account,
    id,
    metadata: { organization: organizationId },
    charges_enabled: enabled,
    payouts_enabled: enabled,
    details_submitted: true,
    requirements: { ...account.requirements!, currently_due: [] },
  };
}

/** Delivers a signed `account.updated`, stamped `secondsAgo` before now. */
async function accountUpdated(account: Stripe.Account, secondsAgo = 0) {
  const event = { ...stripeEvent('account.updated', account), created: Math.floor(Date.now() / 1000) - secondsAgo };
  return deliver(event);
}

async function onboarded(): Promise<{ owner: Account; account: string }> {
  const owner = await seller();
  expect((await setUp(owner.cookie)).status).toBe(303);
  return { owner, account: (await stored(owner.organizationId))!.account };
}

test("a seller organization's owner is sent to Stripe's onboarding link and its new account is stored", async () => {
  const owner = await seller();
  const answer = await setUp(owner.cookie);
  expect(answer.status).toBe(303);
  expect(answer.headers.get('Location')).toBe(onboardingUrl);
  expect((await stored(owner.organizationId))?.account).toMatch(/^acct_/);
});

test('an administrator of a seller organization may set up its payouts', async () => {
  const owner = await seller();
  const admin = await colleague(owner, 'admin');
  expect((await setUp(admin.cookie)).status).toBe(303);
  expect((await stored(owner.organizationId))?.account).toMatch(/^acct_/);
});

test('a plain member may not set up payouts, and nothing is stored', async () => {
  const owner = await seller();
  const member = await colleague(owner, 'member');
  const view = await (await page(member.cookie)).json();
  expect(view).toEqual({ mode: 'refused', reason: 'not_manager' });
  expect((await setUp(member.cookie)).status).toBe(403);
  expect(await stored(owner.organizationId)).toBeNull();
});

test('an owner may not set up payouts for another organization', async () => {
  const [owner, other] = await Promise.all([createMember({ kind: 'company' }), seller()]);
  expect(await refusal(startOnboarding(owner.actor, other.organizationId))).toMatchObject({ code: 'forbidden' });
  expect(await stored(other.organizationId)).toBeNull();
});

test('an organization that does not sell is told so and cannot set up payouts', async () => {
  const investor = await createAccount({ kind: 'investor', verified: true });
  expect(await (await page(investor.cookie)).json()).toEqual({ mode: 'refused', reason: 'not_seller' });
  expect((await setUp(investor.cookie)).status).toBe(403);
  expect(await stored(investor.organizationId)).toBeNull();
});

test('an unverified seller organization is told to wait for verification', async () => {
  const hospital = await createAccount({ kind: 'hospital', verified: false });
  expect(await (await page(hospital.cookie)).json()).toEqual({ mode: 'refused', reason: 'unverified' });
  expect((await setUp(hospital.cookie)).status).toBe(403);
});

test('parallel set-up clicks keep one account and send every click to onboarding', async () => {
  const owner = await seller();
  const answers = await Promise.all(Array.from({ length: 5 }, () => setUp(owner.cookie)));
  expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 303, 303]);
  const first = (await stored(owner.organizationId))!.account;
  expect(await StripeAccount.countDocuments({ _id: owner.organizationId })).toBe(1);
  // A later "continue setup" links the same account rather than creating another.
  expect((await setUp(owner.cookie)).status).toBe(303);
  expect((await stored(owner.organizationId))!.account).toBe(first);
});

test('a new account shows "details needed" until Stripe reports otherwise', async () => {
  const { owner, account } = await onboarded();
  const view = await (await page(owner.cookie)).json();
  expect(view.mode).toBe('stripe');
  expect(view.status).toMatchObject({ stage: 'details_needed', account });
});

test('account.updated with charges and payouts enabled enables payouts, and deals then route funds to the account', async () => {
  const { owner, account } = await onboarded();
  expect(await payoutDestination(owner.organizationId)).toBeNull();
  expect((await accountUpdated(await accountObject(account, owner.organizationId, true))).status).toBe(200);
  expect((await connectStatus(owner.organizationId)).stage).toBe('payouts_enabled');
  expect(await payoutDestination(owner.organizationId)).toBe(account);
});

test('details submitted with nothing due but payouts not yet enabled shows "under review"', async () => {
  const { owner, account } = await onboarded();
  await accountUpdated(await accountObject(account, owner.organizationId, false));
  expect((await connectStatus(owner.organizationId)).stage).toBe('under_review');
  expect(await payoutDestination(owner.organizationId)).toBeNull();
});

test('an older account.updated delivered after a newer one changes nothing', async () => {
  const { owner, account } = await onboarded();
  await accountUpdated(await accountObject(account, owner.organizationId, true), 10);
  const before = await stored(owner.organizationId);
  expect((await accountUpdated(await accountObject(account, owner.organizationId, false), 60)).status).toBe(200);
  expect(await stored(owner.organizationId)).toEqual(before);
  expect(await payoutDestination(owner.organizationId)).toBe(account);
});

test('an account.updated for an account we do not know writes nothing', async () => {
  const stranger = await seller();
  expect((await accountUpdated(await accountObject('acct_stranger1', stranger.organizationId, true))).status).toBe(200);
  expect(await stored(stranger.organizationId)).toBeNull();
});

test('an account.updated naming an organization whose stored account is another changes nothing', async () => {
  const { owner } = await onboarded();
  const before = await stored(owner.organizationId);
  await accountUpdated(await accountObject('acct_impostor1', owner.organizationId, true));
  expect(await stored(owner.organizationId)).toEqual(before);
  expect(await payoutDestination(owner.organizationId)).toBeNull();
});

test('a deauthorized account is shown disconnected and receives no more funds, and set-up starts a new account', async () => {
  const { owner, account } = await onboarded();
  await accountUpdated(await accountObject(account, owner.organizationId, true), 30);
  const event = {
    ...stripeEvent('account.application.deauthorized', { id: 'ca_test', object: 'application' }),
    account,
  };
  expect((await deliver(event)).status).toBe(200);
  expect((await connectStatus(owner.organizationId)).stage).toBe('disconnected');
  expect(await payoutDestination(owner.organizationId)).toBeNull();
  // A late update about the old account does not bring it back.
  await accountUpdated(await accountObject(account, owner.organizationId, true));
  expect(await payoutDestination(owner.organizationId)).toBeNull();
  expect((await setUp(owner.cookie)).status).toBe(303);
  const replaced = (await stored(owner.organizationId))!;
  expect(replaced.account).not.toBe(account);
  expect(replaced.disconnectedAt).toBeNull();
});

test('coming back from onboarding reads the account from Stripe afresh', async () => {
  const { owner, account } = await onboarded();
  await accountUpdated(await accountObject(account, owner.organizationId, true), 120);
  const view = await (await page(owner.cookie, '?from=return')).json();
  // stripe-mock's account has six requirements due and nothing enabled.
  expect(view).toMatchObject({
    mode: 'stripe',
    notice: 'returned',
    status: { stage: 'details_needed', requirementsDue: 6 },
  });
  expect(await payoutDestination(owner.organizationId)).toBeNull();
});

test('a Stripe outage on the way back shows the stored status with a notice', async () => {
  const { owner, account } = await onboarded();
  await accountUpdated(await accountObject(account, owner.organizationId, true));
  const saved = config().STRIPE_API_BASE;
  Object.assign(config(), { STRIPE_API_BASE: 'http://127.0.0.1:9' });
  try {
    const answer = await page(owner.cookie, '?from=return');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ notice: 'stripe_unreachable', status: { stage: 'payouts_enabled' } });
  } finally {
    Object.assign(config(), { STRIPE_API_BASE: saved });
  }
});

test('an expired onboarding link brings the seller back to a page that offers to continue', async () => {
  const { owner } = await onboarded();
  expect(await (await page(owner.cookie, '?from=refresh')).json()).toMatchObject({ notice: 'link_expired' });
  expect(await (await page(owner.cookie, '?from=%3Cscript%3E')).json()).toMatchObject({ notice: null });
});

test('without Stripe the page explains bank-transfer payouts, offers no set-up, and a set-up post stores nothing', async () => {
  const owner = await seller();
  const saved = config().STRIPE_SECRET_KEY;
  Object.assign(config(), { STRIPE_SECRET_KEY: undefined });
  try {
    expect(await (await page(owner.cookie)).json()).toEqual({ mode: 'offline' });
    const answer = await setUp(owner.cookie);
    expect(answer.status).toBe(409);
    // A browser sending no language gets the default, Chinese.
    expect((await answer.json()).formError).toBe('本平台通过银行转账付款，无需设置 Stripe 账户。');
  } finally {
    Object.assign(config(), { STRIPE_SECRET_KEY: saved });
  }
  expect(await stored(owner.organizationId)).toBeNull();
});

test('a payouts post without the set-up intent is refused and stores nothing', async () => {
  const owner = await seller();
  const answer = await call(payoutsAction, '/account/payouts', {
    method: 'POST',
    form: { intent: 'x' },
    cookie: owner.cookie,
  });
  expect(answer.status).toBe(400);
  expect(await stored(owner.organizationId)).toBeNull();
});
