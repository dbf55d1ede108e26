import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { rejectOrganization } from '~/services/auth.server';
import { rejectOrganizationInput } from '~/schemas';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/orgs/:id/reject { reason } (operators). */
export function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(request, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor } = await requireApiUser(request);
    const { reason } = parseInput(rejectOrganizationInput, await readJsonBody(request), await getLocale(request));
    return json(await rejectOrganization(actor, params.id ?? '', reason));
  });
}

export const loader = () => methodNotAllowed('POST');
