import mongoose, { Schema } from 'mongoose';

// An office's own reference for a listing (`externalId`), claimed once per
// organization: the key is the document's _id, so the insert decides races and
// a sync finds its listing by an _id look-up (FerretDB scans for anything else).

const externalKeySchema = new Schema(
  {
    _id: { type: String, required: true }, // `${organizationId}/${externalId}`
    listing: { type: Schema.Types.ObjectId, ref: 'Listing', required: true },
  },
  { versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);

export const ListingExternalKey = mongoose.model('ListingExternalKey', externalKeySchema, 'listing_external_keys');

export const externalKeyOf = (organizationId: string, externalId: string) => `${organizationId}/${externalId}`;
