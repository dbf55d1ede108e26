import mongoose, { Schema } from 'mongoose';
import { isDuplicateKeyError } from './insert-once.ts';

// One-time claims (redeeming an e-mail token, accepting an invitation) are
// inserts under a unique key: whatever must happen at most once is decided by
// a unique index, which rejects every concurrent duplicate (E11000) on MongoDB
// and FerretDB alike. Guarded conditional updates are atomic on both databases
// too (on the embedded one because the launcher's proxy serialises writes,
// decision 003); they decide state changes, claims decide "at most once".

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
