import type { Model, Types } from 'mongoose';

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * Inserts `doc` unless the unique index already holds its key, and returns the
 * stored document either way. An insert (not an upsert) is what reports a
 * duplicate reliably on both MongoDB and FerretDB, so concurrent callers agree.
 */
export async function insertOnce<T>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model, whatever its methods and virtuals
  model: Model<T, any, any, any, any, any>,
  key: Record<string, unknown>,
  doc: Record<string, unknown>,
): Promise<{ doc: T & { _id: Types.ObjectId }; created: boolean }> {
  try {
    const [created] = await model.insertMany([doc]);
    return { doc: (created as unknown as { toObject(): T & { _id: Types.ObjectId } }).toObject(), created: true };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await model.findOne(key).lean();
    if (!existing) throw error;
    return { doc: existing as T & { _id: Types.ObjectId }, created: false };
  }
}
