import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { getAccount, login } from '~/services/auth.server';
import { loginInput } from '~/schemas';
import { clientContext } from '~/utils/client.server';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { sessionCookie } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/auth/login { email, password }: a session cookie and the account, or 401/429. */
export function action({ request, context }: ActionFunctionArgs) {
  return apiHandler(request, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const client = await clientContext(request, context);
    const input = parseInput(loginInput, await readJsonBody(request), client.locale);
    const { userId, sessionId } = await login(input, client);
    return json(await getAccount(null, userId), { headers: { 'Set-Cookie': sessionCookie(sessionId) } });
  });
}

export const loader = () => methodNotAllowed('POST');
