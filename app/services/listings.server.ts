// The routes' door to the listings domain (see STYLE.md: routes import server/
// only through *.server.ts facades, which the compiler keeps out of the browser).
export {
  browseListings,
  getListing,
  marketplaceCounts,
  listingQuery,
  LISTING_SORTS,
  type ListingDto,
  type ListingPage,
} from '../../server/listings/index.ts';
export { CATEGORIES, DEAL_TYPES, LISTING_KINDS, STAGES } from '../../server/vocabulary.ts';
