import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { amountsPublicationInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { idempotent } from '~/utils/idempotency.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/deals/:id/publish-amounts { publish } (either party, until completion): agreeing to show the amounts on the ledger. */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor, userId } = await requireApiUser(request, context);
    const input = parseInput(amountsPublicationInput, await readJsonBody(request), await getLocale(request));
    return idempotent(request, context, userId, async () =>
      json(await context.deals.publishAmounts(actor, params.id ?? '', input)),
    );
  });
}

export const loader = () => methodNotAllowed('POST');
