import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { loginInput } from '~/domain';
import { clientContext } from '~/utils/client.server';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/auth/login { email, password }: a session cookie and the account, or 401/429. */
export function action({ request, context }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const client = await clientContext(request, context);
    const input = parseInput(loginInput, await readJsonBody(request), client.locale);
    const { sessionId } = await context.auth.login(input, client);
    return json(await context.auth.getSessionAccount(sessionId), {
      headers: { 'Set-Cookie': context.auth.sessionCookie(sessionId) },
    });
  });
}

export const loader = () => methodNotAllowed('POST');
