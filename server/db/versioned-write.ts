import { setTimeout as sleep } from 'node:timers/promises';
import type { Model, UpdateQuery } from 'mongoose';
import { isDuplicateKeyError } from './insert-once.ts';

// A read-compute-write of one small document by `_id`, for changes that the
// update operators FerretDB 1.24 supports cannot express (it ignores `$push`'s
// `$position` and `$slice` and refuses the positional `$`): read the document,
// compute the change, write it only if `version` is still the one read, and
// start again if someone wrote in between. The guarded write is atomic on both
// databases (on the embedded one through the launcher's write lock, decision
// 003), and the first write of a document is an insert under its `_id`, so of
// two concurrent creators one inserts and the other retries as an update.

/** What to do with the document as it was read; `result` is handed back once the write succeeded. */
export type VersionedStep<R> =
  { insert: Record<string, unknown>; result: R } | { update: UpdateQuery<unknown>; result: R } | { result: R };

/** Lost races before giving up: only a flood of writes to one document gets there. */
const MAX_LOST_WRITES = 30;

export async function versionedWrite<D extends { version: number }, R>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model, whatever its methods and virtuals
  model: Model<any, any, any, any, any, any>,
  _id: string,
  plan: (current: D | null) => VersionedStep<R>,
): Promise<R> {
  for (let lost = 0; lost < MAX_LOST_WRITES; lost++) {
    const current = (await model.findById(_id).lean()) as D | null;
    const step = plan(current);
    if ('insert' in step) {
      if (current) throw new Error(`versionedWrite: ${_id} exists; plan must update it`);
      try {
        await model.insertMany([{ ...step.insert, _id, version: 0 }]);
        return step.result;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    } else if ('update' in step) {
      if (!current) throw new Error(`versionedWrite: ${_id} is missing; plan must insert it`);
      const { $inc, ...rest } = step.update;
      const { matchedCount } = await model.updateOne(
        { _id, version: current.version },
        { ...rest, $inc: { ...($inc as object), version: 1 } },
      );
      if (matchedCount === 1) return step.result;
    } else {
      return step.result;
    }
    // Someone else wrote first: spread a burst's retries a little, then read again.
    await sleep(Math.random() * 5 * Math.min(lost + 1, 10));
  }
  throw new Error(`versionedWrite: ${model.modelName} ${_id} is too busy`);
}
