import mongoose from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { forbidden } from '../errors.ts';
import { sharedWalk, walkLedger, type Checked, type StoredEntry } from '../ledger/index.ts';
import { Listing } from '../listings/index.ts';
import { tallyStats, type ListingFacts, type Stats } from './figures.ts';

// /stats and GET /api/v1/stats: the ledger walked like verify walks it (by
// slot `_id`), each listing looked up by its `_id` for its kind and category,
// the answer shared and reused for a minute (never a scan of a big collection).

export type StatsDto = Checked<Stats>;

/** Look-ups in flight at once, as the walk does. */
const WINDOW = 32;

async function listingFacts(ids: string[]): Promise<Map<string, ListingFacts>> {
  const facts = new Map<string, ListingFacts>();
  for (let start = 0; start < ids.length; start += WINDOW) {
    const window = ids.slice(start, start + WINDOW);
    const found = await Promise.all(
      window.map((id) =>
        mongoose.isValidObjectId(id) ? Listing.findById(id).select('kind category').lean<ListingFacts>() : null,
      ),
    );
    found.forEach((listing, i) => {
      if (listing) facts.set(window[i]!, { kind: listing.kind, category: listing.category });
    });
  }
  return facts;
}

async function computeStats(): Promise<Stats> {
  const entries: StoredEntry[] = [];
  // A gap ends the walk: the figures count the entries before it (verify names it).
  await walkLedger((entry) => {
    entries.push(entry);
  });
  const listings = await listingFacts([...new Set(entries.map((entry) => entry.listing.id))]);
  return tallyStats(entries, listings);
}

const sharedStats = sharedWalk(computeStats);

/** The exchange's figures (public), computed at most once a minute; `checkedAt` says when. */
export async function getStats(actor: Actor): Promise<StatsDto> {
  // The figures are read from the public record, so whoever may read the record may read them.
  if (!can(actor, { action: 'ledger:view' })) throw forbidden();
  return sharedStats.get();
}

/** Forgets the last answer, so the next request walks the ledger again (tests). */
export function forgetStats(): void {
  sharedStats.forget();
}
