import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/deals/:id (its two organizations and operators): the deal, the caller's steps, payment instructions. */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    return json(await context.deals.get(actor, params.id ?? ''));
  });
}
