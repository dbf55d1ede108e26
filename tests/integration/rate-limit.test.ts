import {
  clearFailures,
  clientAddress,
  purgeExpiredRateLimits,
  RateLimitCounter,
  rateLimitKeys,
  rateLimitStatus,
  recordFailure,
} from '../../server/auth/rate-limit.ts';
import { registerBuiltinJobs, runJobNow } from '../../server/jobs/index.ts';
import { useTestDatabase } from '../support/database.ts';

useTestDatabase();

// 12:00:10 UTC: 50 seconds are left in its one-minute window.
const at = (time: string) => new Date(`2026-03-01T${time}Z`);
const now = at('12:00:10');
let n = 0;
const freshKey = () => `login:email:user${++n}@example.com`;

async function failures(key: string, windowStart = at('12:00:00')) {
  const records = await RateLimitCounter.find({ key, windowStart }).lean();
  return records.reduce((sum, r) => sum + r.count, 0);
}

async function fail(key: string, times: number, when = now) {
  for (let i = 0; i < times; i++) await recordFailure([key], { now: when });
}

test('five failures within a minute limit the key until its window ends', async () => {
  const key = freshKey();
  await fail(key, 5);
  const status = await rateLimitStatus([key], { now });
  expect(status.limited).toBe(true);
  expect(status.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  expect(status.retryAfterSeconds).toBeLessThanOrEqual(60);
  expect(status.retryAfterSeconds).toBe(50);
});

test('retry-after is at least one second, even in the last millisecond of a window', async () => {
  const key = freshKey();
  const last = new Date(at('12:00:59').getTime() + 999);
  await fail(key, 5, last);
  expect(await rateLimitStatus([key], { now: last })).toEqual({ limited: true, retryAfterSeconds: 1 });
});

test('four failures do not limit', async () => {
  const key = freshKey();
  await fail(key, 4);
  expect(await rateLimitStatus([key], { now })).toEqual({ limited: false, retryAfterSeconds: 0 });
});

test('a new window starts counting from zero', async () => {
  const key = freshKey();
  await fail(key, 5);
  expect((await rateLimitStatus([key], { now: at('12:00:59') })).limited).toBe(true);
  expect((await rateLimitStatus([key], { now: at('12:01:00') })).limited).toBe(false);
  await fail(key, 4, at('12:01:30'));
  expect((await rateLimitStatus([key], { now: at('12:01:30') })).limited).toBe(false);
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

test('the purge removes ended windows only', async () => {
  const key = freshKey();
  await fail(key, 2, at('11:58:30'));
  await fail(key, 1, at('11:59:30'));
  await fail(key, 3, now);
  expect(await purgeExpiredRateLimits(now)).toBeGreaterThanOrEqual(3);
  const left = await RateLimitCounter.find({ key }).lean();
  expect(left.map((c) => c.windowStart.toISOString())).toEqual(Array(3).fill('2026-03-01T12:00:00.000Z'));
  expect((await rateLimitStatus([key], { now, limit: 3 })).limited).toBe(true);
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
