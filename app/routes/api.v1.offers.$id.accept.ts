import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { idempotent } from '~/utils/idempotency.server';
import { requireApiUser } from '~/utils/session.server';

/** POST /api/v1/offers/:id/accept: the receiver accepts; 200 { offer } with its dealId; 409 when no longer pending or the listing was taken. */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor, userId } = await requireApiUser(request, context);
    return idempotent(request, context, userId, async () => {
      return json({ offer: await context.offers.accept(actor, params.id ?? '') });
    });
  });
}

export const loader = () => methodNotAllowed('POST');
