import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, inject } from 'vitest';
// The app's services load every module, so every model registers its indexes.
import '../../server/app-context.ts';
import { ensureIndexes } from '../../server/db/indexes.ts';

/**
 * Connects this test file to a database of its own on the run's server, with
 * every index built, and drops it afterwards.
 */
export function useTestDatabase(): void {
  beforeAll(async () => {
    const dbName = `test_${randomBytes(6).toString('hex')}`;
    await mongoose.connect(inject('mongoUri'), { dbName, serverSelectionTimeoutMS: 10_000 });
    await ensureIndexes();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  });
}
