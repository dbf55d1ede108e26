import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiTokenInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** GET /api/v1/tokens: the caller's live tokens (names and prefixes, never secrets). */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    return json({ items: await context.tokens.list(actor) });
  });
}

/** POST /api/v1/tokens { name }: 201 { id, name, prefix, createdAt, token }, the secret shown this once. */
export function action({ request, context }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('GET, POST');
    const { actor, viaToken } = await requireApiUser(request, context);
    const input = parseInput(apiTokenInput, await readJsonBody(request), await getLocale(request));
    const { token, apiToken } = await context.tokens.create(actor, input, viaToken ? 'token' : 'session');
    return json({ ...apiToken, token }, { status: 201 });
  });
}
