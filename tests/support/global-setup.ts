import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/embedded.ts';
import { startStripeMock, type RunningStripeMock } from './stripe-mock.ts';

// One database server per test run: MONGODB_URI when set (a real MongoDB),
// otherwise an embedded FerretDB on a temporary directory. One stripe-mock too,
// for the payment code's calls to Stripe (STRIPE_API_BASE).

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    stripeApiBase: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;
let stripeMock: RunningStripeMock | undefined;

export async function setup(project: TestProject) {
  stripeMock = await startStripeMock();
  project.provide('stripeApiBase', stripeMock.apiBase);
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'medip-test-db-'));
    embedded = await startEmbeddedDatabase({ dataDir });
    uri = embedded.uri;
  }
  project.provide('mongoUri', uri);
}

export async function teardown() {
  await stripeMock?.stop();
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
