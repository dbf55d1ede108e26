import { createChangeFeed } from '../shared/change-feed.ts';

const feed = createChangeFeed('listing');
/** Called after every listing write (the search index subscribes). */
export const onListingChanged = feed.subscribe;
export const listingChanged = feed.publish;
