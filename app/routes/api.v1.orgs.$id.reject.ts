import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { rejectOrganizationInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/orgs/:id/reject { reason } (operators). */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor } = await requireApiUser(request, context);
    const { reason } = parseInput(rejectOrganizationInput, await readJsonBody(request), await getLocale(request));
    return json(await context.orgs.reject(actor, params.id ?? '', reason));
  });
}

export const loader = () => methodNotAllowed('POST');
