import mongoose from 'mongoose';

/**
 * Builds the indexes each registered model declares in its schema (autoIndex is
 * off). Models register when their module loads: call this after the app's
 * services (server/app-context.ts) are imported, which loads every module.
 */
export async function ensureIndexes(): Promise<void> {
  for (const name of mongoose.modelNames()) await mongoose.model(name).createIndexes();
}
