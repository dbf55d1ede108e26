import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type Hit,
  type MultiSearchQuery,
  type MultiSearchResult,
  type Settings,
} from 'meilisearch';
import {
  HIGHLIGHTED_FIELDS,
  MARK_END,
  MARK_START,
  SEARCHABLE_FIELDS,
  type HighlightedField,
  type SearchDocument,
} from './document.ts';
import {
  EngineUnavailableError,
  type EngineFilters,
  type EngineHit,
  type EngineQuery,
  type EngineResult,
  type EngineStatus,
  type SearchEngine,
} from './engine.ts';
import type { FacetField, SearchSort } from './schemas.ts';

// The search engine on a Meilisearch server (MEILI_HOST). The embedded engine
// keeps the same rules, so settings here are the contract: no `proximity`
// (the embedded engine cannot rank by it) and `attributeRank` rather than
// `attribute`, which would also rank by word position inside the attribute.

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  indexUid: string;
  /** Per HTTP request; a slower answer counts as the engine being down. */
  timeoutMs?: number;
}

/** Facet fields with a value list, and the document attribute each counts. */
const LIST_FACETS = {
  kind: 'kind',
  category: 'category',
  nmpaClass: 'nmpaClass',
  stage: 'stage',
  dealType: 'dealTypes',
  orgKind: 'orgKind',
  region: 'region',
  patentStatus: 'patentStatus',
} as const satisfies Partial<Record<FacetField & keyof EngineFilters, keyof SearchDocument>>;
type ListFacet = keyof typeof LIST_FACETS;

const SORTS: Record<SearchSort, string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  price_asc: ['priceCny:asc'],
  price_desc: ['priceCny:desc'],
  trl_desc: ['trl:desc'],
  patent_life_desc: ['patentExpiresAt:desc'],
};

const SETTINGS = {
  searchableAttributes: [...SEARCHABLE_FIELDS],
  filterableAttributes: [
    ...Object.values(LIST_FACETS),
    'organizationId',
    'trl',
    'priceCny',
    'openLicense',
    'auctionEndsAt',
  ],
  sortableAttributes: ['publishedAt', 'priceCny', 'trl', 'patentExpiresAt'],
  rankingRules: ['words', 'sort', 'typo', 'attributeRank', 'exactness', 'publishedAt:desc'],
  // Meilisearch's default lengths, spelled out; typos on numbers would match other patents.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
  faceting: { maxValuesPerFacet: 1000 },
  // Hits past this many cannot be paged to (schemas.ts stops at 10 000); totalHits stays exact beyond it.
  pagination: { maxTotalHits: 10_000 },
  // We never search facet values; skipping it makes indexing cheaper.
  facetSearch: false,
} satisfies Settings;

const CROP_LENGTH = 40;
/** Long enough for a large batch to be indexed; writes are rare and run in the background. */
const WRITE_TIMEOUT_MS = 10 * 60_000;
const VERSIONS_PAGE = 10_000;

/** A string literal for a Meilisearch filter (region is free text). */
export const filterString = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** Meilisearch's query operators ("phrase", -word) that the embedded engine does not have. */
const plainText = (text: string) => text.replace(/"/g, ' ').replace(/(^|\s)-+/g, '$1');

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly client: Meilisearch;
  /** For status(): a health probe should answer fast or count as down. */
  private readonly probe: Meilisearch;
  private readonly indexUid: string;

  constructor(options: MeilisearchEngineOptions) {
    const { host, apiKey, indexUid, timeoutMs = 5000 } = options;
    this.indexUid = indexUid;
    this.client = new Meilisearch({
      host,
      apiKey,
      timeout: timeoutMs,
      defaultWaitOptions: { timeout: WRITE_TIMEOUT_MS },
    });
    this.probe = new Meilisearch({ host, apiKey, timeout: Math.min(timeoutMs, 2000) });
  }

  private get index() {
    return this.client.index<SearchDocument>(this.indexUid);
  }

  /** Whether open() has succeeded since the index was last found missing. */
  private opened = false;

  async open(): Promise<void> {
    await reachable(async () => {
      const exists = await this.client.getRawIndex(this.indexUid).then(
        () => true,
        (error: unknown) => (isApiError(error, 'index_not_found') ? false : Promise.reject(error)),
      );
      if (!exists)
        await succeeded(this.client.createIndex(this.indexUid, { primaryKey: 'id' }), 'index_already_exists');
      // Changing settings can re-index everything: only when they differ.
      if (!contains(await this.index.getSettings(), SETTINGS)) await succeeded(this.index.updateSettings(SETTINGS));
    });
    this.opened = true;
  }

  /**
   * Every call but open(): opens first if that has not succeeded yet (the server
   * was down at start-up, or has been wiped since), so that a write never lets
   * Meilisearch create the index with default settings.
   */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    if (!this.opened) await this.open();
    try {
      return await reachable(run);
    } catch (error) {
      if (error instanceof EngineUnavailableError && isApiError(error.cause, 'index_not_found')) this.opened = false;
      throw error;
    }
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length) await this.call(() => succeeded(this.index.addDocuments(documents)));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) await this.call(() => succeeded(this.index.deleteDocuments(ids)));
  }

  async clear(): Promise<void> {
    await this.call(() => succeeded(this.index.deleteAllDocuments()));
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const q = plainText(query.text);
    const base = { indexUid: this.indexUid, q, matchingStrategy: 'all' } as const;
    const requested = new Set(query.facets);
    // Disjunctive counts: a field with an active filter is counted without it, in its own query.
    const listFacets = (Object.keys(LIST_FACETS) as ListFacet[]).filter((f) => requested.has(f));
    const ownQuery = listFacets.filter((f) => query.filters[f].length);
    const inMain = listFacets.filter((f) => !query.filters[f].length).map((f) => LIST_FACETS[f] as string);
    const openLicenseOwn = requested.has('openLicense') && query.filters.openLicense !== undefined;
    if (requested.has('openLicense') && !openLicenseOwn) inMain.push('openLicense');

    const { page, hitsPerPage, skip } = pageOf(query.offset, query.limit);
    const queries: MultiSearchQuery[] = [
      {
        ...base,
        filter: filterExpressions(query.filters, query.now),
        sort: SORTS[query.sort],
        page,
        hitsPerPage,
        facets: inMain.length ? inMain : undefined,
        attributesToHighlight: [...HIGHLIGHTED_FIELDS],
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
        attributesToCrop: ['summary_zh', 'summary_en'],
        cropLength: CROP_LENGTH,
        cropMarker: '…',
      },
      ...ownQuery.map((f) => countQuery(base, query, f, { facets: [LIST_FACETS[f]] })),
    ];
    if (openLicenseOwn) queries.push(countQuery(base, query, 'openLicense', { facets: ['openLicense'] }));
    if (requested.has('auctionOpen')) {
      queries.push(countQuery(base, query, 'auctionOpen', { extra: `auctionEndsAt > ${query.now}` }));
    }

    const { results } = await this.call(() =>
      this.client.multiSearch<{ queries: MultiSearchQuery[] }, SearchDocument>({ queries }),
    );
    const [main, ...counts] = results as MultiSearchResult<SearchDocument>[];
    const distribution = (i: number) => counts[i]!.facetDistribution ?? {};

    const facets: EngineResult['facets'] = {};
    for (const f of listFacets) {
      const i = ownQuery.indexOf(f);
      facets[f] = { ...(i < 0 ? main!.facetDistribution : distribution(i))?.[LIST_FACETS[f]] };
    }
    let next = ownQuery.length;
    if (requested.has('openLicense')) {
      const counted = openLicenseOwn ? distribution(next++) : main!.facetDistribution;
      facets.openLicense = trueCount(counted?.openLicense?.true ?? 0);
    }
    if (requested.has('auctionOpen')) facets.auctionOpen = trueCount(counts[next]!.totalHits ?? 0);

    return { hits: main!.hits.slice(skip).map(toEngineHit), total: main!.totalHits ?? 0, facets };
  }

  async versions(): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    await this.call(async () => {
      for (let offset = 0; ; offset += VERSIONS_PAGE) {
        const { results } = await this.index.getDocuments<Pick<SearchDocument, 'id' | 'updatedAt'>>({
          fields: ['id', 'updatedAt'],
          offset,
          limit: VERSIONS_PAGE,
        });
        for (const doc of results) versions.set(doc.id, doc.updatedAt);
        if (results.length < VERSIONS_PAGE) break;
      }
    });
    return versions;
  }

  async suggest(prefix: string, limit: number): Promise<{ id: string; title_zh: string; title_en: string }[]> {
    const q = plainText(prefix).trim();
    if (!q || limit <= 0) return [];
    const { hits } = await this.call(() =>
      this.index.search<Pick<SearchDocument, 'id' | 'title_zh' | 'title_en'>>(q, {
        attributesToSearchOn: ['title_zh', 'title_en'],
        attributesToRetrieve: ['id', 'title_zh', 'title_en'],
        matchingStrategy: 'all',
        limit,
      }),
    );
    return hits.map(({ id, title_zh, title_en }) => ({ id, title_zh, title_en }));
  }

  async status(): Promise<EngineStatus> {
    try {
      const { status } = await this.probe.health();
      await this.probe.getRawIndex(this.indexUid);
      return status === 'available' ? 'ok' : 'down';
    } catch {
      return 'down';
    }
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}

/** Filter expressions, ANDed; `omit` leaves out one field's own filter (its disjunctive facet count). */
function filterExpressions(filters: EngineFilters, now: number, omit?: FacetField): string[] {
  const out: string[] = [];
  for (const [field, attribute] of Object.entries(LIST_FACETS) as [ListFacet, string][]) {
    const values = filters[field];
    if (field !== omit && values.length) out.push(`${attribute} IN [${values.map(filterString).join(', ')}]`);
  }
  if (filters.organization !== undefined) out.push(`organizationId = ${filterString(filters.organization)}`);
  if (filters.trlMin !== undefined) out.push(`trl >= ${filters.trlMin}`);
  if (filters.trlMax !== undefined) out.push(`trl <= ${filters.trlMax}`);
  // Comparisons never match null, so a price bound leaves out unpriced listings.
  if (filters.priceMin !== undefined) out.push(`priceCny >= ${filters.priceMin}`);
  if (filters.priceMax !== undefined) out.push(`priceCny <= ${filters.priceMax}`);
  if (omit !== 'openLicense' && filters.openLicense !== undefined) out.push(`openLicense = ${filters.openLicense}`);
  if (omit !== 'auctionOpen' && filters.auctionOpen !== undefined) {
    // NOT also matches a null auctionEndsAt (not an auction).
    out.push(filters.auctionOpen ? `auctionEndsAt > ${now}` : `NOT auctionEndsAt > ${now}`);
  }
  return out;
}

/** A hit-less query counting for one facet field: every filter but the field's own. */
function countQuery(
  base: Pick<MultiSearchQuery, 'indexUid' | 'q' | 'matchingStrategy'>,
  query: EngineQuery,
  field: FacetField,
  { facets, extra }: { facets?: string[]; extra?: string },
): MultiSearchQuery {
  const filter = filterExpressions(query.filters, query.now, field);
  if (extra) filter.push(extra);
  return { ...base, filter, facets, page: 1, hitsPerPage: 0 };
}

/**
 * Meilisearch gives an exact total (`totalHits`) only with page/hitsPerPage.
 * An offset that is not a multiple of the limit fetches from the start and skips.
 */
function pageOf(offset: number, limit: number) {
  if (limit <= 0) return { page: 1, hitsPerPage: 0, skip: 0 };
  if (offset % limit === 0) return { page: offset / limit + 1, hitsPerPage: limit, skip: 0 };
  return { page: 1, hitsPerPage: offset + limit, skip: offset };
}

const trueCount = (count: number): Record<string, number> => (count > 0 ? { true: count } : {});

function toEngineHit(hit: Hit<SearchDocument>): EngineHit {
  const document = Object.fromEntries(Object.entries(hit).filter(([key]) => !key.startsWith('_'))) as SearchDocument;
  const highlight: EngineHit['highlight'] = {};
  for (const field of HIGHLIGHTED_FIELDS as readonly HighlightedField[]) {
    const value = hit._formatted?.[field];
    if (value) highlight[field] = value;
  }
  return { document, highlight };
}

/** Runs Meilisearch calls, turning "cannot answer" into EngineUnavailableError; other API errors (our bugs) stay. */
async function reachable<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const down =
      error instanceof MeilisearchRequestError ||
      error instanceof MeilisearchTaskTimeOutError ||
      (error instanceof MeilisearchApiError && error.response.status >= 500) ||
      // A server started empty (or wiped) answers nothing until open() runs again, as status() says.
      isApiError(error, 'index_not_found');
    throw down ? new EngineUnavailableError(error) : error;
  }
}

/** Waits for a task; a failed one throws its error unless it is the `tolerated` code. */
async function succeeded(task: EnqueuedTaskPromise, tolerated?: string): Promise<void> {
  const { status, error, uid } = await task.waitTask();
  if (status === 'succeeded' || (error && error.code === tolerated)) return;
  throw new Error(`Meilisearch task ${uid} ${status}: ${error?.message ?? 'no error given'}`, { cause: error });
}

function isApiError(error: unknown, code: string): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === code;
}

/** Settings whose order means nothing; Meilisearch returns sortableAttributes sorted. */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes']);

/** Whether `actual` has every value of `wanted` (settings come back with more keys than we set). */
function contains(actual: unknown, wanted: unknown, unordered = false): boolean {
  if (Array.isArray(wanted)) {
    const list = (value: unknown) => JSON.stringify(unordered && Array.isArray(value) ? [...value].sort() : value);
    return list(actual) === list(wanted);
  }
  if (typeof wanted !== 'object' || wanted === null) return actual === wanted;
  if (typeof actual !== 'object' || actual === null) return false;
  const record = actual as Record<string, unknown>;
  return Object.entries(wanted).every(([key, value]) => contains(record[key], value, UNORDERED.has(key)));
}
