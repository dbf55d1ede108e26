import * as login from '../../app/routes/api.v1.auth.login.ts';
import * as logout from '../../app/routes/api.v1.auth.logout.ts';
import * as signup from '../../app/routes/api.v1.auth.signup.ts';
import * as me from '../../app/routes/api.v1.me.ts';
import * as verifyPage from '../../app/routes/verify-email.tsx';
import * as forgotPage from '../../app/routes/forgot-password.tsx';
import * as resetPage from '../../app/routes/reset-password.tsx';
import { Password, Session, User } from '../../server/auth/index.ts';
import { OutboxMessage } from '../../server/notifications/index.ts';
import { Organization } from '../../server/orgs/index.ts';
import { linkFromOutbox, PASSWORD, uniqueEmail } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { call, sessionFrom } from '../support/requests.ts';

useTestDatabase();

const newOrg = {
  name: { zh: '苏州医工所', en: 'Suzhou Med-Eng Institute' },
  kind: 'engineering_institute',
  region: { country: 'CN', province: '江苏', city: '苏州' },
};
const signupBody = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  password: PASSWORD,
  name: '王工',
  locale: 'zh-CN',
  organization: newOrg,
  ...extra,
});

test('sign-up creates the user, an unverified organization they own, signs them in and mails a confirmation link', async () => {
  const email = uniqueEmail('signup');
  const response = await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) });
  expect(response.status).toBe(201);
  const body = await response.json();
  expect(body).toMatchObject({
    user: { email, name: '王工', locale: 'zh-CN', emailVerified: false },
    organization: { kind: 'engineering_institute', verified: false, name: { zh: '苏州医工所' } },
    role: 'owner',
  });
  const cookie = response.headers.get('Set-Cookie')!;
  expect(cookie).toMatch(/medip_session=\w+/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);

  const user = await User.findOne({ emailNormalized: email }).lean();
  expect(JSON.stringify(user)).not.toContain('argon2');
  expect((await Password.findOne({ user: user!._id }).lean())!.hash).toMatch(/^\$argon2id\$/);
  expect(await OutboxMessage.countDocuments({ to: email })).toBe(1);

  const session = await call(me.loader, '/api/v1/me', { cookie: sessionFrom(response) });
  expect((await session.json()).user.email).toBe(email);
});

test('bad fields get a message each, in the language asked for, and nothing is written', async () => {
  const before = [await User.countDocuments(), await Organization.countDocuments()];
  const response = await call(signup.action, '/api/v1/auth/signup', {
    json: {
      email: 'not-an-email',
      password: 'short',
      name: '',
      organization: { name: { zh: '', en: '' }, kind: 'spaceship' },
    },
    headers: { 'Accept-Language': 'zh-CN' },
  });
  expect(response.status).toBe(400);
  expect(response.headers.get('Content-Type')).toMatch(/problem\+json/);
  const { errors } = await response.json();
  expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'password']);
  expect(errors.password).toEqual(['密码长度须为 10 至 200 个字符。']);
  expect(errors.name).toEqual(['必填。']);

  const orgErrors = await (
    await call(signup.action, '/api/v1/auth/signup', {
      json: signupBody(uniqueEmail(), { organization: { name: { zh: '' }, kind: 'spaceship' } }),
      headers: { 'Accept-Language': 'en' },
    })
  ).json();
  expect(orgErrors.errors['organization.name.zh']).toEqual(['Give this in Chinese or English.']);
  expect(orgErrors.errors['organization.kind']).toEqual(['Choose at least one.']);
  expect([await User.countDocuments(), await Organization.countDocuments()]).toEqual(before);
});

test('a common password is refused', async () => {
  const response = await call(signup.action, '/api/v1/auth/signup', {
    json: signupBody(uniqueEmail(), { password: 'qwertyuiop' }),
    headers: { 'Accept-Language': 'en' },
  });
  expect(response.status).toBe(400);
  expect((await response.json()).errors.password).toEqual(['This password is too common; choose another.']);
});

test('a duplicate e-mail is a clear 409, whatever its case, without a second account', async () => {
  const email = uniqueEmail('dup');
  expect((await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) })).status).toBe(201);
  const again = await call(signup.action, '/api/v1/auth/signup', {
    json: signupBody(email.toUpperCase()),
    headers: { 'Accept-Language': 'en' },
  });
  expect(again.status).toBe(409);
  expect(await again.json()).toMatchObject({
    status: 409,
    errors: { email: ['This e-mail address is already registered.'] },
  });
  expect(await User.countDocuments({ emailNormalized: email })).toBe(1);
});

test('20 parallel sign-ups with one e-mail create exactly one user and one organization', async () => {
  const email = uniqueEmail('race');
  const orgsBefore = await Organization.countDocuments();
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      call(signup.action, '/api/v1/auth/signup', {
        json: signupBody(email, { organization: { ...newOrg, name: { en: `Race ${i}` } } }),
        // From 20 addresses: one address gets only 20 "already registered" answers an hour.
        ip: `198.18.2.${i + 1}`,
      }),
    ),
  );
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  expect(await User.countDocuments({ emailNormalized: email })).toBe(1);
  expect(await Organization.countDocuments()).toBe(orgsBefore + 1);
});

test('log-in and log-out; wrong passwords and unknown addresses get the same answer', async () => {
  const email = uniqueEmail('login');
  await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) });

  const ok = await call(login.action, '/api/v1/auth/login', {
    json: { email: email.toUpperCase(), password: PASSWORD },
  });
  expect(ok.status).toBe(200);
  const cookie = sessionFrom(ok);
  expect((await (await call(me.loader, '/api/v1/me', { cookie })).json()).user.email).toBe(email);

  const wrong = await call(login.action, '/api/v1/auth/login', {
    json: { email, password: 'not the password' },
    ip: '192.0.2.10',
  });
  const unknown = await call(login.action, '/api/v1/auth/login', {
    json: { email: uniqueEmail('nobody'), password: 'not the password' },
    ip: '192.0.2.11',
  });
  expect(wrong.status).toBe(401);
  expect(unknown.status).toBe(401);
  expect(await wrong.json()).toEqual(await unknown.json());

  const out = await call(logout.action, '/api/v1/auth/logout', { method: 'POST', cookie });
  expect(out.status).toBe(204);
  expect(out.headers.get('Set-Cookie')).toMatch(/medip_session=;/);
  expect((await call(me.loader, '/api/v1/me', { cookie })).status).toBe(401);
});

test('5 failures of one account from one address: that pair answers 429 with Retry-After, the owner elsewhere gets in', async () => {
  const email = uniqueEmail('limited');
  await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) });
  for (let i = 0; i < 5; i++) {
    const r = await call(login.action, '/api/v1/auth/login', {
      json: { email, password: `wrong-${i}` },
      ip: '192.0.2.20',
    });
    expect(r.status).toBe(401);
  }
  // Refused there for 15 minutes, even with the right password.
  const limited = await call(login.action, '/api/v1/auth/login', {
    json: { email, password: PASSWORD },
    ip: '192.0.2.20',
  });
  expect(limited.status).toBe(429);
  const retryAfter = Number(limited.headers.get('Retry-After'));
  expect(retryAfter).toBeGreaterThanOrEqual(890);
  expect(retryAfter).toBeLessThanOrEqual(900);

  const elsewhere = await call(login.action, '/api/v1/auth/login', {
    json: { email, password: PASSWORD },
    ip: '192.0.2.21',
  });
  expect(elsewhere.status).toBe(200);
});

test('20 wrong passwords at once from one address: exactly 5 are checked, the rest get 429', async () => {
  const email = uniqueEmail('burst');
  await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) });
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      call(login.action, '/api/v1/auth/login', { json: { email, password: `guess-${i}` }, ip: '198.18.0.1' }),
    ),
  );
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(15);
});

test('successful log-ins from one address do not use up its limit', async () => {
  const email = uniqueEmail('office');
  await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) });
  for (let i = 0; i < 8; i++) {
    const ok = await call(login.action, '/api/v1/auth/login', {
      json: { email, password: PASSWORD },
      ip: '198.18.1.1',
    });
    expect(ok.status).toBe(200);
  }
});

test('the e-mail confirmation link from the outbox confirms the address once', async () => {
  const email = uniqueEmail('verify');
  await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) });
  const link = new URL(await linkFromOutbox(email, '/verify-email'));
  const first = await call(verifyPage.loader, link.pathname + link.search);
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ verified: true });
  expect((await User.findOne({ emailNormalized: email }).lean())!.emailVerifiedAt).toBeInstanceOf(Date);
  expect((await call(verifyPage.loader, link.pathname + link.search)).status).toBe(400);
});

test('password reset: same answer for unknown addresses; the link sets a new password once and ends old sessions', async () => {
  const email = uniqueEmail('reset');
  const signedUp = await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) });
  const oldCookie = sessionFrom(signedUp);

  const known = await call(forgotPage.action, '/forgot-password', { form: { email }, ip: '192.0.2.50' });
  const unknown = await call(forgotPage.action, '/forgot-password', {
    form: { email: uniqueEmail('ghost') },
    ip: '192.0.2.51',
  });
  expect(known.status).toBe(200);
  expect(await known.json()).toEqual(await unknown.json());

  // The link is mailed just after the answer, which does not wait for it.
  const link = new URL(await vi.waitFor(() => linkFromOutbox(email, '/reset-password'), { timeout: 10_000 }));
  const token = link.searchParams.get('token')!;
  const newPassword = 'Pudong-ultrasound-2027';
  const [a, b] = await Promise.all([
    call(resetPage.action, '/reset-password', { form: { token, password: newPassword } }),
    call(resetPage.action, '/reset-password', { form: { token, password: 'Another-long-pass-99' } }),
  ]);
  expect([a.status, b.status].sort()).toEqual([302, 400]);
  expect((await call(me.loader, '/api/v1/me', { cookie: oldCookie })).status).toBe(401);
  const winner = a.status === 302 ? newPassword : 'Another-long-pass-99';
  expect((await call(login.action, '/api/v1/auth/login', { json: { email, password: winner } })).status).toBe(200);
  expect((await call(login.action, '/api/v1/auth/login', { json: { email, password: PASSWORD } })).status).toBe(401);
});

test('one client asking for more than 5 password resets a minute is answered 429', async () => {
  const forgot = (i: number) =>
    call(forgotPage.action, '/forgot-password', { form: { email: uniqueEmail(`reset-client${i}`) }, ip: '192.0.2.60' });
  for (let i = 0; i < 5; i++) expect((await forgot(i)).status).toBe(200);
  const limited = await forgot(5);
  expect(limited.status).toBe(429);
  expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
});

test("strangers asking for an account's reset never get its owner refused: past 5 mails a minute no further mail goes", async () => {
  const email = uniqueEmail('reset-owner');
  await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) });
  const forgot = (ip: string) => call(forgotPage.action, '/forgot-password', { form: { email }, ip });
  for (let i = 0; i < 7; i++) expect((await forgot(`198.51.100.${10 + i}`)).status).toBe(200);
  const owner = await forgot('203.0.113.5');
  expect(owner.status).toBe(200);
  const resetMails = async () =>
    (await OutboxMessage.find({ to: email }).lean()).filter((m) => /reset-password/.test(m.text));
  await vi.waitFor(async () => expect(await resetMails()).toHaveLength(5), { timeout: 10_000, interval: 100 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await resetMails()).toHaveLength(5);
});

test('sessions are stored server-side and expire', async () => {
  const email = uniqueEmail('session');
  const cookie = sessionFrom(await call(signup.action, '/api/v1/auth/signup', { json: signupBody(email) }))!;
  const id = cookie.split('=')[1];
  await Session.updateOne({ _id: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await call(me.loader, '/api/v1/me', { cookie });
  expect(expired.status).toBe(401);
});
