// npm run bench:db — what serialising writes (the launcher's proxy, decision
// 003) costs on the embedded database: update latency alone and in parallel,
// and read latency while writes run. Set BENCH_BASELINE_BINARY to another
// launcher binary (e.g. one built from an older main.go) to compare the two;
// their rounds alternate, so load from elsewhere on the machine hits both.
// Prints medians over BENCH_ROUNDS rounds; machines here are noisy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startEmbeddedDatabase } from '../../server/db/embedded.ts';

const N = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_TIMEOUT_MS = 60_000;

/** A round returns one latency list per kind of operation in it. */
type Round = () => Promise<number[][]>;

/** Per-operation latencies and the whole round's wall time, over every round. */
interface Sample {
  ops: number[];
  walls: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(op: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await op();
  return performance.now() - started;
}

/** Starts a launcher on a fresh directory with N documents; its rounds by workload. */
async function open(binary: string | undefined) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'medip-bench-db-'));
  const db = await startEmbeddedDatabase({ dataDir, binary });
  // Writers and readers use pools of their own, so a read never queues behind
  // a write in the driver: what is measured is the server (and the proxy).
  const connect = () => mongoose.createConnection(db.uri, { dbName: 'bench', maxPoolSize: N }).asPromise();
  const [writer, reader] = await Promise.all([connect(), connect()]);
  const docs = writer.collection('docs');
  const readDocs = reader.collection('docs');
  const ids = Object.values((await docs.insertMany(Array.from({ length: N }, (_, i) => ({ i, n: 0 })))).insertedIds);

  const update = (i: number) => docs.updateOne({ _id: ids[i] }, { $inc: { n: 1 } });
  const find = (i: number) => readDocs.findOne({ _id: ids[i] });
  const parallel = (op: (i: number) => Promise<unknown>) => Promise.all(ids.map((_, i) => timed(() => op(i))));

  const rounds: Record<string, Round> = {
    [`${N} sequential updateOne`]: async () => {
      const ops: number[] = [];
      for (let i = 0; i < N; i++) ops.push(await timed(() => update(i)));
      return [ops];
    },
    [`${N} parallel updateOne (different docs)`]: async () => [await parallel(update)],
    [`${N} parallel finds, no writes`]: async () => [await parallel(find)],
    // Two results: the finds, then the updates that ran alongside them.
    [`${N} parallel finds during ${N} parallel updates`]: () => Promise.all([parallel(find), parallel(update)]),
  };
  return {
    rounds,
    async close() {
      // Forced: a wedged database never answers the pending operations.
      await Promise.all([writer.close(true), reader.close(true)]);
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Target = Awaited<ReturnType<typeof open>> & { hung?: string };

/**
 * One round, or null when it has not finished within ROUND_TIMEOUT_MS: FerretDB
 * 1.24 without the proxy can deadlock under many parallel writes (its SQLite
 * pool runs dry, decision 003), and a wedged database stays wedged.
 */
async function runRound(target: Target, workload: string): Promise<number[][] | null> {
  if (target.hung) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ROUND_TIMEOUT_MS)));
  const series = await Promise.race([target.rounds[workload]!(), timeout]);
  clearTimeout(timer);
  if (!series) target.hung = workload;
  return series;
}

/** Runs one workload on every target: a warm-up round (opens the pools' connections), then alternating measured rounds. */
async function measure(targets: Target[], workload: string): Promise<Sample[][]> {
  for (const target of targets) await runRound(target, workload);
  const samples: Sample[][] = targets.map(() => []);
  for (let i = 0; i < ROUNDS; i++) {
    for (const [t, target] of targets.entries()) {
      const started = performance.now();
      const series = await runRound(target, workload);
      const wall = performance.now() - started;
      series?.forEach((ops, k) => {
        const sample = (samples[t]![k] ??= { ops: [], walls: [] });
        sample.ops.push(...ops);
        sample.walls.push(wall);
      });
    }
  }
  return samples;
}

const baselineBinary = process.env.BENCH_BASELINE_BINARY;
const targets: Target[] = [await open(undefined)];
if (baselineBinary) targets.push(await open(baselineBinary));

const rows: [string, (Sample | undefined)[]][] = [];
try {
  for (const workload of Object.keys(targets[0]!.rounds)) {
    const samples = await measure(targets, workload);
    rows.push([workload, samples.map((s) => s[0])]);
    if (workload.includes('during')) rows.push([`  … and those ${N} updates`, samples.map((s) => s[1])]);
  }
} finally {
  for (const target of targets) await target.close();
}

const header = ['with proxy: op', 'round'].concat(baselineBinary ? ['baseline: op', 'round'] : []);
const cells = (s: Sample | undefined) => (s ? [median(s.ops).toFixed(1), median(s.walls).toFixed(0)] : ['hung', '–']);
console.log(`embedded database, median ms per operation and per round (${ROUNDS} rounds)`);
if (baselineBinary) console.log(`baseline: ${baselineBinary}`);
for (const target of targets) {
  if (target.hung) console.log(`${target === targets[0] ? 'with proxy' : 'baseline'}: hung in "${target.hung}"`);
}
console.log(`| ${'workload'.padEnd(46)} | ${header.map((h) => h.padStart(14)).join(' | ')} |`);
console.log(`|${'-'.repeat(48)}|${header.map(() => '-'.repeat(16)).join('|')}|`);
for (const [name, samples] of rows) {
  console.log(
    `| ${name.padEnd(46)} | ${samples
      .flatMap(cells)
      .map((c) => c.padStart(14))
      .join(' | ')} |`,
  );
}
