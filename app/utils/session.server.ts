import type { AppLoadContext } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { DomainError, type Actor, type RequestAuth } from '~/domain';
import { safeRedirect } from '~/utils/safe-redirect';

// Who is asking, looked up once per request. Pages authenticate by the session
// cookie alone; the API also takes `Authorization: Bearer mix_…` (integrations),
// so a stray header on a page can neither sign anyone in nor break the page.

const cache = new WeakMap<object, Promise<RequestAuth>>();

/**
 * Remix hands each loader of a page its own copy of the Request but all of them
 * one load context, so a read is authenticated once per HTTP request. A post's
 * action may sign someone in or out: the loaders after it look again.
 */
const memoKey = (request: Request, context: AppLoadContext): object =>
  request.method === 'GET' || request.method === 'HEAD' ? context : request;

export function authenticate(request: Request, context: AppLoadContext): Promise<RequestAuth> {
  const key = memoKey(request, context);
  let pending = cache.get(key);
  if (!pending) {
    const isApi = new URL(request.url).pathname.startsWith('/api/');
    pending = context.auth.authenticate({
      cookieHeader: request.headers.get('Cookie'),
      authorization: isApi ? request.headers.get('Authorization') : null,
    });
    cache.set(key, pending);
  }
  return pending;
}

export async function getActor(request: Request, context: AppLoadContext): Promise<Actor> {
  return (await authenticate(request, context)).actor;
}

/** Pages: signed-in or off to the log-in page, coming back here afterwards. */
export async function requireUser(
  request: Request,
  context: AppLoadContext,
): Promise<RequestAuth & { userId: string }> {
  const auth = await authenticate(request, context);
  if (auth.userId) return auth as RequestAuth & { userId: string };
  const url = new URL(request.url);
  // Bounded like every redirect target: a huge query string must not become a huge Location.
  throw redirect(`/login?redirectTo=${encodeURIComponent(safeRedirect(url.pathname + url.search))}`);
}

/** Pages for visitors only (log-in, sign-up): the signed-in go to their account. */
export async function requireAnonymous(request: Request, context: AppLoadContext): Promise<void> {
  if ((await authenticate(request, context)).userId) throw redirect('/account');
}

/** The API: signed-in (by cookie or token) or a 401. */
export async function requireApiUser(
  request: Request,
  context: AppLoadContext,
): Promise<RequestAuth & { userId: string }> {
  const auth = await authenticate(request, context);
  if (!auth.userId) throw new DomainError('unauthorized', 'errors.unauthorized');
  return auth as RequestAuth & { userId: string };
}
