import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { bilingualSchema } from '../shared/bilingual.ts';
import { ORGANIZATION_KINDS } from '../vocabulary.ts';

const regionSchema = new Schema(
  {
    country: { type: String, required: true, uppercase: true, minlength: 2, maxlength: 2, default: 'CN' },
    province: { type: String, trim: true },
    city: { type: String, trim: true },
  },
  { _id: false },
);

const organizationSchema = new Schema(
  {
    // Stable handle: seeding and imports upsert on it, and it reads well in URLs.
    slug: { type: String, required: true, lowercase: true, trim: true, match: /^[a-z0-9][a-z0-9-]{1,62}$/ },
    kind: { type: String, enum: ORGANIZATION_KINDS, required: true },
    name: { type: bilingualSchema, required: true },
    region: { type: regionSchema, required: true, default: () => ({ country: 'CN' }) },
    description: { type: bilingualSchema, default: () => ({}) },
    website: { type: String, trim: true },
    // 统一社会信用代码 (GB 32100-2015), set by the organisation's owner or admin; technology-contract registration needs it.
    creditCode: { type: String, default: null },
    verified: { type: Boolean, required: true, default: false },
    verification: {
      status: { type: String, enum: ['pending', 'verified', 'rejected'], required: true, default: 'pending' },
      reason: String,
      decidedAt: Date,
      decidedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    },
  },
  { timestamps: true },
);

// Upsert key of seeding and imports.
organizationSchema.index({ slug: 1 }, { unique: true });
// The operator's verification queue: unverified organizations, oldest first.
organizationSchema.index({ verified: 1, createdAt: 1 });
// Home-page counts and directory pages by kind.
organizationSchema.index({ kind: 1 });

// Invitation links from an organization's owner or admin; only the SHA-256 of the token is stored.
const invitationSchema = new Schema(
  {
    organization: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    role: { type: String, enum: ['admin', 'member'], required: true },
    // Lower-cased; when set, only this address may accept.
    email: { type: String, default: null },
    tokenHash: { type: String, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    expiresAt: { type: Date, required: true },
    acceptedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    acceptedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
invitationSchema.index({ tokenHash: 1 }, { unique: true });
// The organization's pending invitations.
invitationSchema.index({ organization: 1, createdAt: -1 });

export type OrganizationDoc = InferSchemaType<typeof organizationSchema> & { _id: mongoose.Types.ObjectId };

export const Organization = mongoose.model('Organization', organizationSchema);

export const Invitation = mongoose.model('Invitation', invitationSchema);
