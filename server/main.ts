// The HTTP server: start-up, the Remix request handler, graceful shutdown.
// Run by `npm start` (after `remix build`) through tsx.
import './env-file.ts';
import { watch } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { broadcastDevReady, type ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { createAppServices, type AppServices } from './app-context.ts';
import { config, ConfigError } from './config.ts';
import { lucia } from './auth/lucia.ts';
import { disconnectDatabase } from './db/connection.ts';
import { EmbeddedDatabaseUnavailable } from './db/embedded.ts';
import { allowedMethods, bodyPolicy, originFormTarget, tolerantCookies, validHost } from './http/request-hygiene.ts';
import { sameOriginGuard } from './http/same-origin.ts';
import { cspNonce, noStoreForCredentials, securityHeaders } from './http/security-headers.ts';
import { registerBuiltinJobs, startJobs, stopJobs } from './jobs/index.ts';
import { maxUploadBytes } from './files/index.ts';
import { logger } from './logger.ts';
import { closeSearch, searchGeneration } from './search/index.ts';
import { anonymousCache } from './http/anonymous-cache.ts';
import { prepareServer } from './startup.ts';

const buildPath = path.resolve('build/index.js');
/** A request body must arrive within this long, plus its size at 64 kB/s for uploads (408 otherwise). */
const BODY_TIMEOUT_MS = 10_000;
const SLOWEST_UPLOAD_BYTES_PER_SECOND = 64 * 1024;
const HEADERS_TIMEOUT_MS = 10_000;
/** The backstop for a whole request: the largest upload at the slowest rate, and then some. */
const requestTimeoutMs = () =>
  BODY_TIMEOUT_MS * 2 + Math.ceil((maxBodyBytes() / SLOWEST_UPLOAD_BYTES_PER_SECOND) * 1000);
/** The largest body: an upload at the limit, with its form fields. */
const maxBodyBytes = () => maxUploadBytes() + 1024 * 1024;

/**
 * The Remix request handler, with the one instance of the domain services as
 * every request's load context. In development (`npm run dev`, under `remix dev`)
 * the build is imported afresh whenever it is rewritten, and the dev server told.
 */
async function remixHandler(
  mode: string,
  services: AppServices,
): Promise<{ handle: express.RequestHandler; ready: () => void }> {
  // The query string makes Node import a rebuilt file instead of its cached module.
  const load = async () => (await import(`${pathToFileURL(buildPath).href}?v=${Date.now()}`)) as ServerBuild;
  const handlerFor = (build: ServerBuild) =>
    createRequestHandler({
      build,
      mode,
      getLoadContext: (req, res) => ({
        ...services,
        clientIp: req.ip ?? '',
        cspNonce: String(res.locals.cspNonce ?? ''),
      }),
    });
  let build = await load();
  let current = handlerFor(build);
  // Only `remix dev` sets REMIX_DEV_ORIGIN: without it there is no dev server to tell.
  if (mode !== 'development' || !process.env.REMIX_DEV_ORIGIN) return { handle: current, ready: () => {} };
  watch(path.dirname(buildPath), (_event, file) => {
    if (file !== 'version.txt') return;
    void load().then((next) => {
      build = next;
      current = handlerFor(next);
      return broadcastDevReady(next);
    });
  });
  return { handle: (req, res, next) => current(req, res, next), ready: () => void broadcastDevReady(build) };
}

async function main() {
  const started = Date.now();
  const { HOST, PORT, NODE_ENV } = config();
  await prepareServer();

  const remix = await remixHandler(NODE_ENV, createAppServices());
  const app = express();
  const sessionCookieName = lucia().sessionCookieName;
  const isHttps = config().PUBLIC_URL?.startsWith('https:') ?? false;
  app.disable('x-powered-by');
  // Behind a reverse proxy on this machine, req.ip is the client's (rate limits use it).
  app.set('trust proxy', 'loopback');
  // Security headers on every answer, the refusals below included; Remix's
  // inline scripts carry this request's CSP nonce (getLoadContext passes it on).
  app.use(cspNonce());
  app.use(securityHeaders({ https: isHttps, development: NODE_ENV === 'development' }));
  // Requests nothing behind could answer: 405, 400, or cleaned up.
  app.use(allowedMethods());
  app.use(originFormTarget());
  app.use(validHost());
  app.use(tolerantCookies());
  // The busiest anonymous reads, kept a few seconds (and never past an index change).
  // A hit is answered before compression (its gzip is joined from parts compressed
  // once) and before the static files, which no cached path is.
  const cache = anonymousCache({
    paths: ['/', '/listings', '/listings/suggest', '/api/v1/search', '/api/v1/listings'],
    sessionCookieName,
    generation: searchGeneration,
  });
  app.use(cache.serve);
  app.use(compression());
  app.use(cache.record);
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  app.use(express.static('public', { maxAge: '1h' }));
  // Everything past the static files may depend on who asks.
  app.use(noStoreForCredentials(sessionCookieName));
  app.use(
    bodyPolicy({
      maxBytes: maxBodyBytes(),
      baseMs: BODY_TIMEOUT_MS,
      minBytesPerSecond: SLOWEST_UPLOAD_BYTES_PER_SECOND,
    }),
  );
  app.use(sameOriginGuard(sessionCookieName));
  app.all('*', remix.handle);

  registerBuiltinJobs();
  startJobs();
  // A request (headers and body) must arrive within REQUEST_TIMEOUT_MS; Node
  // answers 408 and closes the connection otherwise (checked every second).
  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: requestTimeoutMs(), connectionsCheckingInterval: 1_000 },
    app,
  ).listen(PORT, HOST, () => {
    logger.info({ url: `http://localhost:${PORT}`, ms: Date.now() - started }, 'MedIP Exchange is listening');
    remix.ready();
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    server.closeIdleConnections();
    await stopJobs();
    await closeSearch();
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
