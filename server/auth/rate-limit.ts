import { setTimeout as sleep } from 'node:timers/promises';
import { isIPv4, isIPv6 } from 'node:net';
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { isDuplicateKeyError } from '../db/insert-once.ts';
import { normalizeEmail } from './model.ts';

// Attempts (failed log-ins, sign-ups, password-reset requests), counted per key
// (an account, a client address, the pair of both…) over a sliding window: a key
// is limited while it has `limit` attempts younger than `windowMs`. They live in
// the database so a restart or a second app instance does not reset them; a job
// purges the expired ones (no TTL indexes: portable Mongo rule).
//
// Every attempt is its own inserted record rather than a `$inc` on one counter:
// a sliding window needs each attempt's time, and the unique `_id` below decides
// races by the rule for at-most-once work (docs/decisions/003).
//
// An attempt is recorded before it is checked, and under a limiting key it takes
// a number: the records of one key are numbered 1, 2, 3…, and a record's _id is
// `key#number`, so the unique _id gives each number to exactly one attempt
// however many race. A number is only taken once every lower one exists, so an
// attempt that counts the unreleased records numbered below its own sees every
// attempt that came before it and none that came after: of a burst of parallel
// attempts exactly as many proceed as the limit has room for — never more, and
// never none. (Counting every record present, as before, kept "never more" but
// refused a whole burst whose inserts all landed before any check.) Records are
// never deleted while they may count: a success or a refused attempt is marked
// released, so no number is handed out twice within a window.

const rateLimitCounterSchema = new Schema(
  {
    /** `key#number` under a limiting key, `key#<random>` under a counted-only one. */
    _id: { type: String, required: true },
    key: { type: String, required: true },
    /** The attempt's place among the key's records (limiting keys only). */
    seq: { type: Number },
    /** When the attempt happened. */
    at: { type: Date, required: true },
    /** When it stops counting: after it the record means nothing and may be purged. */
    expiresAt: { type: Date, required: true },
    /** The attempt that wrote it (one record per key), so it can be released. */
    attempt: { type: Schema.Types.ObjectId, required: true },
    /** It no longer counts: the attempt succeeded, or was refused without being checked. */
    released: { type: Boolean, default: false },
  },
  { versionKey: false },
);

// rateLimitStatus / reserveAttempt: a key's attempts in the window.
rateLimitCounterSchema.index({ key: 1, at: 1 });
// highestNumbers: the numbers taken under a key.
rateLimitCounterSchema.index({ key: 1, seq: -1 });
// purgeExpiredRateLimits.
rateLimitCounterSchema.index({ expiresAt: 1 });

export type RateLimitCounterDoc = InferSchemaType<typeof rateLimitCounterSchema>;

export const RateLimitCounter = mongoose.model('RateLimitCounter', rateLimitCounterSchema);

export const RATE_LIMIT_DEFAULTS = { limit: 5, windowMs: 60_000 } as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Log-in, after OWASP's Authentication Cheat Sheet ("account lockout"): a limit
 * that anyone who knows an e-mail address could trip would lock its owner out,
 * and one per client address alone would lock out a whole institute behind one
 * NAT for one person's typos. So, over 15 minutes:
 * - per account and address (`perPair`): the 5th failure limits that pair only,
 *   429 with Retry-After; a success forgives the pair its failures;
 * - per address across accounts (`perAddress`): 100 failures, a spray no one's
 *   typos come near, limit the address;
 * - per account across addresses: never refused, only slowed. From the 10th
 *   failure (`slowAfter`: one person's typos from two devices stay under it) a
 *   log-in of that account waits 250 ms, doubling per further failure up to 3 s,
 *   before its password is checked. The owner, from their own address and with
 *   their password, therefore always gets in, at worst 3 s later. The delay holds
 *   back a guesser who waits for each answer, not one who sends in parallel: a
 *   distributed attack is bounded by the pair and address limits (5 guesses per
 *   address per account, 100 per address in all, per 15 minutes) and the
 *   password policy, and shows in the log (see `login` in service.ts).
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * MINUTE,
  perPair: 5,
  perAddress: 100,
  slowAfter: 10,
  firstDelayMs: 250,
  maxDelayMs: 3_000,
} as const;

/**
 * Sign-up, per client address and hour: 20 new accounts (an institute's staff
 * joining together through invitations stays under it; a script filling the
 * database does not), and 20 "already registered" answers (409), which tell
 * whether an address has an account: no faster enumeration than that. Every
 * sign-up is checked against both, since no one knows beforehand which it is.
 */
export const SIGNUP_LIMITS = { windowMs: HOUR, created: 20, taken: 20 } as const;

export interface RateLimitRule {
  key: string;
  /** Attempts allowed in the window; the next is refused. `Infinity`: counted, never refused. */
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** For keys given as strings: attempts allowed per window; the next is refused. */
  limit?: number;
  /** For keys given as strings. */
  windowMs?: number;
  now?: Date;
}

export interface RateLimitStatus {
  limited: boolean;
  /** Seconds until the key may try again (at least 1); 0 when not limited. */
  retryAfterSeconds: number;
}

type KeyOrRule = string | RateLimitRule;

/** Distinct rules (the first wins), strings taking the options' limit and window. */
function toRules(
  keys: KeyOrRule[],
  { limit = RATE_LIMIT_DEFAULTS.limit, windowMs = RATE_LIMIT_DEFAULTS.windowMs }: RateLimitOptions,
): RateLimitRule[] {
  const rules = new Map<string, RateLimitRule>();
  for (const k of keys) {
    const rule = typeof k === 'string' ? { key: k, limit, windowMs } : k;
    if (rule.key && !rules.has(rule.key)) rules.set(rule.key, rule);
  }
  return [...rules.values()];
}

interface Counted {
  key: string;
  seq?: number | null;
  at: Date;
  attempt: mongoose.Types.ObjectId;
}

/** The unreleased records of these keys young enough to count for any of them. */
async function countedRecords(rules: RateLimitRule[], now: Date): Promise<Counted[]> {
  const longest = Math.max(...rules.map((r) => r.windowMs));
  // No upper bound on `at`: a concurrent attempt that stamped its record a
  // moment after our `now` must still count.
  return RateLimitCounter.find(
    { key: { $in: rules.map((r) => r.key) }, at: { $gt: new Date(now.getTime() - longest) }, released: { $ne: true } },
    { key: 1, seq: 1, at: 1, attempt: 1 },
  ).lean<Counted[]>();
}

/** Refused while `times` (the counted attempts, any order) fill the limit: until when. */
function retryAt(times: number[], rule: RateLimitRule): number {
  if (times.length < rule.limit) return 0;
  const sorted = [...times].sort((a, b) => a - b);
  // Below the limit again once all but limit-1 of them have aged out.
  return sorted[sorted.length - rule.limit]! + rule.windowMs;
}

function status(retryAtMs: number, now: Date): RateLimitStatus {
  if (!retryAtMs) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((retryAtMs - now.getTime()) / 1000)) };
}

/** Limited when any key has `limit` attempts in its window (as a new attempt would be now). */
export async function rateLimitStatus(keys: KeyOrRule[], options: RateLimitOptions = {}): Promise<RateLimitStatus> {
  const now = options.now ?? new Date();
  const rules = toRules(keys, options);
  if (rules.length === 0) return status(0, now);
  const records = await countedRecords(rules, now);
  let until = 0;
  for (const rule of rules) {
    const since = now.getTime() - rule.windowMs;
    const times = records.filter((r) => r.key === rule.key && r.at.getTime() > since).map((r) => r.at.getTime());
    until = Math.max(until, retryAt(times, rule));
  }
  return status(until, now);
}

/** A key's numbers are taken under contention by retrying; past this many losses the attempt is refused. */
const MAX_LOST_CLAIMS = 20;

/** Each key's highest number so far (0 for none), in one query. */
async function highestNumbers(keys: string[]): Promise<Map<string, number>> {
  const numbered = await RateLimitCounter.find(
    { key: { $in: keys }, seq: { $exists: true } },
    { key: 1, seq: 1 },
  ).lean();
  const highest = new Map(keys.map((k) => [k, 0]));
  for (const r of numbered) highest.set(r.key, Math.max(highest.get(r.key) ?? 0, r.seq ?? 0));
  return highest;
}

/**
 * Inserts the attempt's record under a limiting key with the next free number,
 * starting from `first`; null after `maxLost` lost races (a flood at one key:
 * refusing it keeps the work a flood costs bounded).
 */
async function claimNumber(
  rule: RateLimitRule,
  first: number,
  attempt: mongoose.Types.ObjectId,
  now: Date,
  maxLost = MAX_LOST_CLAIMS,
): Promise<number | null> {
  const expiresAt = new Date(now.getTime() + rule.windowMs);
  let seq = first;
  for (let lost = 0; ; lost++) {
    try {
      await RateLimitCounter.insertMany([
        { _id: `${rule.key}#${seq}`, key: rule.key, seq, at: now, expiresAt, attempt },
      ]);
      return seq;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      if (lost + 1 >= maxLost) return null;
    }
    // Someone else took it: spread the retries of a burst a little, then try the
    // next number (an insert by _id, cheap; now and then re-read the highest).
    await sleep(Math.random() * 2 * Math.min(lost + 1, 10));
    seq =
      (lost + 1) % 5 === 0 ? Math.max(seq + 1, ((await highestNumbers([rule.key])).get(rule.key) ?? 0) + 1) : seq + 1;
  }
}

/** Takes the next free number under each limiting rule; null where the attempt lost too many races. */
async function claimNumbers(
  rules: RateLimitRule[],
  attempt: mongoose.Types.ObjectId,
  now: Date,
  maxLost = MAX_LOST_CLAIMS,
): Promise<(number | null)[]> {
  const highest = await highestNumbers(rules.map((r) => r.key));
  return Promise.all(rules.map((rule) => claimNumber(rule, (highest.get(rule.key) ?? 0) + 1, attempt, now, maxLost)));
}

async function insertCounted(rule: RateLimitRule, attempt: mongoose.Types.ObjectId, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + rule.windowMs);
  await RateLimitCounter.insertMany([
    { _id: `${rule.key}#${String(new mongoose.Types.ObjectId())}`, key: rule.key, at: now, expiresAt, attempt },
  ]);
}

/** Counts one attempt under each key (numbered), exactly once however many arrive at the same moment. */
export async function recordFailure(
  keys: KeyOrRule[],
  options: Omit<RateLimitOptions, 'limit'> = {},
): Promise<mongoose.Types.ObjectId> {
  const now = options.now ?? new Date();
  const attempt = new mongoose.Types.ObjectId();
  await claimNumbers(toRules(keys, options), attempt, now, Infinity);
  return attempt;
}

export interface ReservedAttempt extends RateLimitStatus {
  /** Per key, the counted attempts before this one in its window (this one not included). */
  counts: Record<string, number>;
  /** This attempt stops counting, under every key or only under those given. */
  release(keys?: string[]): Promise<void>;
}

/**
 * Counts an attempt before it is checked, then asks whether it is over a limit:
 * concurrent attempts cannot all pass a check made before any of them failed, so
 * at most `limit` per window proceed (exactly that many of a burst), however many
 * arrive at once. A refused attempt is released at once: it was not checked, so
 * it costs no other key anything (hammering one limited pair does not push the
 * address towards its ceiling). The caller releases a successful one.
 */
export async function reserveAttempt(keys: KeyOrRule[], options: RateLimitOptions = {}): Promise<ReservedAttempt> {
  const now = options.now ?? new Date();
  const rules = toRules(keys, options);
  const attempt = new mongoose.Types.ObjectId();
  const release = async (only?: string[]) => {
    const filter = only ? { attempt, key: { $in: only } } : { attempt };
    await RateLimitCounter.updateMany(filter, { $set: { released: true } });
  };
  const counts: Record<string, number> = {};
  if (rules.length === 0) return { ...status(0, now), counts, release };

  const limiting = rules.filter((r) => Number.isFinite(r.limit));
  const [claimed] = await Promise.all([
    claimNumbers(limiting, attempt, now),
    ...rules.filter((r) => !Number.isFinite(r.limit)).map((rule) => insertCounted(rule, attempt, now)),
  ]);
  // Under each rule its number, or 0 when it is counted only.
  const numbers = rules.map((r) => (Number.isFinite(r.limit) ? (claimed[limiting.indexOf(r)] as number | null) : 0));
  if (numbers.includes(null)) {
    await release();
    return { limited: true, retryAfterSeconds: 1, counts, release };
  }

  const records = await countedRecords(rules, now);
  let until = 0;
  rules.forEach((rule, i) => {
    const mine = numbers[i]!;
    const since = now.getTime() - rule.windowMs;
    const before = records.filter(
      (r) =>
        r.key === rule.key &&
        r.at.getTime() > since &&
        !r.attempt.equals(attempt) &&
        // Under a limiting key only the attempts numbered before ours.
        (!mine || (typeof r.seq === 'number' && r.seq < mine)),
    );
    counts[rule.key] = before.length;
    const times = before.map((r) => r.at.getTime());
    until = Math.max(until, retryAt(times, rule));
  });
  if (until) await release();
  return { ...status(until, now), counts, release };
}

/** Forgets the attempts of these keys (after a successful log-in, its pair's). */
export async function clearFailures(keys: string[]): Promise<void> {
  const wanted = [...new Set(keys.filter((k) => k.length > 0))];
  if (wanted.length) await RateLimitCounter.updateMany({ key: { $in: wanted } }, { $set: { released: true } });
}

/** Deletes the records that no longer count; returns how many. Run by a job. */
export async function purgeExpiredRateLimits(now: Date = new Date()): Promise<number> {
  const { deletedCount } = await RateLimitCounter.deleteMany({ expiresAt: { $lte: now } });
  return deletedCount;
}

export type RateLimitScope = 'login' | 'password_reset';

/**
 * The keys a password-reset request is counted under: the account (lower-cased
 * e-mail) and the client address. IPv4-mapped IPv6 addresses count as their IPv4
 * address, and an IPv6 client as its /64 network, since one subscriber usually
 * holds a whole /64.
 */
export function rateLimitKeys({ scope, email, ip }: { scope: RateLimitScope; email?: string; ip?: string }): string[] {
  const keys: string[] = [];
  const account = email ? normalizeEmail(email) : '';
  if (account) keys.push(`${scope}:email:${account}`);
  const address = ip ? clientAddress(ip) : '';
  if (address) keys.push(`${scope}:ip:${address}`);
  return keys;
}

/** Clients whose address is not known share one, as if behind one NAT. */
const addressOf = (ip: string | undefined) => (ip ? clientAddress(ip) : '') || 'unknown';

/** What a log-in attempt is counted under (LOGIN_LIMITS). */
export function loginRules(
  email: string,
  ip: string | undefined,
): { pair: RateLimitRule; address: RateLimitRule; account: RateLimitRule } {
  const account = normalizeEmail(email);
  const address = addressOf(ip);
  const { windowMs } = LOGIN_LIMITS;
  return {
    pair: { key: `login:pair:${account}|${address}`, limit: LOGIN_LIMITS.perPair, windowMs },
    address: { key: `login:ip:${address}`, limit: LOGIN_LIMITS.perAddress, windowMs },
    account: { key: `login:email:${account}`, limit: Infinity, windowMs },
  };
}

/** How long a log-in waits before its password is checked, after `failures` against its account. */
export function loginDelayMs(failures: number): number {
  const { slowAfter, firstDelayMs, maxDelayMs } = LOGIN_LIMITS;
  if (failures < slowAfter) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - slowAfter, 30));
}

/** What a sign-up is counted under (SIGNUP_LIMITS): accounts created and "already registered" answers. */
export function signupRules(ip: string | undefined): { created: RateLimitRule; taken: RateLimitRule } {
  const address = addressOf(ip);
  const { windowMs } = SIGNUP_LIMITS;
  return {
    created: { key: `signup:ip:${address}`, limit: SIGNUP_LIMITS.created, windowMs },
    taken: { key: `signup_taken:ip:${address}`, limit: SIGNUP_LIMITS.taken, windowMs },
  };
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
