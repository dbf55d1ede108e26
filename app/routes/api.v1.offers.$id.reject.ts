import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { rejectionReasonInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { idempotent } from '~/utils/idempotency.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/offers/:id/reject { reason }: the receiver rejects; 200 { offer }. */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor, userId } = await requireApiUser(request, context);
    return idempotent(request, context, userId, async () => {
      const input = parseInput(rejectionReasonInput, await readJsonBody(request), await getLocale(request));
      return json({ offer: await context.offers.reject(actor, params.id ?? '', input) });
    });
  });
}

export const loader = () => methodNotAllowed('POST');
