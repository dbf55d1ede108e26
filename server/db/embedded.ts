import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  applyFerretdbPatches,
  copyWritable,
  FERRETDB_MODULE,
  FERRETDB_VERSION,
  ferretdbPatches,
} from './ferretdb-patches.ts';

// The embedded database: FerretDB (SQLite backend) compiled from a tiny Go
// launcher in ./ferretdb, against a copy of FerretDB with our patches
// (ferretdb-patches.ts, decision 005). The binary is cached under
// node_modules/.cache, keyed by the launcher's sources (every .go file, go.mod,
// go.sum) and the patches, so any change to them rebuilds it.

const launcherDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ferretdb');
const defaultCacheDir = path.resolve(launcherDir, '../../../node_modules/.cache/medip-ferretdb');

export class EmbeddedDatabaseUnavailable extends Error {
  override name = 'EmbeddedDatabaseUnavailable';
}

function launcherHash(patched: boolean): string {
  const hash = createHash('sha256');
  if (patched) hash.update(JSON.stringify(ferretdbPatches));
  const sources = readdirSync(launcherDir)
    .filter((file) => file.endsWith('.go') || file === 'go.mod' || file === 'go.sum')
    .sort();
  for (const file of sources)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(launcherDir, file)));
  return hash.digest('hex').slice(0, 16);
}

export interface BuildOptions {
  log?: (line: string) => void;
  cacheDir?: string;
  /** The Go command (tests name a missing one). */
  go?: string;
  /** FerretDB as published, without our patches: what benchmarks and the upgrade test compare against. */
  unpatched?: boolean;
}

/** Builds the launcher once; later calls return the cached binary. */
export function buildEmbeddedDatabase({
  log = () => {},
  cacheDir = defaultCacheDir,
  go = 'go',
  unpatched = false,
}: BuildOptions = {}): string {
  const binary = path.join(cacheDir, `ferretdb-embedded-${unpatched ? 'unpatched-' : ''}${launcherHash(!unpatched)}`);
  if (existsSync(binary)) return binary;
  if (spawnSync(go, ['version'], { stdio: 'ignore' }).status !== 0) {
    throw new EmbeddedDatabaseUnavailable(
      'The embedded database needs the Go toolchain (1.22 or newer, https://go.dev/dl/) to build once: install Go, or set MONGODB_URI to a MongoDB server.',
    );
  }
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  const workDir = `${binary}.${process.pid}.src`;
  log('building the embedded database (FerretDB 1.24, once; about a minute)…');
  try {
    const modfile = unpatched ? [] : [`-modfile=${patchedModfile(go, workDir)}`];
    const result = spawnSync(go, ['build', '-trimpath', ...modfile, '-o', partial, '.'], {
      cwd: launcherDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: goEnv,
    });
    if (result.status !== 0) throw goFailed('Building the embedded database');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  renameSync(partial, binary);
  return binary;
}

// A go.work above the checkout would take over the build (and refuse -modfile).
const goEnv = { ...process.env, CGO_ENABLED: '0', GOWORK: 'off' };

const goFailed = (step: string) =>
  new EmbeddedDatabaseUnavailable(
    `${step} with Go failed (see the lines above): fix the Go set-up, or set MONGODB_URI to a MongoDB server.`,
  );

/**
 * Puts a patched copy of FerretDB's module in workDir and returns a go.mod for
 * `go build -modfile` that is the launcher's plus a `replace` by that copy
 * (go.sum stays the launcher's: Go still verifies every download against it).
 */
function patchedModfile(go: string, workDir: string): string {
  const download = spawnSync(go, ['mod', 'download', '-json', FERRETDB_MODULE], {
    cwd: launcherDir,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: goEnv,
  });
  if (download.status !== 0) throw goFailed("Downloading FerretDB's source");
  const { Dir, Version } = JSON.parse(download.stdout) as { Dir: string; Version: string };
  if (Version !== FERRETDB_VERSION) {
    throw new Error(
      `The launcher requires FerretDB ${Version}, but server/db/ferretdb-patches.ts was written for ${FERRETDB_VERSION}: check the patches against the new source.`,
    );
  }
  const moduleCopy = path.join(workDir, 'FerretDB');
  copyWritable(Dir, moduleCopy);
  applyFerretdbPatches(moduleCopy);
  const modfile = path.join(workDir, 'go.mod');
  writeFileSync(
    modfile,
    `${readFileSync(path.join(launcherDir, 'go.mod'), 'utf8')}\nreplace ${FERRETDB_MODULE} ${FERRETDB_VERSION} => ${JSON.stringify(moduleCopy)}\n`,
  );
  copyFileSync(path.join(launcherDir, 'go.sum'), path.join(workDir, 'go.sum'));
  return modfile;
}

export interface EmbeddedDatabase {
  uri: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
  startTimeoutMs?: number;
  /** A prebuilt launcher to run instead of building this one (the write benchmark's comparison). */
  binary?: string;
}

/** Starts FerretDB on 127.0.0.1 and resolves with its URI once it listens. */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const binary = options.binary ?? buildEmbeddedDatabase({ log: options.onLog });
  const dbDir = path.resolve(options.dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  // stdin stays open as a lifeline: the launcher exits when this process dies.
  const child = spawn(binary, ['--listen', `127.0.0.1:${options.port ?? 0}`, '--data-dir', dbDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    options.onLog?.(line);
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedDatabaseUnavailable('The embedded database did not start within the time limit.'));
    }, options.startTimeoutMs ?? 30_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new EmbeddedDatabaseUnavailable(
          `The embedded database exited (code ${code}) before it was ready: ${stderr.slice(-3).join(' ') || 'no message'}`,
        ),
      );
    });
  });

  return { uri, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
