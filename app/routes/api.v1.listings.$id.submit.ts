import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** POST /api/v1/listings/:id/submit */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor } = await requireApiUser(request, context);
    return json(await context.listings.submit(actor, params.id ?? ''));
  });
}

export const loader = () => methodNotAllowed('POST');
