import type { ActionFunctionArgs } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** DELETE /api/v1/tokens/:id: revokes one of the caller's tokens (204); anyone else's is a 404. */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'DELETE') return methodNotAllowed('DELETE');
    const { actor } = await requireApiUser(request, context);
    await context.tokens.revoke(actor, params.id ?? '');
    return new Response(null, { status: 204 });
  });
}

export const loader = () => methodNotAllowed('DELETE');
