import { isIPv4, isIPv6 } from 'node:net';
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { normalizeEmail } from './model.ts';

// Failed log-ins and password-reset requests, counted per key (account, client
// address) over a sliding window: a key is limited while it has `limit` failures
// younger than `windowMs`. They live in the database so a restart or a second app
// instance does not reset them; a job purges the expired ones (no TTL indexes:
// portable Mongo rule).
//
// Every failure is its own inserted record. Counting by `$inc` on one record
// would lose failures on FerretDB 1.24: it runs an update as a read, a change in
// Go and a write by _id, with nothing between them, so concurrent increments
// overwrite each other (20 parallel $inc there count 2 to 5). Inserts are the
// one write both databases apply atomically (docs/decisions/002).

const rateLimitCounterSchema = new Schema(
  {
    key: { type: String, required: true },
    /** When the failure happened. */
    at: { type: Date, required: true },
    /** When it stops counting: after it the record means nothing and may be purged. */
    expiresAt: { type: Date, required: true },
    /** The attempt that wrote it, so a successful one can take its records back. */
    attempt: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);

// rateLimitStatus: a key's failures in the window, oldest first.
rateLimitCounterSchema.index({ key: 1, at: 1 });
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
  /** Seconds until the key may try again (at least 1); 0 when not limited. */
  retryAfterSeconds: number;
}

const distinct = (keys: string[]) => [...new Set(keys.filter((k) => k.length > 0))];

/** Limited when any key has `limit` failures in the last `windowMs`. */
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
  // No upper bound on `at`: a concurrent attempt that stamped its failure a
  // moment after our `now` must still count against us (see reserveAttempt).
  const failures = await RateLimitCounter.find(
    { key: { $in: wanted }, at: { $gt: new Date(now.getTime() - windowMs) } },
    { key: 1, at: 1 },
  )
    .sort({ at: 1 })
    .lean();
  let retryAt = 0;
  for (const key of wanted) {
    const times = failures.filter((f) => f.key === key).map((f) => f.at.getTime());
    // Below the limit again once all but limit-1 of them have aged out.
    if (times.length >= limit) retryAt = Math.max(retryAt, times[times.length - limit]! + windowMs);
  }
  if (!retryAt) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

/** Counts one failure for each key, exactly once however many arrive at the same moment. */
export async function recordFailure(
  keys: string[],
  { windowMs = RATE_LIMIT_DEFAULTS.windowMs, now = new Date() }: Omit<RateLimitOptions, 'limit'> = {},
): Promise<mongoose.Types.ObjectId> {
  const attempt = new mongoose.Types.ObjectId();
  const wanted = distinct(keys);
  if (wanted.length === 0) return attempt;
  const expiresAt = new Date(now.getTime() + windowMs);
  await RateLimitCounter.insertMany(wanted.map((key) => ({ key, at: now, expiresAt, attempt })));
  return attempt;
}

export interface ReservedAttempt extends RateLimitStatus {
  /** The attempt succeeded: it no longer counts as a failure. */
  release(): Promise<void>;
}

/**
 * Counts an attempt as a failure before it is checked, then asks whether it is
 * over the limit. Concurrent guesses therefore cannot all pass a check made
 * before any of them failed: at most `limit` attempts per window proceed,
 * however many arrive at once. A successful attempt is released afterwards.
 */
export async function reserveAttempt(
  keys: string[],
  {
    limit = RATE_LIMIT_DEFAULTS.limit,
    windowMs = RATE_LIMIT_DEFAULTS.windowMs,
    now = new Date(),
  }: RateLimitOptions = {},
): Promise<ReservedAttempt> {
  const attempt = await recordFailure(keys, { windowMs, now });
  // Ours is counted already: over the limit means more than `limit`.
  const status = await rateLimitStatus(keys, { limit: limit + 1, windowMs, now });
  return { ...status, release: async () => void (await RateLimitCounter.deleteMany({ attempt })) };
}

/** Forgets the failures of these keys (after a successful log-in, for the account key). */
export async function clearFailures(keys: string[]): Promise<void> {
  const wanted = distinct(keys);
  if (wanted.length) await RateLimitCounter.deleteMany({ key: { $in: wanted } });
}

/** Deletes the failures that no longer count; returns how many. Run by a job. */
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
