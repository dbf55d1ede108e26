import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { idempotent } from '~/utils/idempotency.server';
import { requireApiUser } from '~/utils/session.server';

/** POST /api/v1/offers/:id/withdraw: the maker withdraws a pending offer; 200 { offer }. */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor, userId } = await requireApiUser(request, context);
    return idempotent(request, context, userId, async () => {
      return json({ offer: await context.offers.withdraw(actor, params.id ?? '') });
    });
  });
}

export const loader = () => methodNotAllowed('POST');
