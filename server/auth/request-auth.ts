import { unauthorized } from '../errors.ts';
import { loadAuthenticatedUser } from './actor.ts';
import { userIdForApiToken } from './api-tokens.ts';
import { lucia } from './lucia.ts';
import type { Actor } from './permissions.ts';

// Who is asking: a session cookie (browsers) or a personal API token
// (`Authorization: Bearer mix_…`, integrations).

export interface RequestAuth {
  actor: Actor;
  userId: string | null;
  sessionId: string | null;
  /** The request was authenticated by an API token, not a session. */
  viaToken: boolean;
  emailVerified: boolean;
  /** A refreshed or cleared session cookie to send back, when there is one. */
  setCookie: string | null;
}

const ANONYMOUS: RequestAuth = {
  actor: null,
  userId: null,
  sessionId: null,
  viaToken: false,
  emailVerified: false,
  setCookie: null,
};

export interface Credentials {
  cookieHeader: string | null;
  /** The `Authorization` header; only the API passes it (pages authenticate by cookie alone). */
  authorization?: string | null;
}

/** An unknown or revoked bearer token is a 401; an unknown session is anonymous with its cookie cleared. */
export async function authenticateRequest({ cookieHeader, authorization }: Credentials): Promise<RequestAuth> {
  if (authorization) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const userId = bearer ? await userIdForApiToken(bearer) : null;
    if (!userId) throw unauthorized('errors.badToken');
    return withUser(userId, { sessionId: null, viaToken: true, setCookie: null });
  }
  const sessionId = lucia().readSessionCookie(cookieHeader ?? '');
  if (!sessionId) return ANONYMOUS;
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session || !user) return { ...ANONYMOUS, setCookie: blankSessionCookie() };
  const refreshed = session.fresh ? sessionCookie(session.id) : null;
  return withUser(user.id, { sessionId: session.id, viaToken: false, setCookie: refreshed });
}

async function withUser(
  userId: string,
  via: Pick<RequestAuth, 'sessionId' | 'viaToken' | 'setCookie'>,
): Promise<RequestAuth> {
  const loaded = await loadAuthenticatedUser(userId);
  if (!loaded) return { ...ANONYMOUS, setCookie: via.viaToken ? null : blankSessionCookie() };
  return { ...via, actor: loaded.actor, userId, emailVerified: Boolean(loaded.user.emailVerifiedAt) };
}

export function sessionCookie(sessionId: string): string {
  return lucia().createSessionCookie(sessionId).serialize();
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}
