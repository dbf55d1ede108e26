import type { NextFunction, Request, Response } from 'express';

// CSRF defence for every request that changes something: a browser sending our
// session cookie must show it comes from our own origin (Origin, or failing that
// Sec-Fetch-Site). Bearer-token requests to the API carry no ambient credentials
// and pass; pages authenticate by the cookie alone, so there a bearer header
// exempts nothing.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginFacts {
  method: string;
  path: string;
  origin?: string;
  host?: string;
  secFetchSite?: string;
  authorization?: string;
  cookie?: string;
}

export function isSameOriginRequest(facts: OriginFacts, sessionCookieName: string): boolean {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return true;
  if (facts.path.startsWith('/api/') && /^Bearer\s/i.test(facts.authorization ?? '')) return true;
  if (facts.origin && facts.origin !== 'null') {
    try {
      return new URL(facts.origin).host === facts.host;
    } catch {
      return false;
    }
  }
  if (facts.secFetchSite) return facts.secFetchSite === 'same-origin' || facts.secFetchSite === 'none';
  // Neither header: not a modern browser. Without our cookie there is nothing to forge.
  const hasSession = (facts.cookie ?? '').split(';').some((c) => c.trim().startsWith(`${sessionCookieName}=`));
  return !hasSession;
}

function originMatchesHost(origin: string, host: string | undefined): boolean {
  if (!host || origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function sameOriginGuard(sessionCookieName: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const forwardedHost = req.get('x-forwarded-host')?.split(',')[0]?.trim();
    const ok = isSameOriginRequest(
      {
        method: req.method,
        path: req.path,
        origin: req.get('origin'),
        host: forwardedHost || req.get('host'),
        secFetchSite: req.get('sec-fetch-site'),
        authorization: req.get('authorization'),
        cookie: req.get('cookie'),
      },
      sessionCookieName,
    );
    if (ok) {
      // Remix 2 aborts a page's action with a 500 when Origin is not exactly the
      // host (`Origin: null` from a browser posting under a strict referrer
      // policy, or a bearer request): this guard has decided, so it stops there.
      if (
        req.headers.origin !== undefined &&
        !originMatchesHost(req.headers.origin, forwardedHost || req.get('host'))
      ) {
        delete req.headers.origin;
      }
      return next();
    }
    res
      .status(403)
      .type('application/problem+json')
      .json({ type: 'about:blank', title: 'Cross-origin request refused', status: 403 });
  };
}
