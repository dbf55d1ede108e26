// Child processes of the search benchmark: the seeder, the app server, the bare
// server. Every one is tracked, so an error or Ctrl-C stops them all; CPU and
// memory come from /proc (Linux), which is where the benchmark runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { freePort } from '../support/server-process.ts';

const children = new Set<ChildProcess>();

function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGTERM (the server shuts down cleanly, saving its snapshot), SIGKILL after 10 s. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stop));
}

/** Stops the children on Ctrl-C, SIGTERM and uncaught errors before the process ends. */
export function stopAllOnExit(): void {
  const bail = (code: number) => () => void stopAll().finally(() => process.exit(code));
  process.once('SIGINT', bail(130));
  process.once('SIGTERM', bail(143));
  process.once('uncaughtException', (error) => {
    console.error(error);
    bail(1)();
  });
}

/** The environment the seeder and the server share, and nothing inherited (no MONGODB_URI from the shell). */
function baseEnv(dataDir: string): Record<string, string> {
  return { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
}

/** Seeds (or tops up) `listings` demo listings; its progress goes to our stderr. */
export function seed(dataDir: string, listings: number): Promise<void> {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', 'seed/cli.ts', '--listings', String(listings)], {
      env: { ...baseEnv(dataDir), NODE_ENV: 'production' },
      stdio: ['ignore', 2, 2],
    }),
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited with ${code}`))));
  });
}

export interface Server {
  child: ChildProcess;
  origin: string;
  /** performance.now() at spawn. */
  startedAt: number;
  output: () => string;
}

/**
 * Starts `server/main.ts` through tsx (production, the `build/` of `remix build`)
 * on a free port, as tests/support/server-process.ts does, with `nodeArgs`
 * (--cpu-prof is not allowed in NODE_OPTIONS).
 */
export async function startServer(dataDir: string, nodeArgs: string[] = []): Promise<Server> {
  const port = await freePort();
  const startedAt = performance.now();
  const child = track(
    spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
      env: { ...baseEnv(dataDir), NODE_ENV: 'production', PORT: String(port), SEED_DEMO: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, origin: `http://127.0.0.1:${port}`, startedAt, output: () => output };
}

/**
 * Polls `probe` every `intervalMs` until it returns true; throws when the server
 * exits or `timeoutMs` passes. `onWait` hears the seconds waited every 15 s.
 */
export async function waitFor(
  server: Server,
  probe: () => Promise<boolean>,
  { intervalMs, timeoutMs, onWait }: { intervalMs: number; timeoutMs: number; onWait?: (s: number) => void },
): Promise<void> {
  const started = performance.now();
  let reported = 0;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (server.child.exitCode !== null) throw new Error(`server exited:\n${server.output()}`);
    // A failed build leaves search 'warming' for good: no use waiting for it.
    if (server.output().includes('search reconciliation failed')) throw new Error(`server:\n${server.output()}`);
    const waited = performance.now() - started;
    if (waited > timeoutMs) throw new Error(`server not ready after ${timeoutMs / 1000} s:\n${server.output()}`);
    if (onWait && waited - reported >= 15_000) onWait(Math.round((reported = waited) / 1000));
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** CPU seconds used so far by `pid` and its descendants, living and ended (FerretDB is the server's child). */
function cpuSeconds(pid: number): number {
  try {
    // After the command name (which may hold spaces): utime, stime, cutime, cstime are fields 12 to 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const times = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 15)
      .map(Number);
    let total = times.reduce((a, b) => a + b, 0) / 100; // USER_HZ is 100 on Linux
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const kid of kids ? kids.split(' ') : []) total += cpuSeconds(Number(kid));
    }
    return total;
  } catch {
    return 0; // the process has just exited
  }
}

/**
 * Waits until `pid` and its children use under 10% of a core for 3 s running:
 * after a restart the server reconciles the index with the database in the
 * background, and requests measured meanwhile would measure that. Returns ms waited.
 */
export async function waitForIdle(pid: number, timeoutMs = 15 * 60_000): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  let last = cpuSeconds(pid);
  while (quiet < 3 && performance.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuSeconds(pid);
    quiet = now - last < 0.1 ? quiet + 1 : 0;
    last = now;
  }
  return performance.now() - started - quiet * 1000;
}

/** The machine's busy CPU seconds (all cores) and ours, to tell what other processes took meanwhile. */
export function cpuMark(): { at: number; machine: number; own: number } {
  const stat = readFileSync('/proc/stat', 'utf8');
  const [user, nice, system, , , irq, softirq, steal] = stat
    .slice(4, stat.indexOf('\n')) // the first line: "cpu  user nice system idle iowait irq softirq steal …"
    .trim()
    .split(/\s+/)
    .map(Number);
  const machine = (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  return { at: performance.now(), machine, own: cpuSeconds(process.pid) };
}

/** Cores other processes kept busy on average since `mark`: on a shared machine they make the numbers noisy. */
export function othersCores(mark: ReturnType<typeof cpuMark>): number {
  const now = cpuMark();
  return (now.machine - mark.machine - (now.own - mark.own)) / ((now.at - mark.at) / 1000);
}

/** Resident memory of one process in MB. */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** Starts tests/bench/search-bare-server.ts serving `htmlFile`; resolves with its origin. */
export async function startBareServer(htmlFile: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', 'tests/bench/search-bare-server.ts', htmlFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const port = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { child, origin: `http://127.0.0.1:${port.trim()}` };
}
