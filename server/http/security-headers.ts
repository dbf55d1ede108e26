import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

// The response headers every answer carries: helmet's set with a
// Content-Security-Policy whose nonce changes per request (Remix's inline
// scripts carry it: app/entry.server.tsx, app/root.tsx), HSTS only when the
// site is served over https, and no caching of anything a credential unlocked.

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** This response's CSP nonce; Remix's load context passes it on as `cspNonce`. */
      cspNonce?: string;
    }
  }
}

/** A fresh nonce per request in `res.locals.cspNonce` (128 random bits). */
export function cspNonce(): RequestHandler {
  return (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  };
}

export interface SecurityHeaderOptions {
  /** PUBLIC_URL is https: send HSTS and upgrade insecure requests. */
  https: boolean;
  /** `npm run dev`: LiveReload talks to the dev server over a websocket. */
  development: boolean;
}

function contentSecurityPolicyDirectives({ https, development }: SecurityHeaderOptions) {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`;
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", nonce],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': development ? ["'self'", 'ws:'] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    // A form may answer with a redirect to Stripe (Checkout, the billing portal, Connect onboarding),
    // and Chromium holds form-action to the redirect's target as well.
    'form-action': ["'self'", 'https://*.stripe.com'],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * helmet, with our CSP. `Referrer-Policy: same-origin` (not `no-referrer`):
 * under `no-referrer` a browser without JavaScript posts forms with
 * `Origin: null`, and Remix refuses those.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives(options) },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/** Whether a request carries a credential: our session cookie or an Authorization header. */
function carriesCredentials(headers: { cookie?: string; authorization?: string }, sessionCookieName: string): boolean {
  if (headers.authorization) return true;
  return (headers.cookie ?? '').split(';').some((pair) => pair.trim().startsWith(`${sessionCookieName}=`));
}

/**
 * `Cache-Control: private, no-store` on every answer to a request with a
 * credential, and on every answer that sets a cookie, whatever the route said:
 * an account page or a confidential listing must never sit in a shared cache.
 * Mount it after the static files, which keep their long-lived caching.
 */
export function noStoreForCredentials(sessionCookieName: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const credentialed = carriesCredentials(req.headers, sessionCookieName);
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
      if (credentialed || this.getHeader('set-cookie') !== undefined) {
        this.setHeader('Cache-Control', 'private, no-store');
        this.removeHeader('Expires');
      }
      return writeHead.apply(this, args);
    } as Response['writeHead'];
    next();
  };
}
