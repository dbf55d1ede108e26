import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { S3FileStorage } from '../../server/files/s3-storage.ts';
import { freePort } from './server-process.ts';

// MinIO, a real S3-compatible server, for the S3 storage contract: a test
// dependency only, built from source with Go (the module proxy serves it; no
// release binaries) into node_modules/.cache, like the embedded database.
// .ci/run builds it before `npm test`; elsewhere the S3 cases are reported as
// skipped until `npx tsx tests/support/build-minio.ts` has run.

// The version `go install github.com/minio/minio@latest` resolved to when pinned
// (MinIO tags no semantic versions, so its builds are pseudo-versions).
export const MINIO_VERSION = 'v0.0.0-20260212201848-7aac2a2c5b7c';

const cacheDir = path.resolve(fileURLToPath(import.meta.url), '../../../node_modules/.cache/medip-minio');
export const minioBinary = path.join(cacheDir, `minio-${MINIO_VERSION}`);

/** Builds MinIO once (about 3 minutes on 2 cores, then cached); returns the binary. */
export function buildMinio(log: (line: string) => void = () => {}): string {
  if (existsSync(minioBinary)) return minioBinary;
  mkdirSync(cacheDir, { recursive: true });
  const gobin = mkdtempSync(path.join(cacheDir, 'build-'));
  try {
    log(`building MinIO ${MINIO_VERSION} with Go (once; a few minutes)…`);
    const result = spawnSync('go', ['install', '-trimpath', `github.com/minio/minio@${MINIO_VERSION}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, GOBIN: gobin, CGO_ENABLED: '0' },
    });
    if (result.status !== 0) throw new Error('building MinIO with Go failed (see the lines above)');
    renameSync(path.join(gobin, 'minio'), minioBinary);
    return minioBinary;
  } finally {
    rmSync(gobin, { recursive: true, force: true });
  }
}

export interface RunningMinio {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** A new, empty bucket: its name, a storage on it, and the keys it holds. */
  bucket(): Promise<{ name: string; storage: S3FileStorage; keys: () => Promise<string[]> }>;
  stop(): Promise<void>;
}

/** Whether MinIO is built here (its tests are skipped when not); in CI its absence is an error. */
export function minioAvailable(): boolean {
  if (existsSync(minioBinary)) return true;
  if (process.env.CI) throw new Error(`MinIO is not built (${minioBinary}): .ci/run must build it before the tests`);
  return false;
}

/** Starts MinIO on a free loopback port over a temporary directory; resolves once it is ready. */
export async function startMinio(): Promise<RunningMinio> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'medip-minio-'));
  const credentials = { accessKeyId: 'medip-test', secretAccessKey: randomBytes(16).toString('hex') };
  const child = spawn(minioBinary, ['server', dataDir, '--address', `127.0.0.1:${port}`, '--quiet'], {
    env: {
      NODE_ENV: 'test',
      PATH: process.env.PATH!,
      HOME: dataDir,
      MINIO_ROOT_USER: credentials.accessKeyId,
      MINIO_ROOT_PASSWORD: credentials.secretAccessKey,
      MINIO_BROWSER: 'off',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`MinIO exited (code ${child.exitCode}) before it was ready: ${stderr.trim().slice(-500)}`);
    }
    const ready = await fetch(`${endpoint}/minio/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('MinIO did not become ready within 30 seconds');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  return {
    endpoint,
    credentials,
    async bucket() {
      const bucket = `test-${randomBytes(6).toString('hex')}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return {
        name: bucket,
        storage: new S3FileStorage({ bucket, region: 'us-east-1', endpoint, forcePathStyle: true, credentials }),
        keys: async () => {
          const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
          return (listed.Contents ?? []).map((object) => object.Key!);
        },
      };
    },
    async stop() {
      client.destroy();
      await stop();
    },
  };
}
