import mongoose, { Schema } from 'mongoose';
import { isDuplicateKeyError } from '../db/insert-once.ts';
// The feed from its own file, as for the NDA feed in index.ts: safe whatever loads first.
import { onListingChanged } from '../listings/changes.ts';
import { Listing, type ListingDoc } from '../listings/index.ts';
// Which statuses the search index holds: the dashboard reads those listings from it.
import { INDEXED_STATUSES } from '../search/document.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { ListingStatus } from '../vocabulary.ts';

// An organization's listings that the search index does not hold (drafts,
// submitted, withdrawn, closed), for its dashboard. Finding them in the
// listings collection by organization would scan every listing on FerretDB
// 1.24 (30–40 s at 100k), so each organization keeps a copy: one document,
// `_id` the organization's id, with an entry per listing under its id, written
// from the listings change feed like the search index.
//
// Entries are written guarded by the listing's `updatedAt`, so a late write of
// an older state never replaces a newer one, on one app instance or several.
// A listing that enters the index leaves a tombstone (its indexed status) that
// the dashboard skips and the reconciliation job removes a day later; deleting
// the entry at once would let a late older write bring it back.

export interface RosterEntry {
  status: ListingStatus;
  title: Bilingual;
  updatedAt: Date;
}

interface RosterDoc {
  _id: string;
  listings: Record<string, RosterEntry>;
}

const rosterSchema = new Schema(
  {
    /** The organization's id. */
    _id: { type: String, required: true },
    /** `{ [listingId]: RosterEntry }`. */
    listings: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export const ListingRoster = mongoose.model<RosterDoc>('ListingRoster', rosterSchema, 'organization_listing_rosters');

const isIndexed = (status: ListingStatus) => INDEXED_STATUSES.includes(status);
const TOMBSTONE_MS = 24 * 3600_000;

async function ensureRoster(organizationId: string): Promise<void> {
  try {
    await ListingRoster.insertMany([{ _id: organizationId, listings: {} }]);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

type RosterListing = Pick<ListingDoc, '_id' | 'organization' | 'status' | 'title' | 'updatedAt'>;

async function writeEntry(listing: RosterListing): Promise<void> {
  const organizationId = String(listing.organization);
  const path = `listings.${String(listing._id)}`;
  await ensureRoster(organizationId);
  await ListingRoster.updateOne(
    {
      _id: organizationId,
      $or: [{ [path]: { $exists: false } }, { [`${path}.updatedAt`]: { $lte: listing.updatedAt } }],
    },
    {
      $set: {
        [path]: {
          status: listing.status,
          title: { zh: listing.title?.zh ?? '', en: listing.title?.en ?? '' },
          updatedAt: listing.updatedAt,
        },
      },
    },
  );
}

/** Brings one listing's entry in line with the database (the change feed calls it after every listing write). */
export async function syncRosterEntry(id: string): Promise<void> {
  if (!mongoose.isValidObjectId(id)) return;
  const listing = await Listing.findById(id).lean<ListingDoc>();
  if (listing) await writeEntry(listing);
}

onListingChanged(syncRosterEntry);

/** The organization's listings outside the index, newest change first (one `_id` read). */
export async function rosterOf(organizationId: string): Promise<(RosterEntry & { id: string })[]> {
  const roster = await ListingRoster.findById(organizationId).lean<RosterDoc>();
  return Object.entries(roster?.listings ?? {})
    .filter(([, entry]) => !isIndexed(entry.status))
    .map(([id, entry]) => ({ id, ...entry }))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
}

/**
 * Repairs the copies (a crash between a listing's write and its feed, listings
 * written before this module existed) and removes day-old tombstones. Reads
 * every listing outside the index once: a scan of the listings collection on
 * FerretDB, so a daily background job, never a request.
 */
export async function reconcileRosters(now: Date = new Date()): Promise<{ written: number; removed: number }> {
  const outside = await Listing.find(
    { status: { $nin: INDEXED_STATUSES } },
    { organization: 1, status: 1, title: 1, updatedAt: 1 },
  ).lean<RosterListing[]>();
  const seen = new Map(outside.map((l) => [String(l._id), l]));
  let written = 0;
  let removed = 0;
  for await (const roster of ListingRoster.find().lean<RosterDoc[]>().cursor()) {
    for (const [id, entry] of Object.entries(roster.listings ?? {})) {
      const listing = seen.get(id);
      seen.delete(id);
      if (isIndexed(entry.status)) {
        if (now.getTime() - entry.updatedAt.getTime() < TOMBSTONE_MS) continue;
        // Only if no newer write came since it was read.
        const path = `listings.${id}`;
        const { modifiedCount } = await ListingRoster.updateOne(
          { _id: roster._id, [`${path}.updatedAt`]: entry.updatedAt },
          { $unset: { [path]: '' } },
        );
        removed += modifiedCount;
      } else if (!listing || listing.status !== entry.status || listing.updatedAt > entry.updatedAt) {
        await syncRosterEntry(id); // entered the index, or changed without its feed
        written++;
      }
    }
  }
  // Listings outside the index that no roster has yet.
  for (const listing of seen.values()) {
    await writeEntry(listing);
    written++;
  }
  return { written, removed };
}
