// npm run bench:startup — time from starting the server to its first answer
// on `/`, on an empty data directory (embedded database + demo seed) and on an
// already seeded one. Prints a table of medians; machines here are noisy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, runServer } from '../support/server-process.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function timeToFirstResponse(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const { child, exited, output } = runServer({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`server exited:\n${output()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const empty: number[] = [];
const seeded: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'medip-bench-'));
  empty.push(await timeToFirstResponse(dir));
  seeded.push(await timeToFirstResponse(dir));
  rmSync(dir, { recursive: true, force: true });
}

const row = (name: string, xs: number[]) =>
  `| ${name.padEnd(40)} | ${median(xs).toFixed(0).padStart(9)} | ${Math.min(...xs)
    .toFixed(0)
    .padStart(7)} | ${Math.max(...xs)
    .toFixed(0)
    .padStart(7)} |`;
console.log(`server start → first 200 on / (ms, ${RUNS} runs; excludes \`remix build\`)`);
console.log(
  `| ${'data directory'.padEnd(40)} | ${'median'.padStart(9)} | ${'min'.padStart(7)} | ${'max'.padStart(7)} |`,
);
console.log(`|${'-'.repeat(42)}|${'-'.repeat(11)}|${'-'.repeat(9)}|${'-'.repeat(9)}|`);
console.log(row('empty (starts FerretDB, seeds demo set)', empty));
console.log(row('seeded', seeded));
console.log(`ratio empty/seeded: ${(median(empty) / median(seeded)).toFixed(2)}`);
