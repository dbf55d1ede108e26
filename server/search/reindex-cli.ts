// Rebuilds the search index from the database: `npm run search:reindex`.
// Connects like the app does (MONGODB_URI, else the embedded database under
// DATA_DIR) and writes to the engine the configuration names (MEILI_HOST, else
// the embedded index's snapshot under DATA_DIR, which the app loads at its
// next start: stop the app first, it holds the embedded database).
import { parseArgs } from 'node:util';
import '../env-file.ts';

const USAGE = `Usage: npm run search:reindex

Empties the search index and rebuilds it from every published listing, with a
progress bar. With the embedded engine, run it while the app is stopped.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  process.env.LOG_LEVEL ??= 'warn';
  const [{ connectDatabase, disconnectDatabase }, { Listing }, search, { INDEXED_STATUSES }, { default: cliProgress }] =
    await Promise.all([
      import('../db/connection.ts'),
      import('../listings/index.ts'),
      import('./service.ts'),
      import('./document.ts'),
      import('cli-progress'),
    ]);
  await connectDatabase();
  const started = Date.now();
  const total = await Listing.countDocuments({ status: { $in: INDEXED_STATUSES } });
  const bar = new cliProgress.SingleBar(
    { format: 'reindex [{bar}] {percentage}% | {value}/{total} | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  await search.openSearch(search.engineFromConfig());
  const report = await search.reindex((done) => bar.update(done));
  bar.update(report.checked);
  bar.stop();
  await search.closeSearch();
  await disconnectDatabase();
  process.stdout.write(`Indexed ${report.checked} listings in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`search:reindex: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
