import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { verifyOrganization } from '~/services/auth.server';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** POST /api/v1/orgs/:id/verify (operators). */
export function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(request, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor } = await requireApiUser(request);
    return json(await verifyOrganization(actor, params.id ?? ''));
  });
}

export const loader = () => methodNotAllowed('POST');
