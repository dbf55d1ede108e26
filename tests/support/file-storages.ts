import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { useFileStorage, type FileStorage } from '../../server/files/index.ts';
import { LocalFileStorage } from '../../server/files/local-storage.ts';
import { minioAvailable, startMinio } from './minio.ts';

// The file storages a test run can reach: the local disk always, S3 (a real
// MinIO server) when MinIO is built here (always in CI; README: "Documents").

export interface StorageUnderTest {
  name: 'local' | 's3';
  /** Null when the storage cannot run on this machine (its tests are reported as skipped). */
  create: (() => Promise<{ storage: FileStorage; keys: () => Promise<string[]>; dispose: () => Promise<void> }>) | null;
}

function temporaryLocalStorage() {
  const root = mkdtempSync(path.join(tmpdir(), 'medip-files-'));
  return {
    root,
    storage: new LocalFileStorage(root),
    keys: async () =>
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))),
    dispose: async () => rmSync(root, { recursive: true, force: true }),
  };
}

export const STORAGES: StorageUnderTest[] = [
  { name: 'local', create: async () => temporaryLocalStorage() },
  {
    name: 's3',
    create: minioAvailable()
      ? async () => {
          const minio = await startMinio();
          const { storage, keys } = await minio.bucket();
          return { storage, keys, dispose: () => minio.stop() };
        }
      : null,
  },
];

/** Uploads in this test file go to a temporary directory, removed afterwards. */
export function useTestFileStorage(): void {
  let local: ReturnType<typeof temporaryLocalStorage> | undefined;
  beforeAll(() => {
    local = temporaryLocalStorage();
    useFileStorage(local.storage);
  });
  afterAll(() => local?.dispose());
}
