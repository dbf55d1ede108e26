import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './server-process.ts';

// stripe-mock, Stripe's own mock of its API driven by its OpenAPI spec, so the
// payment code talks to a real HTTP server with Stripe's shapes instead of a
// hand-written fake. A test dependency only, built from source with Go (the
// module proxy serves it; no release binaries) into node_modules/.cache. Unlike
// MinIO it builds in seconds, so it is built on demand wherever it is started.

// Its embedded spec is Stripe's API 2026-08-26.dahlia, the version stripe-node
// 22.6 pins: package.json keeps `stripe` on ~22.6 so SDK and mock agree (23.x
// speaks 2026-10-28, where Checkout's `payment_method_types` was renamed).
export const STRIPE_MOCK_VERSION = 'v0.203.0';

const cacheDir = path.resolve(fileURLToPath(import.meta.url), '../../../node_modules/.cache/medip-stripe-mock');
export const stripeMockBinary = path.join(cacheDir, `stripe-mock-${STRIPE_MOCK_VERSION}`);

/** Builds stripe-mock once (seconds, then cached); returns the binary. */
export function buildStripeMock(log: (line: string) => void = () => {}): string {
  if (existsSync(stripeMockBinary)) return stripeMockBinary;
  mkdirSync(cacheDir, { recursive: true });
  const gobin = mkdtempSync(path.join(cacheDir, 'build-'));
  try {
    log(`building stripe-mock ${STRIPE_MOCK_VERSION} with Go (once)…`);
    const result = spawnSync('go', ['install', '-trimpath', `github.com/stripe/stripe-mock@${STRIPE_MOCK_VERSION}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, GOBIN: gobin, CGO_ENABLED: '0' },
    });
    if (result.status !== 0) throw new Error('building stripe-mock with Go failed (see the lines above)');
    renameSync(path.join(gobin, 'stripe-mock'), stripeMockBinary);
    return stripeMockBinary;
  } finally {
    rmSync(gobin, { recursive: true, force: true });
  }
}

export interface RunningStripeMock {
  /** Where Stripe's API answers, e.g. http://127.0.0.1:12111 (the STRIPE_API_BASE form). */
  apiBase: string;
  stop(): Promise<void>;
}

/**
 * Starts stripe-mock (building it first if needed) on the given loopback port,
 * or a free one; resolves once it answers an authenticated API call.
 */
export async function startStripeMock(options: { port?: number } = {}): Promise<RunningStripeMock> {
  const binary = buildStripeMock((line) => console.log(`[medip] ${line}`));
  const port = options.port ?? (await freePort());
  // -https-addr too: with -http-addr alone, stripe-mock v0.203.0 also opens HTTPS
  // on :12112 (all interfaces), so a second one on this machine could not start.
  // A bare environment: it reads PORT as well.
  const child = spawn(binary, ['-http-addr', `127.0.0.1:${port}`, '-https-addr', '127.0.0.1:0'], {
    env: { NODE_ENV: 'test', PATH: process.env.PATH! },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its log, for the error if it fails: the end only (it logs every request).
  let output = '';
  // Its own line saying it holds the port: on a taken port, another server would answer.
  let listening = false;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    listening ||= output.includes(`Listening for HTTP at address: 127.0.0.1:${port}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const apiBase = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  const tail = () => output.trim().slice(-1000);

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`stripe-mock exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail()}`);
    }
    const ready =
      listening &&
      (await fetch(`${apiBase}/v1/charges`, { headers: { Authorization: 'Bearer sk_test_x' } }).then(
        (response) => response.ok,
        () => false,
      ));
    if (ready) return { apiBase, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`stripe-mock did not answer on ${apiBase} within 20 seconds:\n${tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
