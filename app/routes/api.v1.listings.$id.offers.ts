import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { offerInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { idempotent } from '~/utils/idempotency.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/**
 * POST /api/v1/listings/:id/offers { terms: { dealType, …the type's fields }, message, expiresInDays = 14 }:
 * a verified company or investor makes an offer; 201 { offer }.
 */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor, userId } = await requireApiUser(request, context);
    return idempotent(request, context, userId, async () => {
      const input = parseInput(offerInput, await readJsonBody(request), await getLocale(request));
      const offer = await context.offers.make(actor, params.id ?? '', input);
      return json({ offer }, { status: 201, headers: { Location: `/api/v1/offers/${offer.id}` } });
    });
  });
}

export const loader = () => methodNotAllowed('POST');
