import * as accountPage from '../../app/routes/account._index.tsx';
import * as me from '../../app/routes/api.v1.me.ts';
import * as tokenItem from '../../app/routes/api.v1.tokens.$id.ts';
import * as tokens from '../../app/routes/api.v1.tokens.ts';
import { ApiToken } from '../../server/auth/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { call } from '../support/requests.ts';

useTestDatabase();

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function mint(cookie: string, name = 'TTO sync') {
  const response = await call(tokens.action, '/api/v1/tokens', { json: { name }, cookie });
  return { response, body: await response.json() };
}

test('POST /api/v1/tokens with a session answers 201 with the secret, once', async () => {
  const user = await createAccount();
  const { response, body } = await mint(user.cookie);
  expect(response.status).toBe(201);
  expect(body).toMatchObject({ name: 'TTO sync', lastUsedAt: null });
  expect(body.token).toMatch(/^mix_[\w-]{40,}$/);
  expect(body.prefix).toBe(body.token.slice(0, 10));

  const listed = await (await call(tokens.loader, '/api/v1/tokens', { cookie: user.cookie })).json();
  expect(listed.items).toEqual([
    { id: body.id, name: 'TTO sync', prefix: body.prefix, createdAt: body.createdAt, lastUsedAt: null },
  ]);
  expect(JSON.stringify(listed)).not.toContain(body.token);
});

test('a token cannot mint another token, and nothing is written', async () => {
  const user = await createAccount();
  const { body } = await mint(user.cookie);
  const attempt = await call(tokens.action, '/api/v1/tokens', {
    json: { name: 'successor' },
    headers: bearer(body.token),
  });
  expect(attempt.status).toBe(403);
  expect(await ApiToken.countDocuments({ user: user.userId })).toBe(1);
});

test('a token may list its user’s tokens', async () => {
  const user = await createAccount();
  const { body } = await mint(user.cookie);
  const listed = await call(tokens.loader, '/api/v1/tokens', { headers: bearer(body.token) });
  expect(listed.status).toBe(200);
  expect((await listed.json()).items.map((t: { id: string }) => t.id)).toEqual([body.id]);
});

test('DELETE /api/v1/tokens/:id revokes the token: 204, then it is refused', async () => {
  const user = await createAccount();
  const { body } = await mint(user.cookie);
  const deleted = await call(tokenItem.action, `/api/v1/tokens/${body.id}`, {
    method: 'DELETE',
    cookie: user.cookie,
    params: { id: body.id },
  });
  expect(deleted.status).toBe(204);
  expect((await call(me.loader, '/api/v1/me', { headers: bearer(body.token) })).status).toBe(401);
  expect((await (await call(tokens.loader, '/api/v1/tokens', { cookie: user.cookie })).json()).items).toEqual([]);
});

test('DELETE of someone else’s token is a 404 and the token keeps working', async () => {
  const owner = await createAccount();
  const other = await createAccount();
  const { body } = await mint(owner.cookie);
  const attempt = await call(tokenItem.action, `/api/v1/tokens/${body.id}`, {
    method: 'DELETE',
    cookie: other.cookie,
    params: { id: body.id },
  });
  expect(attempt.status).toBe(404);
  expect((await call(me.loader, '/api/v1/me', { headers: bearer(body.token) })).status).toBe(200);
});

test('a token name with no visible text is a field error', async () => {
  const user = await createAccount();
  const { response, body } = await mint(user.cookie, '   ');
  expect(response.status).toBe(400);
  expect(Object.keys(body.errors)).toEqual(['name']);
  expect(await ApiToken.countDocuments({ user: user.userId })).toBe(0);
});

test('pages ignore an Authorization header: a junk bearer token beside a session cookie still shows the page', async () => {
  const user = await createAccount();
  const page = await call(accountPage.loader, '/account', { cookie: user.cookie, headers: bearer('junk') });
  expect(page.status).toBe(200);
  expect((await page.json()).account.user.id).toBe(user.userId);
});

test('GET /api/v1/me answers only for the caller: anonymous is a 401', async () => {
  const response = await call(me.loader, '/api/v1/me');
  expect(response.status).toBe(401);
});
