import mongoose, { Schema } from 'mongoose';

// What waits for the operator's review: one small document per submitted
// listing, inserted on submit and deleted on publish, reject or withdraw. The
// operator's page reads this collection, never a status scan of all listings.

const reviewSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true }, // the listing's id
    // A new listing, or a revision of a published one.
    kind: { type: String, enum: ['listing', 'revision'], required: true, default: 'listing' },
    organization: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    title: { zh: String, en: String },
    submittedAt: { type: Date, required: true },
    submittedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { versionKey: false },
);

export const ListingReview = mongoose.model('ListingReview', reviewSchema, 'listing_reviews');
