import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';

import { bankReferenceInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { idempotent } from '~/utils/idempotency.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readOptionalJsonBody } from '~/utils/validation.server';

/** POST /api/v1/deals/:id/confirm-payment { bankReference? } (operators): the bank transfer arrived; the deal is paid. */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor, userId } = await requireApiUser(request, context);
    const input = parseInput(bankReferenceInput, await readOptionalJsonBody(request), await getLocale(request));
    return idempotent(request, context, userId, async () =>
      json(await context.deals.confirmPayment(actor, params.id ?? '', input)),
    );
  });
}

export const loader = () => methodNotAllowed('POST');
