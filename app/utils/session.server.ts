import { redirect } from '@remix-run/node';
import { loadAuthenticatedUser, lucia, userIdForApiToken, validateSession, type Actor } from '~/services/auth.server';
import { DomainError } from '~/services/errors.server';

// Who is asking: a session cookie (browsers) or `Authorization: Bearer mix_…`
// (integrations). Looked up once per request.

export interface RequestAuth {
  actor: Actor;
  userId: string | null;
  sessionId: string | null;
  emailVerified: boolean;
  /** A refreshed or cleared session cookie to send back, when there is one. */
  setCookie: string | null;
}

const ANONYMOUS: RequestAuth = { actor: null, userId: null, sessionId: null, emailVerified: false, setCookie: null };
const cache = new WeakMap<Request, Promise<RequestAuth>>();

export function authenticate(request: Request): Promise<RequestAuth> {
  let pending = cache.get(request);
  if (!pending) cache.set(request, (pending = resolve(request)));
  return pending;
}

async function resolve(request: Request): Promise<RequestAuth> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
  if (bearer) {
    const userId = await userIdForApiToken(bearer);
    if (!userId) throw new DomainError('unauthorized', 'errors.badToken');
    return withUser(userId, null, null);
  }
  const sessionId = lucia().readSessionCookie(request.headers.get('Cookie') ?? '');
  if (!sessionId) return ANONYMOUS;
  const { session, user } = await validateSession(sessionId);
  if (!session || !user) return { ...ANONYMOUS, setCookie: lucia().createBlankSessionCookie().serialize() };
  const refreshed = session.fresh ? lucia().createSessionCookie(session.id).serialize() : null;
  return withUser(user.id, session.id, refreshed);
}

async function withUser(userId: string, sessionId: string | null, setCookie: string | null): Promise<RequestAuth> {
  const loaded = await loadAuthenticatedUser(userId);
  if (!loaded) return { ...ANONYMOUS, setCookie: lucia().createBlankSessionCookie().serialize() };
  return { actor: loaded.actor, userId, sessionId, emailVerified: Boolean(loaded.user.emailVerifiedAt), setCookie };
}

export async function getActor(request: Request): Promise<Actor> {
  return (await authenticate(request)).actor;
}

/** Pages: signed-in or off to the log-in page, coming back here afterwards. */
export async function requireUser(request: Request): Promise<RequestAuth & { userId: string }> {
  const auth = await authenticate(request);
  if (auth.userId) return auth as RequestAuth & { userId: string };
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Pages for visitors only (log-in, sign-up): the signed-in go to their account. */
export async function requireAnonymous(request: Request): Promise<void> {
  if ((await authenticate(request)).userId) throw redirect('/account');
}

/** The API: signed-in (by cookie or token) or a 401. */
export async function requireApiUser(request: Request): Promise<RequestAuth & { userId: string }> {
  const auth = await authenticate(request);
  if (!auth.userId) throw new DomainError('unauthorized', 'errors.unauthorized');
  return auth as RequestAuth & { userId: string };
}

export function sessionCookie(sessionId: string): string {
  return lucia().createSessionCookie(sessionId).serialize();
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}
