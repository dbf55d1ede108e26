export { Listing, type ListingDoc } from './model.ts';
export { listingInput, patentInput, type ListingInput } from './schemas.ts';
export { getListing } from './service.ts';
export { toListingDto, type ListingDto, type PatentDto } from './dto.ts';
export { remainingLifeDays, patentExpiry, isValidPatentNumber } from './patents.ts';
