import mongoose from 'mongoose';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.ts';

// Indexes are built explicitly at start-up (ensureIndexes), not lazily per model.
mongoose.set('autoIndex', false);
// Collections come into being with their indexes or first insert; creating them
// on every connect only makes FerretDB log "already exists" for each one.
mongoose.set('autoCreate', false);
mongoose.set('strictQuery', true);

interface DatabaseState {
  embedded?: EmbeddedDatabase;
  uri: string;
}

let opened: Promise<DatabaseState> | undefined;

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

/** Connects mongoose to MONGODB_URI, or starts the embedded FerretDB first. */
export function connectDatabase(): Promise<DatabaseState> {
  opened ??= open().catch((error) => {
    opened = undefined;
    throw error;
  });
  return opened;
}

async function open(): Promise<DatabaseState> {
  const { MONGODB_URI, DATA_DIR, DB_PORT, DB_NAME } = config();
  if (MONGODB_URI) {
    // A database named in the URI wins; otherwise DB_NAME.
    const namesDatabase = /^mongodb(?:\+srv)?:\/\/[^/]+\/[^?]+/.test(MONGODB_URI);
    await mongoose.connect(MONGODB_URI, {
      serverSelectionTimeoutMS: 10_000,
      ...(namesDatabase ? {} : { dbName: DB_NAME }),
    });
    logger.info({ uri: redact(MONGODB_URI) }, 'connected to MongoDB');
    return { uri: MONGODB_URI };
  }
  const embedded = await startEmbeddedDatabase({
    dataDir: DATA_DIR,
    port: DB_PORT,
    onLog: (line) => logger.info({ component: 'ferretdb' }, line),
  });
  try {
    await mongoose.connect(embedded.uri, { dbName: DB_NAME, serverSelectionTimeoutMS: 10_000 });
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  logger.info({ uri: embedded.uri, dataDir: DATA_DIR }, 'embedded database (FerretDB, SQLite) started');
  return { embedded, uri: embedded.uri };
}

export async function disconnectDatabase(): Promise<void> {
  const pending = opened;
  if (!pending) return;
  opened = undefined;
  const state = await pending.catch(() => undefined);
  await mongoose.disconnect();
  await state?.embedded?.stop();
}

/** 'ok' when the database answers a ping within two seconds. */
export async function databaseStatus(): Promise<'ok' | 'down'> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return 'down';
  try {
    await Promise.race([
      db.admin().ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000)),
    ]);
    return 'ok';
  } catch {
    return 'down';
  }
}
