import type { NextFunction, Request, RequestHandler, Response } from 'express';

// A short-lived cache of what anonymous visitors are shown on the busiest
// read-only paths (the home page, browsing, the search API). A browse page costs
// milliseconds of React rendering per request; under load those add up to a queue,
// while a cached answer costs a string copy. It holds only answers that depend on
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
  /** The pieces' total length. */
  size: number;
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

export function anonymousCache(options: AnonymousCacheOptions): RequestHandler {
  const { paths, sessionCookieName, generation, ttlMs = 10_000, maxEntries = 500, maxBodyBytes = 1_000_000 } = options;
  const cacheable = new Set(paths);
  const entries = new Map<string, Entry>();
  const sessionCookie = new RegExp(`(?:^|;\\s*)${sessionCookieName}=`);

  const keyOf = (req: Request) =>
    [
      req.method === 'HEAD' ? 'GET' : req.method,
      req.originalUrl,
      // The language decides the content: the locale cookie, else Accept-Language.
      /(?:^|;\s*)locale=([^;]*)/.exec(req.headers.cookie ?? '')?.[1] ?? '',
      (req.headers['accept-language'] ?? '').toLowerCase(),
    ].join('\n');

  return (req: Request, res: Response, next: NextFunction) => {
    const anonymous = !req.headers.authorization && !sessionCookie.test(req.headers.cookie ?? '');
    // A request with a body is left to the body policy behind (a cached answer would leave the body unread).
    const bodiless = !req.headers['transfer-encoding'] && !Number(req.headers['content-length']);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !cacheable.has(req.path) || !anonymous || !bodiless) {
      return next();
    }

    const key = keyOf(req);
    const nonce = String(res.locals.cspNonce ?? '');
    const hit = entries.get(key);
    // `Cache-Control: no-cache` asks for a fresh answer (a reload, a benchmark of the uncached path).
    const fresh = /no-cache/i.test(`${req.headers['cache-control'] ?? ''} ${req.headers.pragma ?? ''}`);
    if (hit && !fresh && hit.generation === generation() && Date.now() - hit.at < ttlMs) {
      const glue = Buffer.from(nonce);
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.setHeader('X-Cache', 'HIT');
      res.setHeader('Content-Length', hit.size + glue.length * (hit.pieces.length - 1));
      res.statusCode = hit.status;
      if (req.method === 'HEAD') return void res.end();
      // The pieces go out as they are, corked into one write (end() uncorks): no copy of the page per hit.
      res.cork();
      hit.pieces.forEach((piece, i) => {
        if (i > 0) res.write(glue);
        res.write(piece);
      });
      res.end();
      return;
    }
    if (hit) entries.delete(key);
    res.setHeader('X-Cache', 'MISS');

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
          size: pieces.reduce((sum, piece) => sum + piece.length, 0),
        });
      }
      return end(...args);
    }) as Response['end'];
    next();
  };
}
