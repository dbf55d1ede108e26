import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { signupInput } from '~/domain';
import { clientContext } from '~/utils/client.server';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/auth/signup: creates the account, signs in (cookie) and answers like GET /api/v1/me. */
export function action({ request, context }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const client = await clientContext(request, context);
    const input = parseInput(signupInput, await readJsonBody(request), client.locale);
    const { sessionId } = await context.auth.signup(input, client);
    return json(await context.auth.getSessionAccount(sessionId), {
      status: 201,
      headers: { 'Set-Cookie': context.auth.sessionCookie(sessionId) },
    });
  });
}

export const loader = () => methodNotAllowed('POST');
