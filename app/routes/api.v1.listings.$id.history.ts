import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/listings/:id/history: the audit trail, newest first (its owner and operators). */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    return json({ items: await context.listings.history(actor, params.id ?? '') });
  });
}

export const action = () => methodNotAllowed('GET');
