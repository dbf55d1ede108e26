import mongoose, { Schema } from 'mongoose';
import { isDuplicateKeyError } from './insert-once.ts';

// One-time claims (redeeming an e-mail token, accepting an invitation) are
// inserts under a unique key. FerretDB 1.24 applies a conditional update as
// read-modify-write without a lock, so `findOneAndUpdate({ usedAt: null })`
// can succeed for several concurrent callers there; an insert cannot.

const claimSchema = new Schema(
  { key: { type: String, required: true } },
  { timestamps: { createdAt: true, updatedAt: false } },
);
claimSchema.index({ key: 1 }, { unique: true });

export const Claim = (mongoose.models.Claim as mongoose.Model<{ key: string }>) ?? mongoose.model('Claim', claimSchema);

/** True for exactly one caller per key, however many race. */
export async function claimOnce(key: string): Promise<boolean> {
  try {
    await Claim.insertMany([{ key }]);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
