export { Listing, type ListingDoc } from './model.ts';
export {
  listingInput,
  listingQuery,
  patentInput,
  LISTING_SORTS,
  type ListingInput,
  type ListingQuery,
} from './schemas.ts';
export { browseListings, getListing, marketplaceCounts, type ListingPage, type MarketplaceCounts } from './service.ts';
export { toListingDto, type ListingDto, type PatentDto } from './dto.ts';
export { remainingLifeDays, patentExpiry, isValidPatentNumber } from './patents.ts';
