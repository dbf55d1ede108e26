import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { idempotent } from '~/utils/idempotency.server';
import { requireApiUser } from '~/utils/session.server';

/**
 * POST /api/v1/listings/:id/license-now: a verified company takes the listing's non-exclusive licence at its
 * listed terms; 201 { deal } the first time, 200 { deal } (the same deal) on a repeat.
 */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor, userId } = await requireApiUser(request, context);
    return idempotent(request, context, userId, async () => {
      const { deal, created } = await context.offers.licenseNow(actor, params.id ?? '');
      return json({ deal }, { status: created ? 201 : 200, headers: { Location: `/api/v1/deals/${deal.id}` } });
    });
  });
}

export const loader = () => methodNotAllowed('POST');
