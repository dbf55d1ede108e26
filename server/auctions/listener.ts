import { insertOnce } from '../db/insert-once.ts';
import { Listing, onListingStatusChanged, type ListingDoc } from '../listings/index.ts';
import { OpenAuction } from './model.ts';

// A listing published in auction mode joins the closing job's set at once
// (the daily registerOpenAuctions repairs what a failure here misses).
onListingStatusChanged(async ({ listingId, to }) => {
  if (to !== 'published') return;
  const listing = await Listing.findById(listingId, { auction: 1 }).lean<Pick<ListingDoc, 'auction'>>();
  if (listing?.auction) {
    await insertOnce(OpenAuction, { _id: listingId }, { _id: listingId, endsAt: listing.auction.endsAt });
  }
});
