import type { ActionFunctionArgs } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { authenticate } from '~/utils/session.server';

/** POST /api/v1/auth/logout: ends the cookie's session. */
export function action({ request, context }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { sessionId } = await authenticate(request, context);
    if (sessionId) await context.auth.logout(sessionId);
    return new Response(null, { status: 204, headers: { 'Set-Cookie': context.auth.blankSessionCookie() } });
  });
}

export const loader = () => methodNotAllowed('POST');
