import type { ActionFunctionArgs } from '@remix-run/node';
import { logout } from '~/services/auth.server';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { authenticate, blankSessionCookie } from '~/utils/session.server';

/** POST /api/v1/auth/logout: ends the cookie's session. */
export function action({ request }: ActionFunctionArgs) {
  return apiHandler(request, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { sessionId } = await authenticate(request);
    if (sessionId) await logout(sessionId);
    return new Response(null, { status: 204, headers: { 'Set-Cookie': blankSessionCookie() } });
  });
}

export const loader = () => methodNotAllowed('POST');
