import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { buildEmbeddedDatabase, startEmbeddedDatabase } from '../../server/db/embedded.ts';

// FerretDB 1.24.2 as published never uses its `_id` index on SQLite; the
// launcher is built with a patch (decision 005). FerretDB's `explain` runs
// SQLite's EXPLAIN QUERY PLAN on the very SQL it issues for a find, so the plan
// says whether the index is used. These tests start launchers of their own,
// whatever database the rest of the run uses.

const ID_INDEX_SEARCH =
  /^id=\d+ parent=\d+ notused=\d+ detail=SEARCH docs_\w+ USING INDEX docs_\w+__id_ \(<expr>=\?\)$/;

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'medip-id-index-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function open(binary?: string) {
  const db = await startEmbeddedDatabase({ dataDir, binary });
  const connection = await mongoose.createConnection(db.uri, { dbName: 'id_index' }).asPromise();
  return {
    docs: connection.collection<{ _id: string | mongoose.Types.ObjectId; state?: string; n?: number }>('docs'),
    /** SQLite's plan for FerretDB's SQL for `find(filter)`, one line per step. */
    async plan(filter: object): Promise<string[]> {
      const explained = await connection.db!.command({ explain: { find: 'docs', filter } });
      return explained.queryPlanner.Plan as string[];
    },
    async close() {
      await connection.close();
      await db.stop();
    },
  };
}

test('a find by _id searches the _id index instead of scanning the collection', async () => {
  const db = await open();
  try {
    const objectId = new mongoose.Types.ObjectId();
    await db.docs.insertMany([{ _id: 'a' }, { _id: 'b' }, { _id: objectId }]);

    expect(await db.plan({ _id: 'b' })).toEqual([expect.stringMatching(ID_INDEX_SEARCH)]);
    expect(await db.plan({ _id: objectId })).toEqual([expect.stringMatching(ID_INDEX_SEARCH)]);
  } finally {
    await db.close();
  }
});

test('a guarded filter narrows by the _id index and still applies its other fields', async () => {
  const db = await open();
  try {
    await db.docs.insertMany([
      { _id: 'a', state: 'open', n: 0 },
      { _id: 'b', state: 'open', n: 0 },
    ]);

    expect(await db.plan({ _id: 'b', state: 'open' })).toEqual([expect.stringMatching(ID_INDEX_SEARCH)]);
    expect(await db.docs.findOne({ _id: 'b', state: 'taken' })).toBeNull();
    expect(await db.docs.countDocuments({ _id: 'b', state: 'taken' })).toBe(0);
    expect((await db.docs.updateOne({ _id: 'b', state: 'taken' }, { $inc: { n: 1 } })).matchedCount).toBe(0);
    expect(await db.docs.findOneAndUpdate({ _id: 'b', state: 'taken' }, { $set: { state: 'closed' } })).toBeNull();
    expect((await db.docs.deleteOne({ _id: 'b', state: 'taken' })).deletedCount).toBe(0);
    expect((await db.docs.updateOne({ _id: 'b', state: 'open' }, { $inc: { n: 1 } })).matchedCount).toBe(1);
    expect(await db.docs.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', state: 'open', n: 0 },
      { _id: 'b', state: 'open', n: 1 },
    ]);
  } finally {
    await db.close();
  }
});

test(
  'a data directory written by FerretDB as published keeps working, and its look-ups use the _id index',
  async () => {
    const before = await open(buildEmbeddedDatabase({ unpatched: true }));
    try {
      await before.docs.insertMany([
        { _id: 'a', n: 0 },
        { _id: 'b', n: 0 },
        { _id: 'c', n: 0 },
      ]);
      // The defect the patch removes: the same find scans the whole table.
      expect(await before.plan({ _id: 'b' })).toEqual([expect.stringMatching(/detail=SCAN docs_\w+$/)]);
    } finally {
      await before.close();
    }

    const after = await open();
    try {
      expect(await after.plan({ _id: 'b' })).toEqual([expect.stringMatching(ID_INDEX_SEARCH)]);
      expect(await after.docs.findOne({ _id: 'b' })).toEqual({ _id: 'b', n: 0 });
      expect((await after.docs.updateOne({ _id: 'b' }, { $inc: { n: 1 } })).modifiedCount).toBe(1);
      expect((await after.docs.deleteOne({ _id: 'c' })).deletedCount).toBe(1);
      await after.docs.insertOne({ _id: 'd', n: 0 });
      await expect(after.docs.insertOne({ _id: 'a', n: 9 })).rejects.toMatchObject({ code: 11000 });
      expect(await after.docs.find().sort({ _id: 1 }).toArray()).toEqual([
        { _id: 'a', n: 0 },
        { _id: 'b', n: 1 },
        { _id: 'd', n: 0 },
      ]);
    } finally {
      await after.close();
    }
  },
  // Builds FerretDB as published once (mostly from Go's build cache).
  300_000,
);
