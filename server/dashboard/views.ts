import { createHash, randomBytes } from 'node:crypto';
import { isbot } from 'isbot';
import mongoose from 'mongoose';
import { clientAddress } from '../auth/rate-limit.ts';
import { can, type Actor } from '../auth/permissions.ts';
import { isDuplicateKeyError } from '../db/insert-once.ts';
import { dtoResourceOf } from '../listings/index.ts';
import { logger } from '../logger.ts';
import { PUBLIC_LISTING_STATUSES, type ListingStatus } from '../vocabulary.ts';
import { chinaDay, dayBefore } from './days.ts';
import { recordFunnelEvent } from './funnel.ts';

// A listing's views count people, not requests: one view per visitor, listing
// and (China) day. The first view of the day is decided by a claim, an insert
// under `listingId:visitor` that a unique `_id` admits once however many
// requests race (decision 003); only the winner adds to the funnel.
//
// A visitor is the signed-in user, else a hash of the client's address and
// User-Agent with the day's salt: a random value stored with that day's claims
// and deleted with them, so no raw address is stored and, once a day is purged,
// nobody (not even we) can tell which address a hash stood for.
//
// Each day's claims are a collection of their own, dropped whole two days later.
// Measured on FerretDB 1.24: a range delete on `_id` (`{ _id: { $lt: day } }`)
// works but scans the whole collection, about 35 µs per claim while holding the
// embedded database's write lock (0.7 s for 20,000 claims); dropping a day's
// collection takes a few milliseconds whatever it holds.

const PREFIX = 'listing_view_claims_';
/** The claims (and salt) of one China day: `listing_view_claims_20261124`. */
const collectionOf = (day: string) =>
  mongoose.connection.collection<{ _id: string; at?: Date; salt?: string }>(PREFIX + day.replaceAll('-', ''));
/** Listing ids are hex, so no claim can take this `_id`. */
const SALT_ID = '~salt';

const salts = new Map<string, string>();

/** The day's salt: created by the first view of the day (an insert, so every app instance agrees), then cached. */
async function saltOf(day: string): Promise<string> {
  const cached = salts.get(day);
  if (cached) return cached;
  const claims = collectionOf(day);
  try {
    await claims.insertOne({ _id: SALT_ID, salt: randomBytes(32).toString('base64url') });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const salt = (await claims.findOne({ _id: SALT_ID }))?.salt;
  if (!salt) throw new Error(`view salt of ${day} missing`);
  salts.clear(); // only today's is ever needed again
  salts.set(day, salt);
  return salt;
}

export interface ListingView {
  /** The listing as the page loaded it (what the actor may see). */
  listing: { id: string; status: ListingStatus; organization: { id: string } | null };
  actor: Actor;
  request: Request;
  /** The client's address as the server saw it (the load context's `clientIp`). */
  clientIp: string;
}

const PREFETCH_HEADERS = ['purpose', 'sec-purpose', 'x-purpose', 'x-moz'];

/** Why a request is not a person looking at the page, or null when it is. */
function notAView({ listing, actor, request }: ListingView): string | null {
  if (request.method !== 'GET') return 'method'; // HEAD: a link checker
  if (PREFETCH_HEADERS.some((h) => /prefetch|prerender|preview/i.test(request.headers.get(h) ?? ''))) {
    return 'prefetch';
  }
  // Browsers always send a User-Agent; scripts that send none are not people either.
  const userAgent = request.headers.get('user-agent') ?? '';
  if (!userAgent || isbot(userAgent)) return 'bot';
  if (!PUBLIC_LISTING_STATUSES.includes(listing.status)) return 'unpublished';
  // The owner's own members and the operators looking at it say nothing about interest.
  if (
    can(actor, { action: 'listing:manage', listing: dtoResourceOf(listing) }) ||
    can(actor, { action: 'listing:review' })
  ) {
    return 'insider';
  }
  return null;
}

async function visitorOf({ actor, request, clientIp }: ListingView, day: string): Promise<string> {
  if (actor) return `u:${actor.userId}`;
  const address = clientAddress(clientIp || 'unknown');
  const hash = createHash('sha256')
    .update(`${await saltOf(day)}\n${address}\n${request.headers.get('user-agent') ?? ''}`)
    .digest('base64url');
  return `a:${hash.slice(0, 22)}`;
}

/**
 * Counts a view of a listing page, at most once per visitor, listing and day;
 * true when this request was that first view. Never throws: a failure to count
 * must not fail the page (it is logged). Call it from the page's loader.
 */
export async function countListingView(view: ListingView, now: Date = new Date()): Promise<boolean> {
  if (notAView(view)) return false;
  try {
    const day = chinaDay(now);
    const claim = `${view.listing.id}:${await visitorOf(view, day)}`;
    try {
      await collectionOf(day).insertOne({ _id: claim, at: now });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false; // seen today already
      throw error;
    }
    await recordFunnelEvent(view.listing.id, 'views', now);
    return true;
  } catch (error) {
    logger.warn({ err: error, listing: view.listing.id }, 'listing view not counted');
    return false;
  }
}

/** Drops the claims (and salts) of days older than yesterday's yesterday; returns the days dropped. Run by a job. */
export async function purgeViewClaims(now: Date = new Date()): Promise<string[]> {
  const cutoff = PREFIX + dayBefore(2, now).replaceAll('-', '');
  const names = (await mongoose.connection.db!.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => /^listing_view_claims_\d{8}$/.test(name) && name < cutoff);
  for (const name of names) await mongoose.connection.dropCollection(name);
  salts.clear();
  return names;
}
