import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { ensureBuild, runServer, startServer } from '../support/server-process.ts';

// The whole server as `npm start` runs it: start-up, configuration errors,
// both database modes, persistence across restarts and a clean shutdown.

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'medip-server-'));
  dirs.push(dir);
  return dir;
};

beforeAll(() => ensureBuild());
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('a bad environment stops start-up with one line per variable and no stack trace', async () => {
  const { output, exited } = runServer({ PORT: 'eighty', SEED_DEMO: 'perhaps', DATA_DIR: tempDir() });
  expect(await exited).toBe(1);
  expect(output()).toContain('PORT must be a whole number from 1 to 65535 (got "eighty")');
  expect(output()).toContain('SEED_DEMO must be true or false (got "perhaps")');
  expect(output()).not.toMatch(/\n\s+at /);
});

test('with MONGODB_URI set nothing embedded starts, and the data goes to that server', async () => {
  const dataDir = tempDir();
  const dbName = `server_${Date.now()}`;
  const uri = new URL(inject('mongoUri'));
  uri.pathname = `/${dbName}`;
  const server = await startServer({
    MONGODB_URI: uri.toString(),
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    OPERATOR_EMAIL: 'Ops@Example.com',
    OPERATOR_PASSWORD: 'correct horse battery staple',
  });
  expect(existsSync(path.join(dataDir, 'db'))).toBe(false);
  expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ db: 'ok', search: 'ok', payments: 'offline' });

  // Log-in failures are counted in the database, so the limit outlives a restart.
  const attempt = (url: string) =>
    fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.com', password: 'wrong password' }),
    });
  for (let i = 0; i < 5; i++) expect((await attempt(server.url)).status).toBe(401);
  expect(await server.stop()).toBe(0);
  const restarted = await startServer({ MONGODB_URI: uri.toString(), DATA_DIR: dataDir, SEED_DEMO: 'false' });
  const limited = await attempt(restarted.url);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);

  // Cookie-authenticated changes must come from our own origin; bearer tokens are exempt.
  const post = (headers: Record<string, string>) =>
    fetch(`${restarted.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { Cookie: 'medip_session=abc', ...headers },
    });
  expect((await post({ Origin: 'https://evil.example' })).status).toBe(403);
  expect((await post({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  expect((await post({ Origin: restarted.url })).status).toBe(204);
  expect((await post({ Origin: 'https://evil.example', Authorization: 'Bearer mix_unknown' })).status).toBe(401);

  // A session used in the second half of its 30 days is extended, through any page.
  const signedUp = await fetch(`${restarted.url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: 'extend@example.com',
      password: 'Hangzhou-laser-lithotripsy',
      name: 'Extend',
      organization: { name: { en: 'Extend Co' }, kind: 'company' },
    }),
  });
  expect(signedUp.status).toBe(201);
  const cookie = signedUp.headers.get('Set-Cookie')!.split(';')[0]!;
  const sessionId = cookie.split('=')[1];
  const db = await mongoose.createConnection(inject('mongoUri'), { dbName }).asPromise();
  await db
    .collection('sessions')
    .updateOne({ _id: sessionId as never }, { $set: { expiresAt: new Date(Date.now() + 2 * 86_400_000) } });
  const page = await fetch(`${restarted.url}/listings`, { headers: { Cookie: cookie } });
  expect(page.status).toBe(200);
  expect(page.headers.get('Set-Cookie')).toMatch(new RegExp(`^medip_session=${sessionId};.*HttpOnly`, 'i'));
  const extended = await db.collection('sessions').findOne({ _id: sessionId as never });
  expect(extended!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  await db.close();
  expect(await restarted.stop()).toBe(0);

  const connection = await mongoose.createConnection(inject('mongoUri'), { dbName }).asPromise();
  const users = await connection.collection('users').find({ 'memberships.role': 'owner', name: 'Operator' }).toArray();
  expect(users.map((u) => u.emailNormalized)).toEqual(['ops@example.com']);
  const [password] = await connection.collection('passwords').find({ user: users[0]!._id }).toArray();
  expect(password!.hash).toMatch(/^\$argon2id\$/);
  const operatorOrg = await connection
    .collection('organizations')
    .findOne({ _id: users[0]!.memberships[0].organization });
  expect(operatorOrg).toMatchObject({ kind: 'operator', verified: true });
  await connection.dropDatabase();
  await connection.close();
});

test('the embedded database and search index keep every record across restarts; demo data is seeded once', async () => {
  const dataDir = tempDir();
  const first = await startServer({ DATA_DIR: dataDir });
  const before = await (await fetch(`${first.url}/api/v1/listings?pageSize=1`)).json();
  expect(before.total).toBeGreaterThanOrEqual(300);
  expect(first.output()).toContain('demo data seeded');
  expect(await first.stop()).toBe(0);
  expect(existsSync(path.join(dataDir, 'db'))).toBe(true);
  expect(existsSync(path.join(dataDir, 'search', 'listings.snapshot'))).toBe(true);

  const second = await startServer({ DATA_DIR: dataDir });
  const after = await (await fetch(`${second.url}/api/v1/listings?pageSize=1`)).json();
  expect(after.total).toBe(before.total);
  expect(after.hits[0].id).toBe(before.hits[0].id);
  expect(second.output()).not.toContain('demo data seeded');
  expect(await second.stop()).toBe(0);
});
