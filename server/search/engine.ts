import type { FacetField, SearchSort } from './schemas.ts';
import type { HighlightedField, SearchDocument } from './document.ts';

// The contract both engines keep (tests/integration/search-contract.test.ts
// runs the same cases against each). Nothing outside server/search sees it.

export interface EngineFilters {
  kind: string[];
  category: string[];
  nmpaClass: string[];
  stage: string[];
  dealType: string[];
  orgKind: string[];
  region: string[];
  patentStatus: string[];
  organization?: string;
  trlMin?: number;
  trlMax?: number;
  /** Minor units of CNY. */
  priceMin?: number;
  priceMax?: number;
  openLicense?: boolean;
  auctionOpen?: boolean;
}

export interface EngineQuery {
  /** Normalised text (patent numbers already rewritten to their keys); '' for all. */
  text: string;
  filters: EngineFilters;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** Which facet counts to compute (none for the home page's newest listings). */
  facets: readonly FacetField[];
  /** "Now" for auctionOpen, so one request sees one instant. */
  now: number;
}

export interface EngineHit {
  document: SearchDocument;
  /** The highlighted fields with matches wrapped in MARK_START/MARK_END; summaries cropped around them. */
  highlight: Partial<Record<HighlightedField, string>>;
}

export interface EngineResult {
  hits: EngineHit[];
  total: number;
  /**
   * Per facet field, value → count. Counts are disjunctive, as shops show them:
   * a field's counts apply every filter but that field's own, so each number is
   * the total a user gets by adding (or keeping) that value.
   */
  facets: Partial<Record<FacetField, Record<string, number>>>;
}

export type EngineStatus = 'ok' | 'warming' | 'down';

export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch';
  /** Prepares the index (settings, a persisted copy); resolves when search can answer. */
  open(): Promise<void>;
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Empties the index (a rebuild follows). */
  clear(): Promise<void>;
  search(query: EngineQuery): Promise<EngineResult>;
  /** Every indexed id with its document's updatedAt: what the reconciler compares. */
  versions(): Promise<Map<string, number>>;
  /** Titles starting with (or typo-close to) what the user typed, for the search box. */
  suggest(prefix: string, limit: number): Promise<{ id: string; title_zh: string; title_en: string }[]>;
  status(): Promise<EngineStatus>;
  /** Makes the current state durable (the embedded engine's snapshot); Meilisearch persists itself. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The engine cannot be reached (Meilisearch down); callers degrade instead of failing. */
export class EngineUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the search engine is unavailable', { cause });
    this.name = 'EngineUnavailableError';
  }
}
