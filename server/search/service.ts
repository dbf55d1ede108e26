import path from 'node:path';
import { can, type Actor } from '../auth/permissions.ts';
import { config } from '../config.ts';
import { forbidden } from '../errors.ts';
import { Listing, onListingChanged, type ListingDoc } from '../listings/index.ts';
import { logger } from '../logger.ts';
import { memberCounts, onOrganizationChanged, Organization, type OrganizationDoc } from '../orgs/index.ts';
import { INDEXED_STATUSES, toSearchDocument, type SearchDocument } from './document.ts';
import { EmbeddedEngine } from './embedded/engine.ts';
import { EngineUnavailableError, type EngineQuery, type EngineStatus, type SearchEngine } from './engine.ts';
import { toListingHit, type ListingHit } from './hits.ts';
import { MeilisearchEngine } from './meilisearch.ts';
import { normalizePatentNumbers } from './patent-keys.ts';
import { FACET_FIELDS, searchQuery, type FacetField, type SearchQuery } from './schemas.ts';

// The search module's use cases. The database stays the source of truth; the
// engine (embedded or Meilisearch, chosen once from the configuration) holds
// what browsing reads. Every listing write calls syncListing before it answers.

let current: SearchEngine | undefined;
/** Whether the index is known complete: false while a first build runs after a start without a snapshot. */
let complete = false;
/** Moves on whenever what search answers may have changed (caches of its answers compare it). */
let generation = 0;
export const searchGeneration = () => generation;
/** Listings whose index update failed while the engine was down; replayed by a job. */
const pending = new Set<string>();

/** The engine the configuration asks for: Meilisearch when MEILI_HOST is set, else the embedded one. */
export function engineFromConfig(): SearchEngine {
  const { MEILI_HOST, MEILI_API_KEY, MEILI_INDEX, DATA_DIR } = config();
  if (MEILI_HOST) return new MeilisearchEngine({ host: MEILI_HOST, apiKey: MEILI_API_KEY, indexUid: MEILI_INDEX });
  return new EmbeddedEngine({ snapshotPath: path.join(DATA_DIR, 'search', 'listings.snapshot') });
}

/**
 * Opens the engine. An empty index while the database has listings to show
 * counts as incomplete (pages say "warming up") until reconcile() has filled
 * it; start-up runs that in the background.
 */
export async function openSearch(engine: SearchEngine): Promise<void> {
  current = engine;
  generation++;
  pending.clear();
  await engine.open().catch((error: unknown) => {
    if (!(error instanceof EngineUnavailableError)) throw error;
    logger.error(
      { reason: error.message },
      'search engine unavailable at start-up; pages will say so until it returns',
    );
  });
  const indexed = await engine
    .versions()
    .then((v) => v.size)
    .catch(() => 1);
  // exists() stops at the first match, so this reads little unless there is nothing to show.
  complete = indexed > 0 || !(await Listing.exists({ status: { $in: INDEXED_STATUSES } }));
}

export async function closeSearch(): Promise<void> {
  await current?.close();
  current = undefined;
}

function engine(): SearchEngine {
  if (!current) throw new Error('search is not open (openSearch first)');
  return current;
}

/** No words, no filters: the newest first. */
const emptyQuery = (): SearchQuery => searchQuery.parse({});

export interface SearchPage {
  hits: ListingHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: Partial<Record<FacetField, Record<string, number>>>;
  tookMs: number;
  /** Set when the answer is not the full truth: the index is still being built, or the engine is down. */
  notice?: 'warming' | 'unavailable';
}

/** What the engine is asked for a search query (exported for the benchmark, which calls engines directly). */
export function engineQuery(query: SearchQuery, facets: readonly FacetField[]): EngineQuery {
  const minor = (yuan: number | undefined) => (yuan === undefined ? undefined : Math.round(yuan * 100));
  return {
    text: normalizePatentNumbers(query.q),
    filters: {
      kind: query.kind,
      category: query.category,
      nmpaClass: query.nmpaClass,
      stage: query.stage,
      dealType: query.dealType,
      orgKind: query.orgKind,
      region: query.region,
      patentStatus: query.patentStatus,
      organization: query.organization,
      trlMin: query.trlMin,
      trlMax: query.trlMax,
      priceMin: minor(query.priceMin),
      priceMax: minor(query.priceMax),
      openLicense: query.openLicense,
      auctionOpen: query.auctionOpen,
    },
    sort: query.sort,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    facets,
    now: Date.now(),
  };
}

/** Published listings matching the query, one page, with facet counts. */
export async function searchListings(
  actor: Actor,
  query: SearchQuery,
  { facets = FACET_FIELDS }: { facets?: readonly FacetField[] } = {},
): Promise<SearchPage> {
  if (!can(actor, { action: 'listing:search' })) throw forbidden();
  const started = performance.now();
  const base = { page: query.page, pageSize: query.pageSize };
  try {
    const result = await engine().search(engineQuery(query, facets));
    return {
      ...base,
      hits: result.hits.map(toListingHit),
      total: result.total,
      facets: result.facets,
      tookMs: Math.round(performance.now() - started),
      ...(complete ? {} : { notice: 'warming' as const }),
    };
  } catch (error) {
    if (!(error instanceof EngineUnavailableError)) throw error;
    return { ...base, hits: [], total: 0, facets: {}, tookMs: 0, notice: 'unavailable' };
  }
}

/** Title suggestions for the search box. */
export async function suggestTitles(actor: Actor, prefix: string, limit = 8) {
  if (!can(actor, { action: 'listing:search' })) throw forbidden();
  const text = normalizePatentNumbers(prefix.normalize('NFKC').trim().slice(0, 100));
  if (!text) return [];
  try {
    return await engine().suggest(text, limit);
  } catch (error) {
    if (error instanceof EngineUnavailableError) return [];
    throw error;
  }
}

export async function searchStatus(): Promise<EngineStatus> {
  if (!current) return 'down';
  const status = await current.status();
  return status === 'ok' && !complete ? 'warming' : status;
}

/**
 * Brings one listing's index entry in line with the database: indexed while
 * published or under offer, removed otherwise. Every listing write calls it
 * (through the listings module's change feed) before it answers; when the engine
 * is down the id waits in a queue that a job replays. Syncs of one listing run
 * one after another, so an older read never overwrites a newer one.
 */
export function syncListing(id: string): Promise<void> {
  const previous = inFlight.get(id) ?? Promise.resolve();
  const next = previous.then(() => applyListing(id));
  const settled = next.catch(() => undefined);
  inFlight.set(id, settled);
  void settled.then(() => {
    if (inFlight.get(id) === settled) inFlight.delete(id);
  });
  return next;
}
const inFlight = new Map<string, Promise<void>>();

async function applyListing(id: string): Promise<void> {
  if (!current) return; // search not opened in this process (a script, a test of another module)
  const listing = await Listing.findById(id).lean<ListingDoc>();
  const org = listing ? await Organization.findById(listing.organization).lean<OrganizationDoc>() : null;
  try {
    if (listing && org && INDEXED_STATUSES.includes(listing.status)) {
      await engine().upsert([toSearchDocument(listing, org)]);
    } else {
      await engine().remove([id]);
    }
    generation++;
    pending.delete(id);
  } catch (error) {
    if (!(error instanceof EngineUnavailableError)) throw error;
    pending.add(id);
    logger.warn({ listing: id }, 'search engine unavailable: index update queued');
  }
}

onListingChanged(syncListing);

/** Re-indexes an organization's listings (its name, kind or verification changed). */
export async function syncOrganization(organizationId: string): Promise<void> {
  if (!current) return;
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await engine().search({
      ...engineQuery({ ...emptyQuery(), organization: organizationId, page, pageSize: 100 }, []),
    });
    ids.push(...result.hits.map((h) => h.document.id));
    if (result.hits.length < 100) break;
  }
  for (const id of ids) await syncListing(id);
}

onOrganizationChanged(syncOrganization);

/** Replays the index updates queued while the engine was down. */
export async function replayPending(): Promise<number> {
  const ids = [...pending];
  for (const id of ids) await syncListing(id);
  return ids.length - pending.size;
}

export interface ReconcileReport {
  checked: number;
  added: number;
  updated: number;
  removed: number;
}

/**
 * Compares the index with the database and repairs the difference: listings
 * missing or stale in the index are (re)indexed, entries for listings that are
 * gone or no longer published are removed. Reads every indexable listing once
 * (a background job, never a request).
 */
export async function reconcile(onProgress?: (done: number) => void): Promise<ReconcileReport> {
  const indexed = await engine().versions();
  const report: ReconcileReport = { checked: 0, added: 0, updated: 0, removed: 0 };
  const orgs = new Map((await Organization.find().lean<OrganizationDoc[]>()).map((o) => [String(o._id), o] as const));
  const stale: string[] = [];
  let batch: SearchDocument[] = [];
  const index = async (listing: ListingDoc) => {
    const org = orgs.get(String(listing.organization));
    if (!org) return;
    batch.push(toSearchDocument(listing, org));
    if (batch.length >= 1000) {
      await engine().upsert(batch);
      batch = [];
    }
  };
  // With an index to compare against, a first pass reads only ids and versions
  // (much less to decode and send); the few stale listings are then read whole.
  const compareOnly = indexed.size > 0;
  const cursor = Listing.find({ status: { $in: INDEXED_STATUSES } })
    .select(compareOnly ? { _id: 1, updatedAt: 1 } : {})
    .lean<ListingDoc[]>()
    .cursor({ batchSize: 1000 });
  for await (const listing of cursor as AsyncIterable<ListingDoc>) {
    const id = String(listing._id);
    const version = indexed.get(id);
    indexed.delete(id);
    report.checked++;
    if (report.checked % 1000 === 0) onProgress?.(report.checked);
    if (version === listing.updatedAt.getTime()) continue;
    if (version === undefined) report.added++;
    else report.updated++;
    if (compareOnly) stale.push(id);
    else await index(listing);
  }
  for (const id of stale) {
    const listing = await Listing.findById(id).lean<ListingDoc>();
    if (listing && INDEXED_STATUSES.includes(listing.status)) await index(listing);
  }
  if (batch.length) await engine().upsert(batch);
  // What is left in the index has no published listing behind it.
  report.removed = indexed.size;
  if (indexed.size) await engine().remove([...indexed.keys()]);
  await engine().flush();
  complete = true;
  generation++;
  if (report.added || report.updated || report.removed) logger.info(report, 'search index reconciled');
  return report;
}

/** Empties the index and builds it again from the database. */
export async function reindex(onProgress?: (done: number) => void): Promise<ReconcileReport> {
  await engine().clear();
  return reconcile(onProgress);
}

/** Writes the embedded index's snapshot (a job, and at shutdown). */
export async function flushSearch(): Promise<void> {
  await current?.flush();
}

export interface MarketplaceFigures {
  listings: number;
  patentListings: number;
  organizations: number;
  institutes: number;
}

/** The home page's figures: listings from the index, members from the organizations' counts. */
export async function marketplaceFigures(actor: Actor): Promise<MarketplaceFigures> {
  const [page, members] = await Promise.all([
    searchListings(actor, { ...emptyQuery(), pageSize: 1 }, { facets: ['kind'] }),
    memberCounts(),
  ]);
  return { listings: page.total, patentListings: page.facets.kind?.patent ?? 0, ...members };
}

const SITEMAP_TTL_MS = 10 * 60_000;
let sitemapCache: { at: number; entries: { id: string; updatedAt: string }[] } | null = null;

/** Every published listing's id and last change, newest first, for /sitemap.xml (kept ten minutes). */
export async function sitemapListings(actor: Actor): Promise<{ id: string; updatedAt: string }[]> {
  if (!can(actor, { action: 'listing:search' })) throw forbidden();
  if (!sitemapCache || Date.now() - sitemapCache.at > SITEMAP_TTL_MS) {
    const versions = await engine().versions();
    const entries = [...versions]
      .sort((a, b) => b[1] - a[1])
      .map(([id, updatedAt]) => ({ id, updatedAt: new Date(updatedAt).toISOString() }));
    sitemapCache = { at: Date.now(), entries };
  }
  return sitemapCache.entries;
}
