// The follows module: the only file other modules import.
export { followListing, isFollowing, listFollowed, unfollowListing, type FollowedListing } from './service.ts';
export { MAX_FOLLOWED } from './model.ts';
