import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { bilingualSchema } from '../shared/bilingual.ts';
import { moneySchema } from '../shared/money-schema.ts';
import {
  CATEGORIES,
  CE_STATUSES,
  DEAL_TYPES,
  DOCUMENT_VISIBILITIES,
  FDA_STATUSES,
  LISTING_KINDS,
  LISTING_STATUSES,
  NMPA_CLASSES,
  PATENT_JURISDICTIONS,
  PATENT_STATUSES,
  PATENT_TYPES,
  STAGES,
} from '../vocabulary.ts';

const patentSchema = new Schema(
  {
    number: { type: String, required: true, trim: true },
    jurisdiction: { type: String, enum: PATENT_JURISDICTIONS, required: true },
    type: { type: String, enum: PATENT_TYPES, required: true },
    status: { type: String, enum: PATENT_STATUSES, required: true },
    title: { type: bilingualSchema },
    filingDate: { type: Date, required: true },
    grantDate: { type: Date, default: null },
    expiryDate: { type: Date, default: null },
    ipc: { type: [String], default: [] },
  },
  { _id: false },
);

const licenseTermsSchema = new Schema(
  {
    upfront: { type: moneySchema, default: null },
    royaltyPercent: { type: Number, min: 0, max: 100, default: null },
    minimumAnnual: { type: moneySchema, default: null },
    // 专利开放许可: anyone may take a license at these terms.
    openLicense: { type: Boolean, required: true, default: false },
  },
  { _id: false },
);

const auctionSchema = new Schema(
  {
    reserve: { type: moneySchema, default: null }, // hidden from bidders
    startingPrice: { type: moneySchema, required: true },
    minimumIncrement: { type: moneySchema, required: true },
    endsAt: { type: Date, required: true },
  },
  { _id: false },
);

const documentSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    visibility: { type: String, enum: DOCUMENT_VISIBILITIES, required: true },
    file: { type: Schema.Types.ObjectId, ref: 'File', required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true, min: 0 },
  },
  { _id: true },
);

const listingSchema = new Schema(
  {
    kind: { type: String, enum: LISTING_KINDS, required: true },
    status: { type: String, enum: LISTING_STATUSES, required: true, default: 'draft' },
    organization: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    // The owner's own reference (a tech-transfer office's record number), for syncing.
    externalId: { type: String, trim: true, default: null },
    // Unique key `${organization}/${externalId}`, or the listing's own id when there is
    // no externalId (no partial indexes in the portable Mongo rule, so no nulls here).
    externalKey: { type: String, required: true },

    title: { type: bilingualSchema, required: true },
    summary: { type: bilingualSchema, required: true },
    problem: { type: bilingualSchema, default: () => ({}) },
    advantages: { type: bilingualSchema, default: () => ({}) },
    clinicalUse: { type: bilingualSchema, default: () => ({}) },
    partnerSought: { type: bilingualSchema, default: () => ({}) },
    // Short free-text search terms in either language (listingInput dedupes and bounds them).
    keywords: { type: [String], default: [] },

    category: { type: String, enum: CATEGORIES, required: true },
    nmpaClass: { type: String, enum: NMPA_CLASSES, required: true },
    regulatory: {
      fda: { type: String, enum: FDA_STATUSES, required: true, default: 'none' },
      ce: { type: String, enum: CE_STATUSES, required: true, default: 'none' },
    },
    trl: { type: Number, required: true, min: 1, max: 9, validate: Number.isInteger },
    stage: { type: String, enum: STAGES, required: true },
    patents: { type: [patentSchema], default: [] },

    dealTypes: { type: [String], enum: DEAL_TYPES, required: true },
    askingPrice: { type: moneySchema, default: null },
    licenseTerms: { type: licenseTermsSchema, default: null },
    auction: { type: auctionSchema, default: null },
    // For projects seeking investment.
    equityOffered: {
      percent: { type: Number, min: 0, max: 100 },
      valuation: { type: moneySchema },
    },

    documents: { type: [documentSchema], default: [] },
    confidential: { details: { type: String, default: '' } },
    // The click-through NDA that opens the data room (empty: the exchange's standard text).
    nda: { text: { type: bilingualSchema, default: () => ({}) } },

    rejection: { reason: String, at: Date, by: { type: Schema.Types.ObjectId, ref: 'User' } },
    // Changes to the title, summary, patents or terms of a published listing wait
    // here for the operator while the published version stays visible.
    pendingRevision: {
      type: new Schema(
        {
          changes: { type: Schema.Types.Mixed, required: true },
          by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
          at: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    submittedAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

listingSchema.pre('validate', function setExternalKey() {
  this.externalKey = this.externalId ? `${String(this.organization)}/${this.externalId}` : String(this._id);
});

// Idempotent imports and seeding: one listing per owner reference.
listingSchema.index({ externalKey: 1 }, { unique: true });
// Browse: public listings, newest first, optionally narrowed by one facet.
listingSchema.index({ status: 1, publishedAt: -1 });
listingSchema.index({ status: 1, category: 1, publishedAt: -1 });
listingSchema.index({ status: 1, kind: 1, publishedAt: -1 });
listingSchema.index({ status: 1, stage: 1, publishedAt: -1 });
listingSchema.index({ status: 1, dealTypes: 1, publishedAt: -1 });
// An organization's own listings (its page, its dashboard).
listingSchema.index({ organization: 1, status: 1, publishedAt: -1 });
// The operator's review queue.
listingSchema.index({ status: 1, submittedAt: 1 });
// Looking a patent up by number (duplicates, the public record).
listingSchema.index({ 'patents.number': 1 });

export type ListingFields = InferSchemaType<typeof listingSchema>;
export type ListingDoc = ListingFields & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

export const Listing = mongoose.model('Listing', listingSchema);

/** What the permissions module needs to know of a listing. */
export const resourceOf = (listing: Pick<ListingDoc, 'status' | 'organization'>) => ({
  status: listing.status,
  organizationId: String(listing.organization),
});
