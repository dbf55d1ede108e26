import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { rejectionInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/listings/:id/reject { reason } (operators): back to draft, with the reason its owner sees. */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor } = await requireApiUser(request, context);
    const { reason } = parseInput(rejectionInput, await readJsonBody(request), await getLocale(request));
    return json(await context.listings.reject(actor, params.id ?? '', reason));
  });
}

export const loader = () => methodNotAllowed('POST');
