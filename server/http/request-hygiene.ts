import type { NextFunction, Request, Response } from 'express';

// Requests no handler could answer sensibly get a 4xx here, before Remix:
// unknown methods, malformed Host headers, undecodable cookies, bodies that
// never finish arriving. Each answer is a short problem+json.

function refuse(res: Response, status: number, title: string, headers: Record<string, string> = {}) {
  res.set(headers);
  res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status });
}

/** The methods the site answers; anything else (TRACE, PROPFIND, …) is 405. */
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const ALLOWED = new Set<string>(ALLOWED_METHODS);

export function allowedMethods() {
  const allow = ALLOWED_METHODS.join(', ');
  return (req: Request, res: Response, next: NextFunction) => {
    if (ALLOWED.has(req.method)) return next();
    refuse(res, 405, 'Method Not Allowed', { Allow: allow });
  };
}

/**
 * The request target must be a path (origin-form) that percent-decodes.
 * `GET http://evil.example/` (absolute-form) and `OPTIONS *` would make Remix
 * build an invalid URL, and `/%` makes Express's router throw (a logged 400):
 * each is answered here. OPTIONS is answered here too (204 with Allow): the
 * site offers no CORS, and Remix would only log it as an invalid method.
 */
export function originFormTarget() {
  const allow = ALLOWED_METHODS.join(', ');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS' && (req.url === '*' || req.url.startsWith('/'))) {
      res.set('Allow', allow).status(204).end();
      return;
    }
    if (!req.url.startsWith('/')) return refuse(res, 400, 'Bad Request: the request target must be a path');
    try {
      decodeURIComponent(req.path);
    } catch {
      return refuse(res, 400, 'Bad Request: the path is not valid percent-encoding');
    }
    next();
  };
}

// A DNS name or IPv4 address, or a bracketed IPv6 address, and an optional port.
const HOST = /^(?:[\w](?:[\w-]{0,62})?(?:\.[\w](?:[\w-]{0,62})?)*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** Whether a Host (or X-Forwarded-Host) value is one a URL can be built from. */
export function isValidHost(value: string): boolean {
  if (value.length > 255 || !HOST.test(value)) return false;
  const port = /:(\d+)$/.exec(value.startsWith('[') ? value.slice(value.indexOf(']')) : value)?.[1];
  if (port !== undefined && Number(port) > 65535) return false;
  return URL.canParse(`http://${value}/`);
}

/**
 * A request must name a valid host: Remix builds each request's URL from it
 * (X-Forwarded-Host and X-Forwarded-Proto first, from a trusted proxy), and
 * `Host: [::1` would make that throw.
 */
export function validHost() {
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.get('host');
    // HTTP/1.1 requires Host; Node refuses its absence itself, HTTP/1.0 may omit it.
    if (host !== undefined && !isValidHost(host)) return refuse(res, 400, 'Bad Request: invalid Host header');
    if (req.app.get('trust proxy fn')(req.socket.remoteAddress ?? '', 0)) {
      const forwardedHost = req.get('x-forwarded-host');
      if (forwardedHost !== undefined) {
        const first = forwardedHost.split(',')[0]!.trim();
        if (!isValidHost(first)) return refuse(res, 400, 'Bad Request: invalid X-Forwarded-Host header');
      }
      const forwardedProto = req.get('x-forwarded-proto');
      if (forwardedProto !== undefined && !/^https?$/i.test(forwardedProto.split(',')[0]!.trim())) {
        return refuse(res, 400, 'Bad Request: invalid X-Forwarded-Proto header');
      }
    }
    next();
  };
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Cookie header without the pairs whose name or value is not valid
 * percent-encoding (`other=%`), which some parsers (Lucia's) throw on; null
 * when nothing needs to change.
 */
export function tolerantCookieHeader(header: string): string | null {
  const pairs = header.split(';').map((pair) => pair.trim());
  const kept = pairs.filter((pair) => {
    if (!pair) return false;
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    return name.trim() !== '' && decodes(name) && (eq === -1 || decodes(pair.slice(eq + 1)));
  });
  const out = kept.join('; ');
  return out === header ? null : out;
}

/** Drops undecodable cookie pairs so every cookie parser downstream sees a clean header. */
export function tolerantCookies() {
  return (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.cookie;
    if (header) {
      const clean = tolerantCookieHeader(header);
      if (clean === '') delete req.headers.cookie;
      else if (clean !== null) req.headers.cookie = clean;
    }
    next();
  };
}

export interface BodyPolicy {
  /** The largest body accepted (413 beyond it). */
  maxBytes: number;
  /** Every body gets this long to start arriving… */
  baseMs: number;
  /** …and must then keep arriving at this rate on average (bytes per second): an upload on a slow line may take its time, a drip may not. */
  minBytesPerSecond: number;
}

/** How often a body in progress is checked against the policy. */
const BODY_CHECK_MS = 250;

/**
 * A request body must say how long it is (a chunked one, which browsers never
 * send for a form or an upload, gets 411: its size could only be learnt by
 * reading it), be no larger than `maxBytes` (413), and keep arriving: by any
 * moment it must have delivered `minBytesPerSecond` for every second past
 * `baseMs`, else a 408 and the connection closed (a body shorter than its
 * Content-Length, a stalled or dripping client). Progress is read from the
 * socket's byte count, so the body stream itself is left for the app to read.
 * The server's own requestTimeout is the backstop.
 */
export function bodyPolicy({ maxBytes, baseMs, minBytesPerSecond }: BodyPolicy) {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunked = req.headers['transfer-encoding'] !== undefined;
    const cutOff = (status: number, title: string) => {
      if (!res.headersSent) {
        res.set('Connection', 'close');
        refuse(res, status, title);
        res.once('finish', () => req.socket.destroy());
      } else {
        req.socket.destroy();
      }
    };
    if (chunked) return cutOff(411, 'Length Required');
    if (declared > maxBytes) return cutOff(413, 'Content Too Large');
    if (!(declared > 0) || req.complete) return next();
    const started = Date.now();
    // The socket has read the head (and maybe some body) already: count from here.
    const readBefore = req.socket.bytesRead;
    const timer = setInterval(() => {
      if (req.complete) return clearInterval(timer);
      const received = req.socket.bytesRead - readBefore;
      const owed = ((Date.now() - started - baseMs) / 1000) * minBytesPerSecond;
      if (received >= owed) return;
      clearInterval(timer);
      cutOff(408, 'Request Timeout');
    }, BODY_CHECK_MS);
    timer.unref();
    const clear = () => clearInterval(timer);
    req.once('end', clear);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
