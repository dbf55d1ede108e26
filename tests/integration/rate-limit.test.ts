import mongoose from 'mongoose';
import {
  clearFailures,
  clientAddress,
  loginDelayMs,
  loginRules,
  purgeExpiredRateLimits,
  RateLimitCounter,
  rateLimitKeys,
  rateLimitStatus,
  recordFailure,
  reserveAttempt,
  signupRules,
} from '../../server/auth/rate-limit.ts';
import { login, requestPasswordReset, signup } from '../../server/auth/service.ts';
import { isDomainError } from '../../server/errors.ts';
import { registerBuiltinJobs, runJobNow } from '../../server/jobs/index.ts';
import { createAccount, linkFromOutbox, PASSWORD, uniqueEmail } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';

useTestDatabase();

const at = (time: string) => new Date(`2026-03-01T${time}Z`);
const now = at('12:00:10');
let n = 0;
const freshKey = () => `login:email:user${++n}@example.com`;

const failures = (key: string) => RateLimitCounter.countDocuments({ key });

async function fail(key: string, times: number, when = now) {
  for (let i = 0; i < times; i++) await recordFailure([key], { now: when });
}

test('five failures within a minute limit the key until the oldest is a minute old', async () => {
  const key = freshKey();
  await fail(key, 5);
  expect(await rateLimitStatus([key], { now })).toEqual({ limited: true, retryAfterSeconds: 60 });
  expect(await rateLimitStatus([key], { now: at('12:00:40') })).toEqual({ limited: true, retryAfterSeconds: 30 });
  expect((await rateLimitStatus([key], { now: at('12:01:10') })).limited).toBe(false);
});

test('retry-after is at least one second, even a millisecond before the limit lifts', async () => {
  const key = freshKey();
  await fail(key, 5);
  const almost = new Date(now.getTime() + 59_999);
  expect(await rateLimitStatus([key], { now: almost })).toEqual({ limited: true, retryAfterSeconds: 1 });
});

test('four failures do not limit', async () => {
  const key = freshKey();
  await fail(key, 4);
  expect(await rateLimitStatus([key], { now })).toEqual({ limited: false, retryAfterSeconds: 0 });
});

test('the window slides: no burst of twice the limit across a minute boundary', async () => {
  const key = freshKey();
  await fail(key, 3, at('12:00:58'));
  await fail(key, 2, at('12:01:02'));
  // Five within the last minute, though they straddle 12:01:00.
  expect(await rateLimitStatus([key], { now: at('12:01:03') })).toEqual({ limited: true, retryAfterSeconds: 55 });
  expect((await rateLimitStatus([key], { now: new Date(at('12:01:58').getTime() + 1) })).limited).toBe(false);
});

test('twenty concurrent failures on one key count exactly twenty', async () => {
  const key = freshKey();
  await Promise.all(Array.from({ length: 20 }, () => recordFailure([key], { now })));
  expect(await failures(key)).toBe(20);
  expect((await rateLimitStatus([key], { now, limit: 20 })).limited).toBe(true);
  expect((await rateLimitStatus([key], { now, limit: 21 })).limited).toBe(false);
});

test('keys are independent: one limited key limits only the requests that carry it', async () => {
  const [email, ip] = rateLimitKeys({ scope: 'login', email: `Someone${++n}@Example.com`, ip: '203.0.113.7' }) as [
    string,
    string,
  ];
  await fail(ip, 5);
  expect((await rateLimitStatus([email], { now })).limited).toBe(false);
  expect((await rateLimitStatus([ip], { now })).limited).toBe(true);
  expect((await rateLimitStatus([email, ip], { now })).limited).toBe(true);
  expect((await rateLimitStatus([`password_reset:ip:203.0.113.7`], { now })).limited).toBe(false);
});

test('one failed attempt counts once under each of its keys', async () => {
  const keys = rateLimitKeys({ scope: 'password_reset', email: `reset${++n}@example.com`, ip: '198.51.100.4' });
  await recordFailure(keys, { now });
  expect(await failures(keys[0]!)).toBe(1);
  expect(await failures(keys[1]!)).toBe(1);
});

test('clearing a key lifts its limit: its attempts stop counting', async () => {
  const key = freshKey();
  await fail(key, 5);
  await clearFailures([key]);
  expect((await rateLimitStatus([key], { now })).limited).toBe(false);
  const next = await reserveAttempt([key], { now });
  expect(next.limited).toBe(false);
  expect(next.counts).toEqual({ [key]: 0 });
});

test('the purge removes only failures older than the window', async () => {
  const key = freshKey();
  await fail(key, 2, at('11:58:30'));
  await fail(key, 1, at('11:59:30'));
  await fail(key, 3, now);
  expect(await purgeExpiredRateLimits(now)).toBeGreaterThanOrEqual(2);
  expect(await failures(key)).toBe(4);
  expect((await rateLimitStatus([key], { now, limit: 4 })).limited).toBe(true);
});

test('the built-in purge job deletes expired counters', async () => {
  const key = freshKey();
  await fail(key, 1, new Date(Date.now() - 3_600_000));
  registerBuiltinJobs();
  registerBuiltinJobs();
  expect(await runJobNow('rate-limit-purge')).toBeGreaterThanOrEqual(1);
  expect(await RateLimitCounter.countDocuments({ key })).toBe(0);
});

test('keys name the scope, the lower-cased e-mail and the client address', () => {
  expect(rateLimitKeys({ scope: 'login', email: ' Alice@Example.COM ', ip: '192.0.2.1' })).toEqual([
    'login:email:alice@example.com',
    'login:ip:192.0.2.1',
  ]);
  expect(rateLimitKeys({ scope: 'password_reset', ip: '192.0.2.1' })).toEqual(['password_reset:ip:192.0.2.1']);
  expect(rateLimitKeys({ scope: 'login' })).toEqual([]);
});

test('an IPv6 client is limited by its /64 network, an IPv4-mapped one by its IPv4 address', () => {
  expect(clientAddress('2001:db8:a:b:1:2:3:4')).toBe('2001:db8:a:b::/64');
  expect(clientAddress('2001:DB8:a:b::99')).toBe('2001:db8:a:b::/64');
  expect(clientAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
  expect(clientAddress('::1')).toBe('0:0:0:0::/64');
  expect(clientAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  expect(clientAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
});

test('reserved attempts: of 20 arriving at once exactly 5 proceed, and a released one stops counting', async () => {
  const keys = ['login:email:burst@example.com'];
  const attempts = await Promise.all(Array.from({ length: 20 }, () => reserveAttempt(keys)));
  expect(attempts.filter((a) => !a.limited)).toHaveLength(5);
  expect(attempts.filter((a) => a.limited)).toHaveLength(15);
  // The refused ones were released: the five that proceeded are all that count.
  expect(await RateLimitCounter.countDocuments({ key: keys[0], released: { $ne: true } })).toBe(5);
  expect((await rateLimitStatus(keys)).limited).toBe(true);

  const other = ['login:email:released@example.com'];
  for (let i = 0; i < 10; i++) {
    const attempt = await reserveAttempt(other);
    expect(attempt.limited).toBe(false);
    await attempt.release();
  }
});

// ---- Log-in (15-minute window): per account-and-address pair, per address, and per account only slowing.

/** The HTTP status a service call would answer with. */
async function statusOf(call: Promise<unknown>, created = 200): Promise<number> {
  try {
    await call;
    return created;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { unauthorized: 401, rate_limited: 429, conflict: 409, invalid: 400 }[error.code as string] ?? 500;
  }
}
const tryLogin = (email: string, password: string, ip: string) =>
  statusOf(login({ email, password }, { ip, locale: 'en' }));
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => expect.fail('expected a refusal'),
    (error: unknown) => error as { code: string; retryAfterSeconds: number },
  );
const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;
const inParallel = async <T>(n: number, run: (i: number) => Promise<T>, batch = n) => {
  const out: T[] = [];
  for (let start = 0; start < n; start += batch) {
    const size = Math.min(batch, n - start);
    out.push(...(await Promise.all(Array.from({ length: size }, (_, i) => run(start + i)))));
  }
  return out;
};

test('a log-in attempt is counted per account and address, per address, and per account', () => {
  expect(loginRules(' Alice@Example.COM ', '::ffff:192.0.2.1')).toEqual({
    pair: { key: 'login:pair:alice@example.com|192.0.2.1', limit: 5, windowMs: 900_000 },
    address: { key: 'login:ip:192.0.2.1', limit: 100, windowMs: 900_000 },
    account: { key: 'login:email:alice@example.com', limit: Infinity, windowMs: 900_000 },
  });
  expect(loginRules('bob@example.com', '').pair.key).toBe('login:pair:bob@example.com|unknown');
});

test('five failed log-ins of other accounts from one address do not stop a correct log-in from that address', async () => {
  const owner = await createAccount();
  const colleague = await createAccount();
  for (let i = 0; i < 5; i++) expect(await tryLogin(colleague.email, `typo-${i}`, '192.0.2.1')).toBe(401);
  expect(await tryLogin(owner.email, PASSWORD, '192.0.2.1')).toBe(200);
});

test("failures from five addresses do not lock the account's owner out of their own address", async () => {
  const owner = await createAccount();
  for (let i = 0; i < 5; i++) expect(await tryLogin(owner.email, `guess-${i}`, `203.0.113.${10 + i}`)).toBe(401);
  expect(await tryLogin(owner.email, PASSWORD, '192.0.2.2')).toBe(200);
});

test('the fifth failure of one account from one address limits that pair with Retry-After', async () => {
  const owner = await createAccount();
  const colleague = await createAccount();
  for (let i = 0; i < 5; i++) expect(await tryLogin(owner.email, `guess-${i}`, '192.0.2.3')).toBe(401);
  // Even the right password is refused for a quarter of an hour from there.
  const refused = await refusal(login({ email: owner.email, password: PASSWORD }, { ip: '192.0.2.3', locale: 'en' }));
  expect(refused.code).toBe('rate_limited');
  expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(890);
  expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
  // That pair only: the owner from elsewhere, and a colleague from there, get in.
  expect(await tryLogin(owner.email, PASSWORD, '192.0.2.4')).toBe(200);
  expect(await tryLogin(colleague.email, PASSWORD, '192.0.2.3')).toBe(200);
});

test('one address is limited after 100 failures across many accounts', async () => {
  const owner = await createAccount();
  const started = Date.now();
  const statuses = await inParallel(100, (i) => tryLogin(`spray-${i}-${uniqueEmail()}`, 'Password1!', '192.0.2.5'), 10);
  expect(count(statuses, 401)).toBe(100);
  const refused = await refusal(login({ email: owner.email, password: PASSWORD }, { ip: '192.0.2.5', locale: 'en' }));
  expect(refused.code).toBe('rate_limited');
  // The 15-minute window opened with the first failure: what is left of it, however slow the machine.
  const elapsed = Math.ceil((Date.now() - started) / 1000);
  expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(900 - elapsed - 1);
  expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
  expect(await tryLogin(owner.email, PASSWORD, '192.0.2.6')).toBe(200);
}, 120_000);

test('of 20 parallel guesses at one account from one address exactly 5 are checked', async () => {
  const owner = await createAccount();
  const statuses = await inParallel(20, (i) => tryLogin(owner.email, `guess-${i}`, '192.0.2.7'));
  expect(count(statuses, 401)).toBe(5);
  expect(count(statuses, 429)).toBe(15);
  // The pair is used up, right password or not; the owner elsewhere is not.
  expect(await tryLogin(owner.email, PASSWORD, '192.0.2.7')).toBe(429);
  expect(await tryLogin(owner.email, PASSWORD, '192.0.2.8')).toBe(200);
});

test("a successful log-in clears that pair's failures", async () => {
  const owner = await createAccount();
  for (let i = 0; i < 4; i++) expect(await tryLogin(owner.email, `typo-${i}`, '192.0.2.9')).toBe(401);
  expect(await tryLogin(owner.email, PASSWORD, '192.0.2.9')).toBe(200);
  for (let i = 0; i < 5; i++) expect(await tryLogin(owner.email, `typo-again-${i}`, '192.0.2.9')).toBe(401);
  expect(await tryLogin(owner.email, PASSWORD, '192.0.2.9')).toBe(429);
});

test('the slowing grows from 250 ms at the 10th failure against an account to at most 3 s', () => {
  expect([0, 9, 10, 11, 12, 13, 14, 1000].map(loginDelayMs)).toEqual([0, 0, 250, 500, 1000, 2000, 3000, 3000]);
});

test('failures against one account from many addresses slow its log-in but never refuse it', async () => {
  const owner = await createAccount();
  const statuses = await inParallel(14, (i) => tryLogin(owner.email, `guess-${i}`, `198.18.3.${i + 1}`));
  expect(statuses).toEqual(Array(14).fill(401));
  // 14 failures against the account: its owner waits 3 s, then gets in.
  const started = Date.now();
  expect(await tryLogin(owner.email, PASSWORD, '192.0.2.10')).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(2_950);
});

// ---- Sign-up (per client address and hour).

const signupBody = (email: string) =>
  ({
    email,
    password: PASSWORD,
    name: 'Rate Limit',
    locale: 'en',
    organization: { name: { en: `Org ${email}` }, kind: 'company', region: { country: 'CN' } },
  }) as never;
const trySignup = (email: string, ip: string) => statusOf(signup(signupBody(email), { ip, locale: 'en' }), 201);

test('sign-up is counted per address: accounts created and "already registered" answers', () => {
  expect(signupRules('192.0.2.20')).toEqual({
    created: { key: 'signup:ip:192.0.2.20', limit: 20, windowMs: 3_600_000 },
    taken: { key: 'signup_taken:ip:192.0.2.20', limit: 20, windowMs: 3_600_000 },
  });
});

test('one address creates at most 20 accounts an hour; the 21st sign-up gets 429 with Retry-After', async () => {
  const statuses = await inParallel(20, () => trySignup(uniqueEmail('bulk'), '192.0.2.21'), 5);
  expect(statuses).toEqual(Array(20).fill(201));
  const refused = await refusal(signup(signupBody(uniqueEmail('bulk')), { ip: '192.0.2.21', locale: 'en' }));
  expect(refused.code).toBe('rate_limited');
  expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(3_500);
  expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3_600);
  expect(await trySignup(uniqueEmail('elsewhere'), '192.0.2.22')).toBe(201);
});

test('twenty "already registered" answers an hour from one address, then 429', async () => {
  const { email } = await createAccount();
  const statuses = await inParallel(20, () => trySignup(email, '192.0.2.23'), 5);
  expect(statuses).toEqual(Array(20).fill(409));
  // The address is limited whether the next address it tries is registered or not.
  expect(await trySignup(email, '192.0.2.23')).toBe(429);
  expect(await trySignup(uniqueEmail('fresh'), '192.0.2.23')).toBe(429);
  expect(await trySignup(email, '192.0.2.24')).toBe(409);
});

// ---- Forgot-password answers alike for registered and unknown addresses.

test('forgot-password answers before looking the address up: no token or mail is started before the answer', async () => {
  const { email } = await createAccount();
  const ops: string[] = [];
  mongoose.set('debug', (collection: string, method: string) => void ops.push(`${collection}.${method}`));
  try {
    /** The database operations started between the request and its answer. */
    const beforeAnswer = async (address: string, ip: string) => {
      const from = ops.length;
      await requestPasswordReset(address, { ip, locale: 'en' });
      const before = ops.slice(from);
      // Let the look-up it leaves behind start before the next request.
      await vi.waitFor(() => expect(ops.slice(from)).toContain('users.findOne'));
      return before;
    };
    const unknown = await beforeAnswer(uniqueEmail('ghost'), '192.0.2.30');
    const registered = await beforeAnswer(email, '192.0.2.31');
    // Only the rate limit before answering, alike for both.
    expect(registered.filter((op) => !op.startsWith('ratelimitcounters.'))).toEqual([]);
    expect(registered).toEqual(unknown);
    // The link still arrives, just after the answer.
    const link = await vi.waitFor(() => linkFromOutbox(email, '/reset-password'), { timeout: 10_000, interval: 50 });
    expect(link).toMatch(/\/reset-password\?token=/);
  } finally {
    mongoose.set('debug', false);
  }
});
