import { bootstrapOperator } from './auth/bootstrap.ts';
import { config } from './config.ts';
import { connectDatabase } from './db/connection.ts';
import { ensureIndexes } from './db/indexes.ts';
import { recordDuePayments, recoverCompletions } from './deals/index.ts';
import { Listing } from './listings/index.ts';
import { logger } from './logger.ts';
import { Organization, refreshMemberCounts } from './orgs/index.ts';
import { engineFromConfig, openSearch, reconcile } from './search/index.ts';
import { seedDemo } from '../seed/demo.ts';

/**
 * Everything before the first request: the database (embedded or MONGODB_URI),
 * indexes, the operator account, the demo set on an empty database, and the
 * search index (reconciled with the database in the background).
 */
export async function prepareServer(): Promise<void> {
  const { OPERATOR_EMAIL, OPERATOR_PASSWORD, SEED_DEMO } = config();
  await connectDatabase();
  await ensureIndexes();
  if (OPERATOR_EMAIL && OPERATOR_PASSWORD) await bootstrapOperator(OPERATOR_EMAIL, OPERATOR_PASSWORD);
  if (SEED_DEMO && (await isEmpty())) {
    const started = Date.now();
    const result = await seedDemo({});
    logger.info({ ...result, ms: Date.now() - started }, 'empty database: demo data seeded');
  }
  // Deals a dead process left between `completed` and their ledger entry.
  await recoverCompletions();
  // Deals awaiting payment from before payments were recorded get their payment record.
  await recordDuePayments();
  await refreshMemberCounts();
  await openSearch(engineFromConfig());
  // Repairs drift (a crash, a restore, a damaged snapshot) while pages already serve.
  void reconcile().catch((error: unknown) => logger.error({ err: error }, 'search reconciliation failed'));
}

/** Empty means nobody has used it: no listings, and no organization but the operator's. */
async function isEmpty(): Promise<boolean> {
  // exists() stops at the first match; a count scans the collection on FerretDB.
  const [listing, organization] = await Promise.all([
    Listing.exists({}),
    Organization.exists({ kind: { $ne: 'operator' } }),
  ]);
  return !listing && !organization;
}
