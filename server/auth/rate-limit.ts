import { isIPv4, isIPv6 } from 'node:net';
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { normalizeEmail } from './model.ts';

// Failed log-ins and password-reset requests, counted per key (account, client
// address) in fixed windows aligned to the epoch. They live in the database so a
// restart or a second app instance does not reset them; a job purges the expired
// ones (no TTL indexes: portable Mongo rule).
//
// Every failure is its own inserted record, and a key's count is the sum over its
// records in the window. Counting by `$inc` on one record per window would lose
// failures on FerretDB 1.24: it runs an update as a read, a change in Go and a
// write by _id, with nothing between them, so concurrent increments overwrite
// each other (20 parallel $inc there count 2 to 5). Inserts are the one write
// both databases apply atomically.

const rateLimitCounterSchema = new Schema(
  {
    key: { type: String, required: true },
    windowStart: { type: Date, required: true },
    /** Failures this record counts (recordFailure writes 1 per failure). */
    count: { type: Number, required: true, min: 1 },
    /** End of the window: after it the record means nothing and may be purged. */
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

// rateLimitStatus: a key's records in the current window.
rateLimitCounterSchema.index({ key: 1, windowStart: 1 });
// purgeExpiredRateLimits.
rateLimitCounterSchema.index({ expiresAt: 1 });

export type RateLimitCounterDoc = InferSchemaType<typeof rateLimitCounterSchema> & { _id: mongoose.Types.ObjectId };

export const RateLimitCounter =
  (mongoose.models.RateLimitCounter as mongoose.Model<InferSchemaType<typeof rateLimitCounterSchema>>) ??
  mongoose.model('RateLimitCounter', rateLimitCounterSchema);

export const RATE_LIMIT_DEFAULTS = { limit: 5, windowMs: 60_000 } as const;

export interface RateLimitOptions {
  /** Failures allowed per window; the next attempt is refused. */
  limit?: number;
  windowMs?: number;
  now?: Date;
}

export interface RateLimitStatus {
  limited: boolean;
  /** Seconds until the blocking window ends (at least 1); 0 when not limited. */
  retryAfterSeconds: number;
}

function currentWindow(now: Date, windowMs: number): { windowStart: Date; windowEnd: Date } {
  if (!Number.isInteger(windowMs) || windowMs < 1_000) throw new RangeError('windowMs must be a whole number ≥ 1000');
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { windowStart: new Date(start), windowEnd: new Date(start + windowMs) };
}

const distinct = (keys: string[]) => [...new Set(keys.filter((k) => k.length > 0))];

/** Limited when any key has reached `limit` failures in the current window. */
export async function rateLimitStatus(
  keys: string[],
  {
    limit = RATE_LIMIT_DEFAULTS.limit,
    windowMs = RATE_LIMIT_DEFAULTS.windowMs,
    now = new Date(),
  }: RateLimitOptions = {},
): Promise<RateLimitStatus> {
  const wanted = distinct(keys);
  if (wanted.length === 0) return { limited: false, retryAfterSeconds: 0 };
  const { windowStart, windowEnd } = currentWindow(now, windowMs);
  const totals = await RateLimitCounter.aggregate<{ _id: string; failures: number }>([
    { $match: { key: { $in: wanted }, windowStart } },
    { $group: { _id: '$key', failures: { $sum: '$count' } } },
  ]);
  if (!totals.some((t) => t.failures >= limit)) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)) };
}

/**
 * Counts one failure for each key in the current window, exactly once even when
 * many requests fail at the same moment: one insert per key (see above for why
 * not `$inc`, and the portable Mongo rule for why not an upsert).
 */
export async function recordFailure(
  keys: string[],
  { windowMs = RATE_LIMIT_DEFAULTS.windowMs, now = new Date() }: Omit<RateLimitOptions, 'limit'> = {},
): Promise<void> {
  const wanted = distinct(keys);
  if (wanted.length === 0) return;
  const { windowStart, windowEnd } = currentWindow(now, windowMs);
  await RateLimitCounter.insertMany(wanted.map((key) => ({ key, windowStart, count: 1, expiresAt: windowEnd })));
}

/** Forgets every window of these keys (after a successful log-in, for the account key). */
export async function clearFailures(keys: string[]): Promise<void> {
  const wanted = distinct(keys);
  if (wanted.length) await RateLimitCounter.deleteMany({ key: { $in: wanted } });
}

/** Deletes the counters whose window has ended; returns how many. Run by a job. */
export async function purgeExpiredRateLimits(now: Date = new Date()): Promise<number> {
  const { deletedCount } = await RateLimitCounter.deleteMany({ expiresAt: { $lte: now } });
  return deletedCount;
}

export type RateLimitScope = 'login' | 'password_reset';

/**
 * The keys one attempt is counted under: the account (lower-cased e-mail) and the
 * client address. IPv4-mapped IPv6 addresses count as their IPv4 address, and an
 * IPv6 client as its /64 network, since one subscriber usually holds a whole /64.
 */
export function rateLimitKeys({ scope, email, ip }: { scope: RateLimitScope; email?: string; ip?: string }): string[] {
  const keys: string[] = [];
  const account = email ? normalizeEmail(email) : '';
  if (account) keys.push(`${scope}:email:${account}`);
  const address = ip ? clientAddress(ip) : '';
  if (address) keys.push(`${scope}:ip:${address}`);
  return keys;
}

/** The address a client is limited by (exported for tests). */
export function clientAddress(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(address) || !isIPv6(address)) return address;
  const groups = expandIPv6(address);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, without leading zeros. */
function expandIPv6(address: string): string[] {
  const toGroups = (part: string): string[] => {
    if (!part) return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [group];
      const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  };
  const [head = '', tail] = address.split('::');
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const zeros = Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
