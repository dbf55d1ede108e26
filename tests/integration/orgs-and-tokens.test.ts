import * as signup from '../../app/routes/api.v1.auth.signup.ts';
import * as me from '../../app/routes/api.v1.me.ts';
import * as orgsIndex from '../../app/routes/api.v1.orgs._index.ts';
import * as orgShow from '../../app/routes/api.v1.orgs.$id.ts';
import * as orgVerify from '../../app/routes/api.v1.orgs.$id.verify.ts';
import * as orgReject from '../../app/routes/api.v1.orgs.$id.reject.ts';
import * as accountPage from '../../app/routes/account._index.tsx';
import * as tokensPage from '../../app/routes/account.tokens.tsx';
import { ApiToken, bootstrapOperator, getAccount, login, User } from '../../server/auth/index.ts';
import { OutboxMessage } from '../../server/notifications/index.ts';
import { createAccount, PASSWORD, uniqueEmail } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { call } from '../support/requests.ts';

useTestDatabase();

let operatorCookie: string;
beforeAll(async () => {
  await bootstrapOperator('ops@example.com', 'operator-passphrase-1');
  const { sessionId } = await login(
    { email: 'ops@example.com', password: 'operator-passphrase-1' },
    { ip: '127.0.0.1', locale: 'en' },
  );
  operatorCookie = `medip_session=${sessionId}`;
});

test('operators see the unverified queue, verify an organization, and its members are told', async () => {
  const member = await createAccount({ kind: 'company' });
  const queue = await (await call(orgsIndex.loader, '/api/v1/orgs?verified=false', { cookie: operatorCookie })).json();
  expect(queue.items.map((o: { id: string }) => o.id)).toContain(member.organizationId);

  const verified = await call(orgVerify.action, `/api/v1/orgs/${member.organizationId}/verify`, {
    method: 'POST',
    cookie: operatorCookie,
    params: { id: member.organizationId },
  });
  expect(verified.status).toBe(200);
  expect(await verified.json()).toMatchObject({ verified: true, verification: { status: 'verified' } });
  expect(await OutboxMessage.countDocuments({ to: member.email, subject: /verified/ })).toBe(1);

  const after = await (await call(me.loader, '/api/v1/me', { cookie: member.cookie })).json();
  expect(after.organization.verified).toBe(true);
});

test('rejection needs a reason, which the members (not the public) can read', async () => {
  const member = await createAccount({ kind: 'investor' });
  const path = `/api/v1/orgs/${member.organizationId}/reject`;
  const params = { id: member.organizationId };
  const missing = await call(orgReject.action, path, {
    json: {},
    cookie: operatorCookie,
    params,
    headers: { 'Accept-Language': 'en' },
  });
  expect(missing.status).toBe(400);
  expect((await missing.json()).errors.reason).toEqual(['Required.']);

  const rejected = await call(orgReject.action, path, {
    json: { reason: 'Business licence missing' },
    cookie: operatorCookie,
    params,
  });
  expect(rejected.status).toBe(200);
  expect(await OutboxMessage.countDocuments({ to: member.email, text: /Business licence missing/ })).toBe(1);

  const asMember = await (
    await call(orgShow.loader, `/api/v1/orgs/${member.organizationId}`, { cookie: member.cookie, params })
  ).json();
  expect(asMember.verification).toMatchObject({ status: 'rejected', reason: 'Business licence missing' });
  const asPublic = await (await call(orgShow.loader, `/api/v1/orgs/${member.organizationId}`, { params })).json();
  expect(asPublic.verification).toMatchObject({ status: 'rejected', reason: null });
});

test('only operators review organizations', async () => {
  const company = await createAccount({ kind: 'company', verified: true });
  expect((await call(orgsIndex.loader, '/api/v1/orgs?verified=false', { cookie: company.cookie })).status).toBe(403);
  expect((await call(orgsIndex.loader, '/api/v1/orgs?verified=false')).status).toBe(401);
  const attempt = await call(orgVerify.action, `/api/v1/orgs/${company.organizationId}/verify`, {
    method: 'POST',
    cookie: company.cookie,
    params: { id: company.organizationId },
  });
  expect(attempt.status).toBe(403);
});

test('an invitation link lets a colleague join with the invited role, once', async () => {
  const owner = await createAccount({ kind: 'hospital' });
  const invited = await call(accountPage.action, '/account', {
    form: { intent: 'invite', role: 'admin', email: '' },
    cookie: owner.cookie,
  });
  const { url } = await invited.json();
  const token = new URL(url).searchParams.get('invitation')!;

  const email = uniqueEmail('colleague');
  const joined = await call(signup.action, '/api/v1/auth/signup', {
    json: { email, password: PASSWORD, name: 'Colleague', organization: { invitation: token } },
  });
  expect(joined.status).toBe(201);
  expect(await joined.json()).toMatchObject({ role: 'admin', organization: { id: owner.organizationId } });

  const again = await call(signup.action, '/api/v1/auth/signup', {
    json: { email: uniqueEmail(), password: PASSWORD, name: 'Late', organization: { invitation: token } },
  });
  expect(again.status).toBe(400);
  expect(Object.keys((await again.json()).errors)).toEqual(['organization.invitation']);
});

test('members cannot invite; owners and admins can', async () => {
  const owner = await createAccount({ kind: 'company' });
  const { url } = await (
    await call(accountPage.action, '/account', { form: { intent: 'invite', role: 'member' }, cookie: owner.cookie })
  ).json();
  const token = new URL(url).searchParams.get('invitation')!;
  const member = await call(signup.action, '/api/v1/auth/signup', {
    json: { email: uniqueEmail('member'), password: PASSWORD, name: 'Member', organization: { invitation: token } },
  });
  const memberCookie = member.headers.get('Set-Cookie')!.split(';')[0]!;
  const refused = await call(accountPage.action, '/account', {
    form: { intent: 'invite', role: 'member' },
    cookie: memberCookie,
  });
  expect(refused.status).toBe(403);
});

test('personal API tokens: shown once, stored hashed, act as their user, and stop when revoked', async () => {
  const user = await createAccount({ kind: 'basic_institute' });
  const created = await (
    await call(tokensPage.action, '/account/tokens', {
      form: { intent: 'create', name: 'TTO sync' },
      cookie: user.cookie,
    })
  ).json();
  const token: string = created.created;
  expect(token).toMatch(/^mix_[\w-]{40,}$/);
  const stored = await ApiToken.findOne({ user: user.userId }).lean();
  expect(JSON.stringify(stored)).not.toContain(token);

  const asToken = await call(me.loader, '/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(asToken.status).toBe(200);
  expect((await asToken.json()).user.id).toBe(user.userId);
  // Scoped to the user's permissions: not an operator, so no queue.
  expect(
    (await call(orgsIndex.loader, '/api/v1/orgs?verified=false', { headers: { Authorization: `Bearer ${token}` } }))
      .status,
  ).toBe(403);

  const list = await (await call(tokensPage.loader, '/account/tokens', { cookie: user.cookie })).json();
  expect(list.tokens).toHaveLength(1);
  expect(JSON.stringify(list)).not.toContain(token);

  await call(tokensPage.action, '/account/tokens', {
    form: { intent: 'revoke', id: list.tokens[0].id },
    cookie: user.cookie,
  });
  const revoked = await call(me.loader, '/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(revoked.status).toBe(401);
  expect((await call(me.loader, '/api/v1/me', { headers: { Authorization: 'Bearer mix_forged' } })).status).toBe(401);
});

test('someone else cannot revoke my token', async () => {
  const owner = await createAccount();
  const other = await createAccount();
  await call(tokensPage.action, '/account/tokens', { form: { intent: 'create', name: 'mine' }, cookie: owner.cookie });
  const [token] = (await (await call(tokensPage.loader, '/account/tokens', { cookie: owner.cookie })).json()).tokens;
  const attempt = await call(tokensPage.action, '/account/tokens', {
    form: { intent: 'revoke', id: token.id },
    cookie: other.cookie,
  });
  expect(attempt.status).toBe(404);
  expect(await ApiToken.countDocuments({ user: owner.userId, revokedAt: null })).toBe(1);
});

test('"log out everywhere else" ends the other sessions and keeps this one', async () => {
  const user = await createAccount();
  const second = await login({ email: user.email, password: PASSWORD }, { ip: '127.0.0.1', locale: 'en' });
  const result = await (
    await call(accountPage.action, '/account', { form: { intent: 'logout-others' }, cookie: user.cookie })
  ).json();
  expect(result.ended).toBe(1);
  expect((await call(me.loader, '/api/v1/me', { cookie: user.cookie })).status).toBe(200);
  expect((await call(me.loader, '/api/v1/me', { cookie: `medip_session=${second.sessionId}` })).status).toBe(401);
  expect(await User.countDocuments({ _id: user.userId })).toBe(1);
});

test('two operators verifying at once: one decision, one mail to each member', async () => {
  const member = await createAccount({ kind: 'hospital' });
  const path = `/api/v1/orgs/${member.organizationId}/verify`;
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      call(orgVerify.action, path, { method: 'POST', cookie: operatorCookie, params: { id: member.organizationId } }),
    ),
  );
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  expect(await OutboxMessage.countDocuments({ to: member.email, subject: /verified|已通过/i })).toBe(1);
});

test('parallel rejections decide once and mail once', async () => {
  const member = await createAccount({ kind: 'company' });
  const path = `/api/v1/orgs/${member.organizationId}/reject`;
  await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      call(orgReject.action, path, {
        json: { reason: `Reason ${i}` },
        cookie: operatorCookie,
        params: { id: member.organizationId },
      }),
    ),
  );
  const mails = await OutboxMessage.find({ to: member.email }).lean();
  expect(mails.filter((m) => /Reason \d/.test(m.text))).toHaveLength(1);
});

test('the account service answers only the signed-in actor’s own account; without one it refuses', async () => {
  const user = await createAccount();
  await expect(getAccount(null)).rejects.toMatchObject({ code: 'unauthorized' });
  const mine = await call(me.loader, '/api/v1/me', { cookie: user.cookie });
  expect((await mine.json()).user.id).toBe(user.userId);
});
