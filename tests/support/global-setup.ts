import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/embedded.ts';

// One database server per test run: MONGODB_URI when set (a real MongoDB),
// otherwise an embedded FerretDB on a temporary directory.

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'medip-test-db-'));
    embedded = await startEmbeddedDatabase({ dataDir });
    uri = embedded.uri;
  }
  project.provide('mongoUri', uri);
}

export async function teardown() {
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
