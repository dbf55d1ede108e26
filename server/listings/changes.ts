import { createChangeFeed } from '../shared/change-feed.ts';
import type { ListingStatus } from '../vocabulary.ts';

const feed = createChangeFeed('listing');
/** Called after every listing write (the search index subscribes). */
export const onListingChanged = feed.subscribe;
export const listingChanged = feed.publish;

export interface ListingStatusChange {
  listingId: string;
  from: ListingStatus;
  to: ListingStatus;
  at: Date;
  /** The user who took the step. */
  by: string;
}

const statusFeed = createChangeFeed<ListingStatusChange>('listingStatus');
/** Called after every workflow step that changed a listing's status (followers are told). */
export const onListingStatusChanged = statusFeed.subscribe;
export const listingStatusChanged = statusFeed.publish;

export interface NdaAcceptedEvent {
  listingId: string;
  organizationId: string;
  at: Date;
}

const ndaFeed = createChangeFeed<NdaAcceptedEvent>('ndaAccepted');
/** Called once per organization that accepts a listing's NDA (the dashboard's funnel counts them). */
export const onNdaAccepted = ndaFeed.subscribe;
export const ndaAccepted = ndaFeed.publish;
