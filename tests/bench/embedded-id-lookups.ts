// npm run bench:db-id — what the `_id` patch (decision 005) changes: median
// latency of a find, an update and a guarded update by `_id` on a growing
// collection, FerretDB as published against the patched launcher. Their
// samples alternate, so load from elsewhere on the machine hits both.
// BENCH_SIZES (comma-separated document counts) and BENCH_SAMPLES tune it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { buildEmbeddedDatabase, startEmbeddedDatabase } from '../../server/db/embedded.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const BATCH = 1_000;

type Listing = { _id: mongoose.Types.ObjectId; title: string; state: string; n: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(op: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await op();
  return performance.now() - started;
}

async function open(binary: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'medip-bench-id-'));
  const db = await startEmbeddedDatabase({ dataDir, binary });
  const connection = await mongoose.createConnection(db.uri, { dbName: 'bench' }).asPromise();
  const listings = connection.collection<Listing>('listings');
  const ids: mongoose.Types.ObjectId[] = [];
  return {
    ids,
    ops: {
      'findOne({ _id })': (_id: mongoose.Types.ObjectId) => listings.findOne({ _id }),
      'updateOne({ _id })': (_id: mongoose.Types.ObjectId) => listings.updateOne({ _id }, { $inc: { n: 1 } }),
      'updateOne({ _id, state })': (_id: mongoose.Types.ObjectId) =>
        listings.updateOne({ _id, state: 'open' }, { $inc: { n: 1 } }),
    },
    /** Inserts small listing-like documents until there are `size`. */
    async grow(size: number) {
      while (ids.length < size) {
        const batch = Array.from({ length: Math.min(BATCH, size - ids.length) }, (_, i) => ({
          _id: new mongoose.Types.ObjectId(),
          title: `Catheter tip sensor, variant ${ids.length + i}`,
          state: 'open',
          n: 0,
        }));
        await listings.insertMany(batch);
        ids.push(...batch.map((doc) => doc._id));
      }
    },
    async close() {
      await connection.close();
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Target = Awaited<ReturnType<typeof open>>;
type Op = keyof Target['ops'];

const targets: [string, Target][] = [
  ['as published', await open(buildEmbeddedDatabase({ unpatched: true }))],
  ['patched', await open(buildEmbeddedDatabase())],
];
const rows: string[][] = [];
try {
  for (const size of SIZES) {
    for (const [, target] of targets) await target.grow(size);
    for (const op of Object.keys(targets[0]![1].ops) as Op[]) {
      const latencies = targets.map((): number[] => []);
      // Documents spread over the whole collection; a scan finds early ones sooner.
      for (let s = -1; s < SAMPLES; s++) {
        const index = Math.floor(((Math.max(s, 0) + 0.5) * size) / SAMPLES);
        for (const [t, [, target]] of targets.entries()) {
          const ms = await timed(() => target.ops[op](target.ids[index]!));
          if (s >= 0) latencies[t]!.push(ms); // s = -1 warms up
        }
      }
      rows.push([size.toLocaleString('en'), op, ...latencies.map((ms) => median(ms).toFixed(1))]);
    }
  }
} finally {
  for (const [, target] of targets) await target.close();
}

const header = ['documents', 'operation', ...targets.map(([name]) => `${name} (ms)`)];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(`embedded database, median ms over ${SAMPLES} look-ups spread over the collection`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
