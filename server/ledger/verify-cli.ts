// Verifies the ledger's hash chain: `npm run ledger:verify`.
// Connects like the app does (MONGODB_URI, else the embedded database under
// DATA_DIR: stop the app first, it holds the embedded database). Exit code 0
// when the chain is intact, 1 with the first broken entry, 2 when it could
// not be checked.
import { parseArgs } from 'node:util';
import '../env-file.ts';

const USAGE = `Usage: npm run ledger:verify

Recomputes the hash of every ledger entry and its link to the one before,
from the first entry to the last, and names the first broken entry if any.`;

const REASONS = {
  gap: 'the entry is missing while later entries exist',
  sequence_mismatch: 'the entry in this slot carries another sequence number',
  hash_mismatch: 'the entry no longer hashes to its stored hash: a field was changed',
  broken_link: "the entry's previousHash is not the hash of the entry before it",
} as const;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  process.env.LOG_LEVEL ??= 'warn';
  const [{ connectDatabase, disconnectDatabase }, { verifyLedger }] = await Promise.all([
    import('../db/connection.ts'),
    import('./verify.ts'),
  ]);
  await connectDatabase();
  const started = Date.now();
  try {
    const result = await verifyLedger({
      onProgress: (checked) => {
        if (process.stderr.isTTY) process.stderr.write(`\rchecked ${checked} entries…`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      process.stdout.write(
        `Ledger intact: ${result.entries} entries in ${seconds} s${result.headHash ? `, head ${result.headHash}` : ''}.\n`,
      );
      return 0;
    }
    process.stdout.write(`Ledger broken at entry #${result.brokenAt}: ${result.reason} (${REASONS[result.reason]}).\n`);
    return 1;
  } finally {
    await disconnectDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ledger:verify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
