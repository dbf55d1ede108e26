// The HTTP server: start-up, the Remix request handler, graceful shutdown.
// Run by `npm start` (after `remix build`) through tsx.
import './env-file.ts';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { config, ConfigError } from './config.ts';
import { lucia } from './auth/lucia.ts';
import { disconnectDatabase } from './db/connection.ts';
import { EmbeddedDatabaseUnavailable } from './db/embedded.ts';
import { sameOriginGuard } from './http/same-origin.ts';
import { registerBuiltinJobs, startJobs, stopJobs } from './jobs/index.ts';
import { logger } from './logger.ts';
import { prepareServer } from './startup.ts';

const buildPath = path.resolve('build/index.js');

async function main() {
  const started = Date.now();
  const { HOST, PORT, NODE_ENV } = config();
  await prepareServer();

  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy on this machine, req.ip is the client's (rate limits use it).
  app.set('trust proxy', 'loopback');
  // Remix inlines its hydration script; everything else is same-origin.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  app.use(compression());
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  app.use(express.static('public', { maxAge: '1h' }));
  app.use(sameOriginGuard(lucia().sessionCookieName));
  app.all('*', createRequestHandler({ build, mode: NODE_ENV, getLoadContext: (req) => ({ clientIp: req.ip ?? '' }) }));

  registerBuiltinJobs();
  startJobs();
  const server = app.listen(PORT, HOST, () => {
    logger.info({ url: `http://localhost:${PORT}`, ms: Date.now() - started }, 'MedIP Exchange is listening');
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    server.closeIdleConnections();
    await stopJobs();
    await disconnectDatabase();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error: unknown) => {
  // Known start-up failures get their one clear message, not a stack trace.
  if (error instanceof ConfigError) {
    console.error(`MedIP Exchange cannot start, the environment is invalid:\n  ${error.lines.join('\n  ')}`);
  } else if (error instanceof EmbeddedDatabaseUnavailable) {
    console.error(`MedIP Exchange cannot start: ${error.message}`);
  } else if (error instanceof Error && error.name === 'MongooseServerSelectionError') {
    console.error(
      'MedIP Exchange cannot start: no MongoDB server answers at MONGODB_URI; start it or correct the URI.',
    );
  } else {
    logger.fatal({ err: error }, 'start-up failed');
  }
  await disconnectDatabase().catch(() => undefined);
  process.exit(1);
});
