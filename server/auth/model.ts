import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { LOCALES, MEMBER_ROLES } from '../vocabulary.ts';

const membershipSchema = new Schema(
  {
    organization: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    role: { type: String, enum: MEMBER_ROLES, required: true },
  },
  { _id: false },
);

const userSchema = new Schema(
  {
    email: { type: String, required: true, trim: true },
    // Lower-cased copy: uniqueness and look-ups without collation (portable Mongo rule).
    emailNormalized: { type: String, required: true },
    name: { type: String, required: true, trim: true },
    locale: { type: String, enum: LOCALES, required: true, default: 'zh-CN' },
    emailVerifiedAt: { type: Date, default: null },
    memberships: { type: [membershipSchema], default: [] },
  },
  { timestamps: true },
);

userSchema.index({ emailNormalized: 1 }, { unique: true });
// Members of an organization (its page, notifications to its members).
userSchema.index({ 'memberships.organization': 1 });

// Password hashes live apart from users: no `select: false` paths anywhere, so
// a user document can be read and returned without ever carrying a hash.
const passwordSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    hash: { type: String, required: true },
  },
  { timestamps: true },
);
passwordSchema.index({ user: 1 }, { unique: true });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };

export const User =
  (mongoose.models.User as mongoose.Model<InferSchemaType<typeof userSchema>>) ?? mongoose.model('User', userSchema);

export const Password =
  (mongoose.models.Password as mongoose.Model<InferSchemaType<typeof passwordSchema>>) ??
  mongoose.model('Password', passwordSchema);

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
