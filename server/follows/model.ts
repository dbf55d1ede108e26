import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// Who follows what, stored twice so that both questions are one `_id` read
// (the only look-up FerretDB 1.24 answers from an index): a listing's followers
// (told when its status changes) and a user's followed listings (their
// dashboard, the follow button). Each side is changed with `$addToSet`/`$pull`
// selected by `_id`, atomic on both databases. A follow writes the user's side
// first: a crash between the two leaves a follow the user sees and can undo,
// never a follower the user cannot see.

/** How many listings one user may follow: keeps their document and dashboard small. */
export const MAX_FOLLOWED = 500;

const listingFollowersSchema = new Schema(
  {
    /** The listing's id. */
    _id: { type: String, required: true },
    /** User ids. */
    users: { type: [String], default: [] },
  },
  { versionKey: false },
);

const userFollowsSchema = new Schema(
  {
    /** The user's id. */
    _id: { type: String, required: true },
    /** Listing ids, oldest follow first. */
    listings: { type: [String], default: [] },
  },
  { versionKey: false },
);

export type ListingFollowersDoc = InferSchemaType<typeof listingFollowersSchema>;
export type UserFollowsDoc = InferSchemaType<typeof userFollowsSchema>;

export const ListingFollowers = mongoose.model('ListingFollowers', listingFollowersSchema, 'listing_followers');
export const UserFollows = mongoose.model('UserFollows', userFollowsSchema, 'user_follows');
