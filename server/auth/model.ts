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

// Lucia sessions (our own adapter, lucia.ts). Expired ones are purged by a job:
// TTL indexes are outside the portable Mongo rule.
const sessionSchema = new Schema({
  _id: { type: String, required: true },
  user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  expiresAt: { type: Date, required: true },
});
// "Log out everywhere else" and the account page's session count.
sessionSchema.index({ user: 1 });
// The purge job.
sessionSchema.index({ expiresAt: 1 });

// One-time e-mail tokens (verification, password reset); only their SHA-256 is stored.
const authTokenSchema = new Schema(
  {
    purpose: { type: String, enum: ['verify_email', 'reset_password'], required: true },
    tokenHash: { type: String, required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
authTokenSchema.index({ tokenHash: 1 }, { unique: true });
// Invalidating a user's outstanding tokens of one purpose.
authTokenSchema.index({ user: 1, purpose: 1 });
authTokenSchema.index({ expiresAt: 1 });

// Personal API tokens for integrations: shown once, stored as SHA-256.
const apiTokenSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    name: { type: String, required: true, trim: true },
    tokenHash: { type: String, required: true },
    // The first characters, so the owner can tell tokens apart.
    prefix: { type: String, required: true },
    lastUsedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
apiTokenSchema.index({ tokenHash: 1 }, { unique: true });
// The owner's token list.
apiTokenSchema.index({ user: 1, createdAt: -1 });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };

export const User = mongoose.model('User', userSchema);

export const Password = mongoose.model('Password', passwordSchema);

export const Session = mongoose.model('Session', sessionSchema);

export const AuthToken = mongoose.model('AuthToken', authTokenSchema);

export const ApiToken = mongoose.model('ApiToken', apiTokenSchema);

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
