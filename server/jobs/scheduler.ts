import { logger } from '../logger.ts';

// Periodic work in the app process: expiring sessions and rate-limit counters
// (TTL indexes are not portable), and later whatever else must happen on time.
// A job never overlaps itself, a failing run is logged and the next one still
// comes, and no timer keeps the process alive. With several app instances each
// runs its jobs, so a job must be safe to run concurrently with its twin.

export interface JobDefinition {
  /** Stable name, used in logs and by runJobNow. */
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
}

interface JobState {
  job: JobDefinition;
  timers: NodeJS.Timeout[];
  running?: Promise<unknown>;
}

interface Registry {
  jobs: Map<string, JobState>;
  started: boolean;
  initialDelayMs: number;
}

const registry: Registry = { jobs: new Map(), started: false, initialDelayMs: 5_000 };

export function registerJob(job: JobDefinition): void {
  if (!job.name) throw new Error('a job needs a name');
  if (!Number.isFinite(job.intervalMs) || job.intervalMs < 1) throw new RangeError(`job ${job.name}: bad intervalMs`);
  if (registry.jobs.has(job.name)) throw new Error(`job ${job.name} is already registered`);
  const state: JobState = { job, timers: [] };
  registry.jobs.set(job.name, state);
  if (registry.started) schedule(state);
}

export function isJobRegistered(name: string): boolean {
  return registry.jobs.has(name);
}

/** Stops and forgets a job (waiting for a run in progress). */
export async function unregisterJob(name: string): Promise<void> {
  const state = registry.jobs.get(name);
  if (!state) return;
  registry.jobs.delete(name);
  unschedule(state);
  await state.running?.catch(() => undefined);
}

/** The registered jobs' names and intervals, for an operator page. */
export function listJobs(): { name: string; intervalMs: number; running: boolean }[] {
  return [...registry.jobs.values()].map(({ job, running }) => ({
    name: job.name,
    intervalMs: job.intervalMs,
    running: running !== undefined,
  }));
}

/**
 * Starts every registered job (and those registered later): each runs once after
 * `initialDelayMs` (5 s by default, clear of start-up), then every intervalMs.
 */
export function startJobs({ initialDelayMs = 5_000 }: { initialDelayMs?: number } = {}): void {
  if (registry.started) return;
  registry.started = true;
  registry.initialDelayMs = initialDelayMs;
  for (const state of registry.jobs.values()) schedule(state);
}

/** Stops the timers and waits for the runs in progress to finish. */
export async function stopJobs(): Promise<void> {
  registry.started = false;
  const states = [...registry.jobs.values()];
  for (const state of states) unschedule(state);
  await Promise.all(states.map((state) => state.running?.catch(() => undefined)));
}

/**
 * Runs a job now and resolves with its result (rejects with its error, which is
 * logged as well). A run in progress is waited for first: never two at once.
 */
export async function runJobNow(name: string): Promise<unknown> {
  const state = registry.jobs.get(name);
  if (!state) throw new Error(`no job named ${name}`);
  while (state.running) await state.running.catch(() => undefined);
  return execute(state);
}

function schedule(state: JobState): void {
  const tick = () => {
    // A run still in progress when the next is due: skip this one.
    if (state.running) {
      logger.debug({ job: state.job.name }, 'job still running; tick skipped');
      return;
    }
    execute(state).catch(() => undefined); // logged in execute
  };
  const first = setTimeout(() => {
    tick();
    if (!registry.started || registry.jobs.get(state.job.name) !== state) return;
    const every = setInterval(tick, state.job.intervalMs);
    every.unref();
    state.timers.push(every);
  }, registry.initialDelayMs);
  first.unref();
  state.timers.push(first);
}

function unschedule(state: JobState): void {
  for (const timer of state.timers) clearTimeout(timer);
  state.timers = [];
}

/** One run; `state.running` is set before the job starts, so callers that checked it cannot overlap. */
function execute(state: JobState): Promise<unknown> {
  const { name } = state.job;
  const started = Date.now();
  const run: Promise<unknown> = Promise.resolve()
    .then(() => state.job.run())
    .then(
      (result) => {
        logger.debug({ job: name, ms: Date.now() - started, result }, 'job finished');
        return result;
      },
      (err: unknown) => {
        logger.error({ err, job: name, ms: Date.now() - started }, 'job failed');
        throw err;
      },
    )
    .finally(() => {
      if (state.running === run) state.running = undefined;
    });
  state.running = run;
  return run;
}
