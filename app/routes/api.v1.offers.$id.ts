import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/offers/:id: the offer, its whole thread and what the caller may do (its two organizations only). */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    return json(await context.offers.get(actor, params.id ?? ''));
  });
}

export const action = () => methodNotAllowed('GET');
