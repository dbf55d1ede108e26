import mongoose from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { isDuplicateKeyError } from '../db/insert-once.ts';
import { forbidden, invalid, notFound, unauthorized } from '../errors.ts';
// The status feed lives beside onListingChanged; the listings index does not re-export it yet.
import { onListingStatusChanged, type ListingStatusChange } from '../listings/changes.ts';
import { getListing, Listing, type ListingDoc } from '../listings/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { ListingStatus } from '../vocabulary.ts';
import { ListingFollowers, MAX_FOLLOWED, UserFollows, type UserFollowsDoc } from './model.ts';

function followerId(actor: Actor): string {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'listing:follow' })) throw forbidden();
  return actor.userId;
}

const isListingId = (id: string) => /^[a-f0-9]{24}$/i.test(id);

async function followedIds(userId: string): Promise<string[]> {
  return (await UserFollows.findById(userId).lean<UserFollowsDoc>())?.listings ?? [];
}

/** Creates the user's follow list unless it exists (an insert: concurrent first follows agree). */
async function ensureFollowList(userId: string): Promise<void> {
  try {
    await UserFollows.insertMany([{ _id: userId, listings: [] }]);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** Follows a listing the actor may see; following it again changes nothing. */
export async function followListing(actor: Actor, listingId: string): Promise<void> {
  const userId = followerId(actor);
  const { id } = await getListing(actor, listingId); // hidden, unknown and malformed ids: not found
  await ensureFollowList(userId);
  // Guarded by the list's length, so concurrent follows cannot pass the limit together.
  const { matchedCount } = await UserFollows.updateOne(
    { _id: userId, [`listings.${MAX_FOLLOWED - 1}`]: { $exists: false } },
    { $addToSet: { listings: id } },
  );
  if (matchedCount === 0 && !(await followedIds(userId)).includes(id)) {
    throw invalid({ listing: ['errors.tooManyFollows'] }, 'errors.tooManyFollows');
  }
  await ListingFollowers.updateOne({ _id: id }, { $addToSet: { users: userId } }, { upsert: true });
}

/** Stops following; allowed for a listing the actor can no longer see (withdrawn), a no-op when not followed. */
export async function unfollowListing(actor: Actor, listingId: string): Promise<void> {
  const userId = followerId(actor);
  if (!isListingId(listingId)) throw notFound('listing');
  const id = listingId.toLowerCase();
  // The listing's side first: a crash between the two leaves a follow the user still sees and can undo.
  await ListingFollowers.updateOne({ _id: id }, { $pull: { users: userId } });
  await UserFollows.updateOne({ _id: userId }, { $pull: { listings: id } });
}

/** Whether the actor follows the listing (false for anonymous visitors). */
export async function isFollowing(actor: Actor, listingId: string): Promise<boolean> {
  if (!actor || !isListingId(listingId)) return false;
  return (await followedIds(actor.userId)).includes(listingId.toLowerCase());
}

export type FollowedListing =
  | { id: string; available: true; title: Bilingual; status: ListingStatus }
  /** Withdrawn or otherwise out of the actor's sight: it can only be unfollowed. */
  | { id: string; available: false };

/** The listings the actor follows, most recently followed first: one `_id` read each. */
export async function listFollowed(actor: Actor): Promise<FollowedListing[]> {
  const ids = [...(await followedIds(followerId(actor)))].reverse();
  const listings = await Promise.all(ids.map((id) => Listing.findById(id).lean<ListingDoc>()));
  return ids.map((id, i): FollowedListing => {
    const listing = listings[i];
    const resource = listing && { status: listing.status, organizationId: String(listing.organization) };
    if (!listing || !resource || !can(actor, { action: 'listing:view', listing: resource })) {
      return { id, available: false };
    }
    return { id, available: true, title: listing.title as Bilingual, status: listing.status };
  });
}

/** The changes followers hear of: the listing comes onto, changes on, or leaves the market. */
const ANNOUNCED: readonly ListingStatus[] = ['published', 'under_offer', 'closed', 'withdrawn'];
/** Followers are told in batches, so one popular listing does not open thousands of writes at once. */
const BATCH = 50;

/** Tells a listing's followers (but the one who changed it) of its new status, in their inboxes. */
export async function tellFollowers(change: ListingStatusChange): Promise<void> {
  if (!ANNOUNCED.includes(change.to) || !mongoose.isValidObjectId(change.listingId)) return;
  const followers = await ListingFollowers.findById(change.listingId).lean();
  const users = (followers?.users ?? []).filter((u) => u !== change.by);
  if (users.length === 0) return;
  const listing = await Listing.findById(change.listingId).lean<ListingDoc>();
  const notification = {
    type: `follow.${change.to}`,
    params: { listingTitle_zh: listing?.title?.zh ?? '', listingTitle_en: listing?.title?.en ?? '' },
    // A withdrawn listing's page is gone for outsiders; their dashboard still lists the follow.
    link: change.to === 'withdrawn' ? '/dashboard' : `/listings/${change.listingId}`,
  };
  for (let i = 0; i < users.length; i += BATCH) await notifyUsers(users.slice(i, i + BATCH), notification);
}

onListingStatusChanged(tellFollowers);
