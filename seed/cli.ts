// Seeds the demo data: `npx tsx seed/cli.ts [--listings N]`.
// Connects like the app does (MONGODB_URI, else the embedded FerretDB under
// DATA_DIR), builds the indexes, seeds, and prints a summary.
import { parseArgs } from 'node:util';
import '../server/env-file.ts';

const USAGE = `Usage: tsx seed/cli.ts [--listings N]

Seeds the MedIP Exchange demo data: organizations of every kind, one demo
account per kind and N published listings (default 320). Safe to run again:
what exists already is kept, nothing is duplicated.

Options:
  --listings N   number of demo listings, 0 to 2000000 (default 320)
  -h, --help     show this help

Environment: MONGODB_URI (else an embedded database under DATA_DIR, default ./data).`;

function fail(message: string, code: number): never {
  process.stderr.write(`seed: ${message}\n`);
  process.exit(code);
}

function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

async function main(): Promise<void> {
  let values: { listings?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { listings: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  // Imported after the arguments are checked, and with quiet logs by default
  // (the logger reads LOG_LEVEL when it loads): `--help` needs no database code.
  process.env.LOG_LEVEL ??= 'warn';
  const [
    { config, ConfigError },
    { connectDatabase, disconnectDatabase },
    { ensureIndexes },
    demo,
    search,
    { default: cliProgress },
  ] = await Promise.all([
    import('../server/config.ts'),
    import('../server/db/connection.ts'),
    import('../server/db/indexes.ts'),
    import('./demo.ts'),
    import('../server/search/index.ts'),
    import('cli-progress'),
  ]);

  let listings = demo.DEFAULT_DEMO_LISTINGS;
  if (values.listings !== undefined) {
    const raw = values.listings.trim().replace(/_/g, '');
    listings = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(listings) || listings > demo.MAX_DEMO_LISTINGS) {
      fail(`--listings must be a whole number from 0 to ${demo.MAX_DEMO_LISTINGS} (got "${values.listings}")`, 2);
    }
  }

  try {
    config();
  } catch (error) {
    if (error instanceof ConfigError) fail(`invalid configuration: ${error.lines.join('; ')}`, 1);
    throw error;
  }

  const started = Date.now();
  const interactive = Boolean(process.stderr.isTTY);
  const bar = new cliProgress.SingleBar(
    {
      format: 'listings [{bar}] {percentage}% | {value}/{total} | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  let lastLogged = 0;

  try {
    await connectDatabase();
    await ensureIndexes();
    const result = await demo.seedDemo({
      listings,
      onProgress: (done, total) => {
        if (interactive) {
          if (!barStarted) {
            bar.start(total, 0);
            barStarted = true;
          }
          bar.update(done);
        } else if (done === total || done - lastLogged >= Math.max(1000, total / 10)) {
          // No terminal (CI, logs): a plain line every tenth instead of a bar.
          lastLogged = done;
          process.stderr.write(`seed: ${done}/${total} listings\n`);
        }
      },
    });
    if (barStarted) bar.stop();
    // The seed writes listings directly: bring the search index up to date, as a
    // listing write would (the embedded engine's snapshot is what the app loads).
    // Nothing new means the last run already did (and the app reconciles at start).
    let indexed: Awaited<ReturnType<typeof search.reconcile>> | null = null;
    if (result.listingsCreated > 0) {
      process.stderr.write('seed: updating the search index\n');
      await search.openSearch(search.engineFromConfig());
      indexed = await search.reconcile();
      await search.closeSearch();
    }
    const elapsed = formatDuration(Date.now() - started);
    process.stdout.write(
      [
        `Demo data ready in ${elapsed}:`,
        `  organizations  ${result.organizations}`,
        `  demo users     ${result.users} (password ${demo.DEMO_PASSWORD})`,
        `  listings       ${result.listingsTotal} (${result.listingsCreated} new, ${result.listingsTotal - result.listingsCreated} already present)`,
        indexed
          ? `  search index   ${indexed.checked} published listings (${indexed.added} added, ${indexed.updated} updated, ${indexed.removed} removed)`
          : '  search index   unchanged',
        `Sign in as: ${demo.DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    if (barStarted) bar.stop();
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    await disconnectDatabase().catch(() => undefined);
    fail(`failed: ${message}`, 1);
  }
  await disconnectDatabase();
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(`failed: ${error instanceof Error ? error.message : String(error)}`, 1),
);
