export {
  closeSearch,
  engineFromConfig,
  flushSearch,
  marketplaceFigures,
  openSearch,
  reconcile,
  reindex,
  replayPending,
  searchGeneration,
  searchListings,
  sitemapListings,
  searchStatus,
  suggestTitles,
  syncListing,
  type MarketplaceFigures,
  type ReconcileReport,
  type SearchPage,
} from './service.ts';
export {
  searchQuery,
  SEARCH_SORTS,
  SITEMAP_PAGE_SIZE,
  FACET_FIELDS,
  type FacetField,
  type SearchQuery,
} from './schemas.ts';
export type { ListingHit } from './hits.ts';
