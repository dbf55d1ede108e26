import type { Request, RequestHandler, Response } from 'express';
import Negotiator from 'negotiator';
import { deflatePart, gzipJoined } from './gzip-pieces.ts';

// A short-lived cache of what anonymous visitors are shown on the busiest
// read-only paths (the home page, browsing, the search API). A browse page costs
// milliseconds of React rendering per request (and gzip another), under load a
// queue; a cached answer is a few writes, even gzip-encoded. It holds only answers that depend on
// nothing but the URL and the language: no credential in the request, no cookie
// set by the answer, status 200. An entry dies after a few seconds, and at once
// when the search index changes (the generation moves on). Each hit carries this
// response's own CSP nonce: the cached page's nonce is replaced in its body.

export interface AnonymousCacheOptions {
  /** Paths (exact) whose GET answers may be cached. */
  paths: readonly string[];
  /** The session cookie's name: a request carrying it is never served from or stored in the cache. */
  sessionCookieName: string;
  /** Changes whenever what the pages show may have changed (the search index's generation). */
  generation: () => number;
  ttlMs?: number;
  maxEntries?: number;
  maxBodyBytes?: number;
}

interface Entry {
  at: number;
  generation: number;
  status: number;
  headers: [string, string | string[]][];
  /** The body cut where the old nonce stood: a hit joins the pieces with its own. */
  pieces: Buffer[];
  /** The pieces compressed for joining (gzip-pieces.ts), made at the first gzip hit. */
  deflated?: Buffer[];
}

/** Headers that belong to one answer, not to its content. */
const PER_RESPONSE = new Set([
  'date',
  'content-security-policy',
  'content-length',
  'content-encoding', // compression encodes each answer itself
  'transfer-encoding',
  'connection',
  'keep-alive',
  'x-cache',
]);

export interface AnonymousCache {
  /** Answers a hit. Mount before compression: a hit for a gzip client is joined from parts compressed once. */
  serve: RequestHandler;
  /** Keeps what a miss answers. Mount after compression, which then encodes what it sees. */
  record: RequestHandler;
}

export function anonymousCache(options: AnonymousCacheOptions): AnonymousCache {
  const { paths, sessionCookieName, generation, ttlMs = 10_000, maxEntries = 500, maxBodyBytes = 1_000_000 } = options;
  const cacheable = new Set(paths);
  const entries = new Map<string, Entry>();
  const sessionCookie = new RegExp(`(?:^|;\\s*)${sessionCookieName}=`);
  /** The key of each request that may be served from or kept in the cache. */
  const keys = new WeakMap<Request, string>();

  const keyOf = (req: Request) =>
    [
      req.method === 'HEAD' ? 'GET' : req.method,
      req.originalUrl,
      // The language decides the content: the locale cookie, else Accept-Language.
      /(?:^|;\s*)locale=([^;]*)/.exec(req.headers.cookie ?? '')?.[1] ?? '',
      (req.headers['accept-language'] ?? '').toLowerCase(),
    ].join('\n');

  const eligible = (req: Request) => {
    const anonymous = !req.headers.authorization && !sessionCookie.test(req.headers.cookie ?? '');
    // A request with a body is left to the body policy behind (a cached answer would leave the body unread).
    const bodiless = !req.headers['transfer-encoding'] && !Number(req.headers['content-length']);
    return (req.method === 'GET' || req.method === 'HEAD') && cacheable.has(req.path) && anonymous && bodiless;
  };

  const serve: RequestHandler = (req, res, next) => {
    if (!eligible(req)) return next();
    const key = keyOf(req);
    keys.set(req, key);
    const hit = entries.get(key);
    // `Cache-Control: no-cache` asks for a fresh answer (a reload, a benchmark of the uncached path).
    const fresh = /no-cache/i.test(`${req.headers['cache-control'] ?? ''} ${req.headers.pragma ?? ''}`);
    if (!hit || fresh || hit.generation !== generation() || Date.now() - hit.at >= ttlMs) {
      if (hit) entries.delete(key);
      return next();
    }
    const encoding = new Negotiator(req).encoding(['gzip', 'identity']);
    // Neither gzip nor identity acceptable: compression behind answers as it can.
    if (!encoding) return next();
    const glue = Buffer.from(String(res.locals.cspNonce ?? ''));
    let body: Buffer[];
    if (encoding === 'gzip') {
      hit.deflated ??= hit.pieces.map(deflatePart);
      body = gzipJoined(hit.pieces, hit.deflated, glue);
      res.setHeader('Content-Encoding', 'gzip');
    } else {
      body = hit.pieces.flatMap((piece, i) => (i === 0 ? [piece] : [glue, piece]));
    }
    for (const [name, value] of hit.headers) res.setHeader(name, value);
    res.vary('Accept-Encoding');
    res.setHeader('X-Cache', 'HIT');
    res.setHeader(
      'Content-Length',
      body.reduce((sum, part) => sum + part.length, 0),
    );
    res.statusCode = hit.status;
    if (req.method === 'HEAD') return void res.end();
    // The parts go out as they are, corked into one write (end() uncorks): no copy of the page per hit.
    res.cork();
    for (const part of body) res.write(part);
    res.end();
  };

  const record: RequestHandler = (req, res, next) => {
    const key = keys.get(req);
    if (key === undefined) return next();
    res.setHeader('X-Cache', 'MISS');
    const nonce = String(res.locals.cspNonce ?? '');
    const chunks: Buffer[] = [];
    let size = 0;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > maxBodyBytes) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      size += buffer.length;
      chunks.push(buffer);
    };
    const startedAt = generation();
    res.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as Response['write'];
    res.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      const storable =
        req.method === 'GET' &&
        res.statusCode === 200 &&
        size <= maxBodyBytes &&
        !res.getHeader('set-cookie') &&
        // Not when the index changed while this answer was being made.
        generation() === startedAt;
      if (storable) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        const pieces = nonce
          ? Buffer.concat(chunks)
              .toString('utf8')
              .split(nonce)
              .map((piece) => Buffer.from(piece))
          : [Buffer.concat(chunks)];
        entries.set(key, {
          at: Date.now(),
          generation: startedAt,
          status: 200,
          headers: Object.entries(res.getHeaders())
            .filter(([name]) => !PER_RESPONSE.has(name.toLowerCase()))
            .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]),
          pieces,
        });
      }
      return end(...args);
    }) as Response['end'];
    next();
  };

  return { serve, record };
}
