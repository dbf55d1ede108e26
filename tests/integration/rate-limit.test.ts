import {
  clearFailures,
  clientAddress,
  purgeExpiredRateLimits,
  RateLimitCounter,
  rateLimitKeys,
  rateLimitStatus,
  recordFailure,
  reserveAttempt,
} from '../../server/auth/rate-limit.ts';
import { registerBuiltinJobs, runJobNow } from '../../server/jobs/index.ts';
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

test('clearing the account key after a successful log-in lifts its limit', async () => {
  const key = freshKey();
  await fail(key, 5);
  await clearFailures([key]);
  expect((await rateLimitStatus([key], { now })).limited).toBe(false);
  expect(await RateLimitCounter.countDocuments({ key })).toBe(0);
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

test('reserved attempts: of 20 arriving at once at most 5 proceed, and a released one stops counting', async () => {
  const keys = ['login:email:burst@example.com'];
  const attempts = await Promise.all(Array.from({ length: 20 }, () => reserveAttempt(keys)));
  // Never more than five; possibly fewer, when every insert lands before any check.
  expect(attempts.filter((a) => !a.limited).length).toBeLessThanOrEqual(5);
  expect((await rateLimitStatus(keys)).limited).toBe(true);

  const other = ['login:email:released@example.com'];
  for (let i = 0; i < 10; i++) {
    const attempt = await reserveAttempt(other);
    expect(attempt.limited).toBe(false);
    await attempt.release();
  }
});
