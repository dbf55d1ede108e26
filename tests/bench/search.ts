// npm run bench:search [-- --listings N --data-dir DIR --seconds S --rounds R --reuse-snapshot --skip-build --profile]
//
// The search module at scale: the embedded engine in-process, the API through
// the real server, and the pages that read the index, against the targets
// below. The data directory persists (default ./data-bench/search), so a rerun
// reuses the seeded database. Progress goes to stderr, the table to stdout.
// Needs --expose-gc (the npm script passes it) and Linux (/proc).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EmbeddedEngine } from '../../server/search/embedded/engine.ts';
import { demoSearchDocuments } from './search-documents.ts';
import { httpClient, percentile, runFor, runList, type Answer, type LoadResult } from './search-load.ts';
import {
  cpuMark,
  othersCores,
  rssMb,
  seed,
  startBareServer,
  startServer,
  stop,
  stopAll,
  stopAllOnExit,
  waitFor,
  waitForIdle,
  type Server,
} from './search-processes.ts';
import { profiled, summarizeProfileDir } from './search-profile.ts';
import { benchQueries, toEngineQuery, type BenchQuery, type QueryClass } from './search-queries.ts';

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '100000' },
    'data-dir': { type: 'string', default: 'data-bench/search' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    'reuse-snapshot': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
  strict: true,
});
const N = Number(args.listings);
/** Rounds over the query set; the first warms up and is not counted. */
const ROUNDS = Number(args.rounds);
const PAGE_MS = Number(args.seconds) * 1000;
const CLIENTS = 16;
// Paths below (seed/cli.ts, server/main.ts, build/) are the repository's.
process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));
const DATA_DIR = path.resolve(args['data-dir']);
const SNAPSHOT = path.join(DATA_DIR, 'search', 'listings.snapshot');

/** Pages of the app at 16 clients: the browse page in three shapes, and the home page. */
const PAGES: [label: string, path: string][] = [
  ['/listings', '/listings'],
  ['/listings?q=', `/listings?q=${encodeURIComponent('超声')}`],
  ['/listings + filters', '/listings?kind=patent&category=medical_acoustics&stage=prototype&trlMin=3'],
  ['home /', '/'],
];
/** /listings asked afresh each time (Cache-Control: no-cache): the page's cost without the micro-cache. */
const FRESH_PAGE = '/listings, no-cache';
/** /listings asked as browsers ask, accepting compressed answers (the other rows ask without, as the bare server is asked). */
const GZIP_PAGE = '/listings, gzip/br clients';

const log = (line: string) => process.stderr.write(`[bench:search] ${line}\n`);
const mb = (bytes: number) => bytes / 1024 / 1024;

// ---------------------------------------------------------------- phases

/** `remix build`; while a page is mid-rewrite the build may fail, and the previous build/ is measured instead. */
function buildApp(): string | undefined {
  if (args['skip-build']) return 'skipped (--skip-build): serving the existing build/';
  const result = spawnSync(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'build'], {
    stdio: ['ignore', 2, 2],
  });
  if (result.status === 0) return undefined;
  if (!existsSync('build/index.js')) throw new Error('remix build failed and there is no previous build/');
  log('remix build FAILED: measuring the previous build/ (stale)');
  return 'remix build failed: the previous build/ was measured';
}

interface EngineBench {
  generateMs: number;
  buildMs: number;
  docsMb: number;
  indexMb: number;
  latencies: number[];
  byClass: Map<QueryClass, number[]>;
  /** Result total per query, to check the API searches the same listings. */
  totals: number[];
  queries: BenchQuery[];
}

/** heapUsed + arrayBuffers after a full collection: what live objects hold. */
function liveBytes(): number {
  global.gc!();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

async function benchEngine(): Promise<EngineBench> {
  const before = liveBytes();
  let started = performance.now();
  const docs = demoSearchDocuments(N);
  const generateMs = performance.now() - started;
  const withDocs = liveBytes();
  const queries = benchQueries(docs);

  const engine = new EmbeddedEngine();
  await engine.open();
  const build = async () => {
    started = performance.now();
    for (let i = 0; i < docs.length; i += 1000) await engine.upsert(docs.slice(i, i + 1000));
    await engine.flush(); // as reconcile() ends a build: the engine tidies up after bulk writes
    return performance.now() - started;
  };
  const buildMs = await maybeProfiled('index build', build);
  const indexed = liveBytes();

  const latencies: number[] = [];
  const byClass = new Map<QueryClass, number[]>();
  const totals: number[] = [];
  const run = async () => {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, q] of queries.entries()) {
        const query = toEngineQuery(q.params); // outside the timing: the API parses too, measured there
        const t = performance.now();
        totals[i] = (await engine.search(query)).total;
        const ms = performance.now() - t;
        if (round === 0) continue;
        latencies.push(ms);
        if (!byClass.has(q.kind)) byClass.set(q.kind, []);
        byClass.get(q.kind)!.push(ms);
      }
    }
  };
  await maybeProfiled('engine queries', run);
  return {
    generateMs,
    buildMs,
    docsMb: mb(withDocs - before),
    indexMb: mb(indexed - withDocs),
    latencies,
    byClass,
    totals,
    queries,
  };
}

async function maybeProfiled<T>(what: string, run: () => Promise<T>): Promise<T> {
  if (!args.profile) return run();
  const { value, summary } = await profiled(run);
  log(`CPU profile of ${what}:\n${summary.join('\n')}`);
  return value;
}

/** First start without a snapshot: the server builds the index from the database (search 'warming' until done). */
async function firstStart(): Promise<{ buildMs: number; totalMs: number } | undefined> {
  if (args['reuse-snapshot'] && existsSync(SNAPSHOT)) return undefined;
  rmSync(SNAPSHOT, { force: true });
  const server = await startServer(DATA_DIR);
  let listeningAt: number | undefined;
  const searchOk = async () => {
    const health = (await (await fetch(`${server.origin}/healthz`)).json()) as { search?: string };
    listeningAt ??= performance.now();
    return health.search === 'ok';
  };
  await waitFor(server, searchOk, {
    intervalMs: 250,
    timeoutMs: 30 * 60_000,
    onWait: (s) => log(`  building the index from the database… ${s} s`),
  });
  const done = performance.now();
  await stop(server.child);
  return { buildMs: done - listeningAt!, totalMs: done - server.startedAt };
}

/** A start with the snapshot: spawn → first complete answer of GET /api/v1/search. */
async function restart(probePath: string, nodeArgs: string[]): Promise<{ server: Server; firstSearchMs: number }> {
  const server = await startServer(DATA_DIR, nodeArgs);
  const answered = async () => {
    const res = await fetch(server.origin + probePath);
    return res.ok && !('notice' in ((await res.json()) as object));
  };
  await waitFor(server, answered, { intervalMs: 20, timeoutMs: 10 * 60_000 });
  return { server, firstSearchMs: performance.now() - server.startedAt };
}

interface ApiBench {
  latencies: number[];
  errors: number;
  /** Successful requests per second over the counted rounds. */
  throughput: number;
  totals: number[];
}

/** Asks every request afresh: what the server costs without its anonymous micro-cache. */
const NO_CACHE = { 'cache-control': 'no-cache' };

/** The query set as API requests, `clients` at a time, ROUNDS times (the first not counted). */
async function benchApi(
  origin: string,
  paths: string[],
  clients: number,
  headers: Record<string, string> = {},
): Promise<ApiBench> {
  const client = await httpClient(origin, clients, headers);
  const bench: ApiBench = { latencies: [], errors: 0, throughput: 0, totals: [] };
  let elapsedMs = 0;
  const readTotal = (i: number, answer: Answer | null) => {
    if (answer?.status === 200) bench.totals[i] = (JSON.parse(answer.body().toString()) as { total: number }).total;
  };
  for (let round = 0; round < ROUNDS; round++) {
    const result = await runList(client, paths, clients, round === 0 ? readTotal : undefined);
    bench.errors += result.errors;
    if (round === 0) continue;
    bench.latencies.push(...result.latencies);
    elapsedMs += result.elapsedMs;
  }
  bench.throughput = (bench.latencies.length * 1000) / elapsedMs;
  await client.close();
  return bench;
}

/** One path at CLIENTS clients for PAGE_MS, after a second of warm-up. */
async function benchPage(origin: string, pagePath: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  const client = await httpClient(origin, CLIENTS, headers);
  const warmUp = await runFor(client, pagePath, CLIENTS, 1000);
  const result = await runFor(client, pagePath, CLIENTS, PAGE_MS);
  await client.close();
  return { ...result, errors: result.errors + warmUp.errors };
}

/** The HTML of /listings (or of home while /listings fails), to serve from the bare server. */
async function pageHtml(origin: string): Promise<{ html: Buffer; from: string }> {
  const client = await httpClient(origin, 1);
  try {
    for (const from of ['/listings', '/']) {
      const answer = await client.get(from);
      if (answer.status === 200) return { html: answer.body(), from };
    }
    throw new Error('neither /listings nor / answers 200: no page to serve from the bare server');
  } finally {
    await client.close();
  }
}

async function benchBare(html: Buffer): Promise<LoadResult> {
  const file = path.join(tmpdir(), `medip-bench-page-${process.pid}.html`);
  writeFileSync(file, html);
  const bare = await startBareServer(file);
  try {
    return await benchPage(bare.origin, '/');
  } finally {
    await stop(bare.child);
    rmSync(file, { force: true });
  }
}

// ---------------------------------------------------------------- report

interface Row {
  metric: string;
  value: string;
  target: string;
  /** undefined: no target. */
  ok?: boolean;
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;
const pcts = (xs: number[]) => `${[50, 95, 99].map((p) => ms(percentile(xs, p))).join(' / ')} ms`;
const errors = (n: number) => (n ? `, ${n} errors` : '');

function printTable(header: string[], rows: Row[], notes: string[]): void {
  const cells = rows.map((r) => [r.metric, r.value, r.target || '–', r.ok === undefined ? '–' : r.ok ? '✓' : '✗']);
  const titles = ['metric', 'value', 'target', 'ok'];
  const widths = titles.map((t, i) => Math.max(t.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((s, i) => s.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [
    ...header,
    '',
    line(titles),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
    '',
    ...notes,
  ];
  console.log(out.join('\n'));
}

function engineByClass(bench: EngineBench): void {
  log('engine latency by query class, p50 / p95 / max:');
  for (const [kind, xs] of bench.byClass) {
    const [p50, p95] = [percentile(xs, 50), percentile(xs, 95)];
    log(`  ${kind.padEnd(9)} ${ms(p50)} / ${ms(p95)} / ${ms(Math.max(...xs))} ms`);
  }
}

function gitState(): string {
  const git = (...a: string[]) => spawnSync('git', a, { encoding: 'utf8' }).stdout.trim();
  const dirty = git('status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean).length;
  return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ` + ${dirty} uncommitted files` : ''}`;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc (npm run bench:search does)');
  stopAllOnExit();
  const notes: string[] = [];
  const buildNote = buildApp();
  if (buildNote) notes.push(`NOTE: ${buildNote}`);
  // What other processes on the machine took, phase by phase: the numbers are only as quiet as the machine.
  const others: string[] = [];
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const mark = cpuMark();
    const value = await run();
    others.push(`${name} ${othersCores(mark).toFixed(2)}`);
    return value;
  };

  log(`seeding ${N} listings into ${DATA_DIR} (reused when present)…`);
  mkdirSync(DATA_DIR, { recursive: true });
  const seedStarted = performance.now();
  await seed(DATA_DIR, N);
  notes.push(`seed step: ${seconds(performance.now() - seedStarted)} (idempotent; reruns reuse the database)`);

  log('engine in-process: generating documents, building, querying…');
  const engine = await phase('engine', benchEngine);
  log(`  ${N} documents generated in ${seconds(engine.generateMs)} (not part of the build time)`);
  engineByClass(engine);
  global.gc!(); // the in-process index is dropped before the servers run
  const apiPaths = engine.queries.map((q) => `/api/v1/search?${q.params}`);

  log('first server start without a snapshot: index build from the database…');
  const first = await phase('first start', firstStart);
  log('restart with the snapshot…');
  const profileDir = path.join(tmpdir(), `medip-bench-profile-${process.pid}`);
  const profileArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const { server, firstSearchMs } = await phase('restart', () => restart(apiPaths[0]!, profileArgs));
  const settleMs = await waitForIdle(server.child.pid!);
  const serverRss = rssMb(server.child.pid!);
  log(`  background reconcile after restart: ${seconds(settleMs)}; server RSS ${serverRss.toFixed(0)} MB`);

  log('API at 1 client…');
  const api1 = await phase('API 1', () => benchApi(server.origin, apiPaths, 1));
  log(`API at ${CLIENTS} clients…`);
  const api16 = await phase(`API ${CLIENTS}`, () => benchApi(server.origin, apiPaths, CLIENTS));
  const api16Fresh = await phase(`API ${CLIENTS} no-cache`, () => benchApi(server.origin, apiPaths, CLIENTS, NO_CACHE));
  const pages = new Map<string, LoadResult>();
  await phase('pages', async () => {
    for (const [label, pagePath] of PAGES) {
      log(`${label} at ${CLIENTS} clients for ${PAGE_MS / 1000} s…`);
      pages.set(label, await benchPage(server.origin, pagePath));
    }
    log(`/listings without the micro-cache at ${CLIENTS} clients for ${PAGE_MS / 1000} s…`);
    pages.set(FRESH_PAGE, await benchPage(server.origin, '/listings', NO_CACHE));
    log(`/listings for clients accepting gzip and br at ${CLIENTS} clients for ${PAGE_MS / 1000} s…`);
    pages.set(GZIP_PAGE, await benchPage(server.origin, '/listings', { 'accept-encoding': 'gzip, deflate, br' }));
  });
  const { html, from } = await pageHtml(server.origin);
  await stop(server.child);
  if (args.profile) {
    log(`CPU profile of the server (API and pages):\n${summarizeProfileDir(profileDir).join('\n')}`);
    rmSync(profileDir, { recursive: true, force: true });
  }
  log(`bare node:http serving ${from}'s ${html.length} bytes at ${CLIENTS} clients…`);
  const bare = await phase('bare', () => benchBare(html));

  const agree = engine.totals.filter((t, i) => api1.totals[i] === t).length;
  notes.push(`API and in-process engine agree on the result total of ${agree}/${apiPaths.length} queries`);
  if (agree < apiPaths.length * 0.9) {
    notes.push(`WARNING: the data dir may hold another number of listings than ${N}: use another --data-dir`);
  }
  notes.push(`bare server serves ${from}'s HTML (${(html.length / 1024).toFixed(0)} KB); clients ask without gzip`);
  notes.push(`other processes' CPU, cores on average: ${others.join(' · ')}`);
  if (args.profile) notes.push('NOTE: --profile: the server ran under the CPU profiler, its timings are inflated');

  const rows = tableRows({ engine, first, firstSearchMs, settleMs, serverRss, api1, api16, api16Fresh, pages, bare });
  const header = [
    `search benchmark: ${N.toLocaleString('en')} listings · ${path.relative(process.cwd(), DATA_DIR)} · ` +
      `${gitState()} · node ${process.version} · ${cpus().length} CPUs · ${new Date().toISOString().slice(0, 16)}Z`,
  ];
  printTable(header, rows, notes);
}

function tableRows(r: {
  engine: EngineBench;
  first: { buildMs: number; totalMs: number } | undefined;
  firstSearchMs: number;
  settleMs: number;
  serverRss: number;
  api1: ApiBench;
  api16: ApiBench;
  api16Fresh: ApiBench;
  pages: Map<string, LoadResult>;
  bare: LoadResult;
}): Row[] {
  const { engine, api1, api16, bare } = r;
  const p95 = (xs: number[]) => percentile(xs, 95);
  const memory = engine.docsMb + engine.indexMb;
  const ratio1 = p95(api1.latencies) / p95(engine.latencies);
  const pageRow = (label: string): Row => {
    const page = r.pages.get(label)!;
    const share = page.throughput / bare.throughput;
    return {
      metric: `${label} ${CLIENTS} clients req/s, p95`,
      value: `${page.throughput.toFixed(0)} req/s, p95 ${ms(p95(page.latencies))} ms, ${share.toFixed(2)}× bare${errors(page.errors)}`,
      target: 'p95 < 100 ms, ≥ 0.40× bare',
      ok: p95(page.latencies) < 100 && share >= 0.4 && page.errors === 0,
    };
  };
  const listingShares = PAGES.filter(([l]) => l.startsWith('/listings')).map(
    ([l]) => r.pages.get(l)!.throughput / bare.throughput,
  );
  return [
    {
      metric: `index build (in-process, ${N} docs)`,
      value: `${seconds(engine.buildMs)} (${((N / engine.buildMs) * 1000).toFixed(0)} docs/s)`,
      target: '< 60 s',
      ok: engine.buildMs < 60_000,
    },
    {
      metric: 'index memory (documents + index)',
      value: `${memory.toFixed(0)} MB (${engine.docsMb.toFixed(0)} + ${engine.indexMb.toFixed(0)})`,
      target: '< 400 MB',
      ok: memory < 400,
    },
    r.first
      ? {
          metric: 'index build from database (first start)',
          value: `${seconds(r.first.buildMs)} (spawn → search ok ${seconds(r.first.totalMs)})`,
          target: '< 60 s',
          ok: r.first.buildMs < 60_000,
        }
      : { metric: 'index build from database (first start)', value: 'skipped (--reuse-snapshot)', target: '< 60 s' },
    {
      metric: 'restart to first search',
      value: seconds(r.firstSearchMs),
      target: '< 10 s',
      ok: r.firstSearchMs < 10_000,
    },
    { metric: 'background reconcile after restart', value: seconds(r.settleMs), target: '' },
    { metric: 'server RSS after restart (idle)', value: `${r.serverRss.toFixed(0)} MB`, target: '' },
    {
      metric: 'engine p50/p95/p99',
      value: pcts(engine.latencies),
      target: 'p95 < 30 ms',
      ok: p95(engine.latencies) < 30,
    },
    {
      metric: 'API 1 client p50/p95/p99',
      value: `${pcts(api1.latencies)} (${api1.throughput.toFixed(0)} req/s)${errors(api1.errors)}`,
      target: '',
    },
    {
      metric: `API ${CLIENTS} clients p50/p95/p99`,
      value: `${pcts(api16.latencies)} (${api16.throughput.toFixed(0)} req/s)${errors(api16.errors)}`,
      target: 'p95 < 60 ms',
      ok: p95(api16.latencies) < 60 && api16.errors === 0,
    },
    {
      metric: `API ${CLIENTS} clients, no-cache p50/p95/p99`,
      value: `${pcts(r.api16Fresh.latencies)} (${r.api16Fresh.throughput.toFixed(0)} req/s)${errors(r.api16Fresh.errors)}`,
      target: '',
    },
    { metric: 'API/engine p95 ratio (1 client)', value: `${ratio1.toFixed(2)}×`, target: '< 1.5×', ok: ratio1 < 1.5 },
    {
      metric: `API/engine p95 ratio (${CLIENTS} clients)`,
      value: `${(p95(api16.latencies) / p95(engine.latencies)).toFixed(2)}×`,
      target: '',
    },
    ...PAGES.map(([label]) => pageRow(label)),
    { ...pageRow(FRESH_PAGE), target: '', ok: undefined },
    { ...pageRow(GZIP_PAGE), target: 'p95 < 100 ms', ok: p95(r.pages.get(GZIP_PAGE)!.latencies) < 100 },
    {
      metric: `bare node:http ${CLIENTS} clients req/s`,
      value: `${bare.throughput.toFixed(0)} req/s, p95 ${ms(p95(bare.latencies))} ms${errors(bare.errors)}`,
      target: '',
    },
    {
      metric: '/listings ÷ bare (plain, q, filters)',
      value: listingShares.map((s) => s.toFixed(2)).join(' / '),
      target: '≥ 0.40',
      ok: listingShares.every((s) => s >= 0.4),
    },
  ];
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
