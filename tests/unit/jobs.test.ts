import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { logger } from '../../server/logger.ts';
import { registerJob, runJobNow, startJobs, stopJobs, unregisterJob } from '../../server/jobs/index.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const registered: string[] = [];
let n = 0;

function job(intervalMs: number, run: () => Promise<unknown>): string {
  const name = `test-job-${++n}`;
  registerJob({ name, intervalMs, run });
  registered.push(name);
  return name;
}

afterEach(async () => {
  await stopJobs();
  for (const name of registered.splice(0)) await unregisterJob(name);
  vi.restoreAllMocks();
});

test('a job runs once shortly after start and then every interval', async () => {
  let runs = 0;
  job(40, async () => runs++);
  startJobs({ initialDelayMs: 20 });
  await sleep(10);
  expect(runs).toBe(0);
  await sleep(200);
  expect(runs).toBeGreaterThanOrEqual(3);
});

test('a job never overlaps itself, even when it outlasts its interval', async () => {
  let running = 0;
  let most = 0;
  let runs = 0;
  const name = job(10, async () => {
    running++;
    most = Math.max(most, running);
    await sleep(60);
    running--;
    runs++;
  });
  startJobs({ initialDelayMs: 0 });
  await Promise.all([sleep(250), runJobNow(name), runJobNow(name)]);
  expect(most).toBe(1);
  expect(runs).toBeGreaterThanOrEqual(3);
});

test('a failing run is logged and the next runs still come', async () => {
  const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  let runs = 0;
  const name = job(20, async () => {
    runs++;
    throw new Error('boom');
  });
  startJobs({ initialDelayMs: 0 });
  await sleep(150);
  expect(runs).toBeGreaterThanOrEqual(3);
  expect(logged).toHaveBeenCalledWith(
    expect.objectContaining({ job: name, err: expect.objectContaining({ message: 'boom' }) }),
    'job failed',
  );
});

test('stopJobs waits for the run in progress and no run starts after it', async () => {
  let started = 0;
  let finished = 0;
  job(20, async () => {
    started++;
    await sleep(150);
    finished++;
  });
  startJobs({ initialDelayMs: 0 });
  await sleep(30);
  expect(started).toBe(1);
  await stopJobs();
  expect(finished).toBe(1);
  await sleep(100);
  expect(started).toBe(1);
});

test('runJobNow returns the result, rejects with the error, and knows only registered jobs', async () => {
  vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  expect(await runJobNow(job(60_000, async () => 42))).toBe(42);
  await expect(runJobNow(job(60_000, () => Promise.reject(new Error('nope'))))).rejects.toThrow('nope');
  await expect(runJobNow('no-such-job')).rejects.toThrow('no job named no-such-job');
});

test('a name is registered once', () => {
  const name = job(1_000, async () => undefined);
  expect(() => registerJob({ name, intervalMs: 1_000, run: async () => undefined })).toThrow('already registered');
});

test('started jobs do not keep the process alive', async () => {
  const script = `
    import { registerJob, startJobs } from './server/jobs/index.ts';
    registerJob({ name: 'idle', intervalMs: 60_000, run: async () => undefined });
    startJobs();
    console.log(Date.now());
  `;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      env: { ...process.env, NODE_ENV: 'test' },
      timeout: 20_000,
    },
  );
  // Measured from the jobs' start (importing the modules takes what the machine gives it):
  // the process ended well before the 5 s first-run delay, so nothing held the event loop open.
  expect(Date.now() - Number(stdout.trim())).toBeLessThan(4_500);
});
