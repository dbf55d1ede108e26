import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { loader as healthLoader } from '../../app/routes/healthz.ts';
import { createAppServices } from '../../server/app-context.ts';
import { EmbeddedEngine } from '../../server/search/embedded/engine.ts';
import { closeSearch, openSearch, reconcile } from '../../server/search/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { call } from '../support/requests.ts';
import { ensureBuild, startServer } from '../support/server-process.ts';

// The search index between a start and its first complete answer: warming up
// over a database that has listings, rebuilt by `npm run search:reindex`, and
// repaired at start-up when its snapshot on disk is damaged.

useTestDatabase();

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'medip-search-startup-'));
  dirs.push(dir);
  return dir;
};

let lithotripter: string;
let published: string[];
let draft: string;
beforeAll(async () => {
  ensureBuild();
  const org = await createOrganization();
  const ids = async (overrides: Record<string, unknown>) => String((await createListing(org._id, overrides))._id);
  lithotripter = await ids({ title: { en: 'Shockwave lithotripter' }, patents: [] });
  published = [lithotripter, await ids({ title: { en: 'Capsule endoscope' }, patents: [] })].sort();
  draft = await ids({ status: 'draft', publishedAt: null, title: { en: 'Unfinished lithotripter' }, patents: [] });
}, 180_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The test database's address, for processes of their own. */
function databaseUri(): string {
  const uri = new URL(inject('mongoUri'));
  uri.pathname = `/${mongoose.connection.name}`;
  return uri.toString();
}

/** A page as the built app renders it, with this process's services as its load context. */
async function renderPage(target: string): Promise<Response> {
  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild;
  return createRequestHandler(build, 'production')(new Request(`http://localhost${target}`), {
    ...createAppServices(),
    clientIp: '203.0.113.7',
    cspNonce: '',
  });
}

test('while the index warms up over a database with listings, /listings says so in the reader’s language and /healthz reports "warming"', async () => {
  await openSearch(new EmbeddedEngine()); // empty, as after a start without a snapshot
  try {
    const english = await renderPage('/listings?lang=en');
    expect(english.status).toBe(200);
    expect(await english.text()).toContain('The search index is being built; results may be incomplete.');
    const chinese = await renderPage('/listings?lang=zh-CN');
    expect(chinese.status).toBe(200);
    expect(await chinese.text()).toContain('搜索索引正在建立，结果可能不完整。');
    const warming = await call(healthLoader, '/healthz');
    expect(warming.status).toBe(200);
    expect(await warming.json()).toEqual({ db: 'ok', search: 'warming', payments: 'offline' });

    await reconcile();
    expect(await (await renderPage('/listings?lang=en')).text()).not.toContain('The search index is being built');
    expect(await (await call(healthLoader, '/healthz')).json()).toEqual({
      db: 'ok',
      search: 'ok',
      payments: 'offline',
    });
  } finally {
    await closeSearch();
  }
});

/** Runs `npm run search:reindex`'s script with only the given environment; resolves with its exit code and output. */
function runReindex(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/search/reindex-cli.ts'], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

test('npm run search:reindex writes an index of the published listings from the database, without the drafts', async () => {
  const dataDir = tempDir();
  const { code, stdout, stderr } = await runReindex({ MONGODB_URI: databaseUri(), DATA_DIR: dataDir });
  expect(code, stderr).toBe(0);
  expect(stdout).toMatch(/^Indexed 2 listings in \d+\.\d s\.$/m);

  const written = new EmbeddedEngine({ snapshotPath: path.join(dataDir, 'search', 'listings.snapshot') });
  await written.open();
  const indexed = [...(await written.versions()).keys()].sort();
  expect(indexed).toEqual(published);
  expect(indexed).not.toContain(draft);
}, 120_000);

test('a damaged snapshot is ignored at the next start and the index is rebuilt from the database', async () => {
  const dataDir = tempDir();
  const snapshot = path.join(dataDir, 'search', 'listings.snapshot');
  await openSearch(new EmbeddedEngine({ snapshotPath: snapshot }));
  await reconcile();
  await closeSearch(); // writes the snapshot

  // Overwrite the word wherever the file holds it (document and term list): a
  // loader that trusted the file would no longer find the listing by it.
  const bytes = readFileSync(snapshot);
  let damaged = 0;
  for (let at = bytes.indexOf('lithotripter'); at >= 0; at = bytes.indexOf('lithotripter', at)) {
    bytes.write('zzzzzzzzzzzz', at);
    damaged++;
  }
  expect(damaged).toBeGreaterThan(0);
  writeFileSync(snapshot, bytes);

  const server = await startServer({ MONGODB_URI: databaseUri(), DATA_DIR: dataDir, SEED_DEMO: 'false' });
  try {
    const ids = async (q: string) =>
      ((await (await fetch(`${server.url}/api/v1/search?q=${q}`)).json()) as { hits: { id: string }[] }).hits
        .map((h) => h.id)
        .sort();
    expect(await ids('lithotripter')).toEqual([lithotripter]);
    expect(await ids('')).toEqual(published);
    expect(server.output()).toContain('search snapshot damaged');
  } finally {
    expect(await server.stop()).toBe(0);
  }
}, 180_000);
