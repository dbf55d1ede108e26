import type { Actor } from '../../server/auth/permissions.ts';

export type { Actor };

/** Who is making the request. Anonymous until accounts land (sessions, API tokens). */
export async function getActor(_request: Request): Promise<Actor> {
  return null;
}
