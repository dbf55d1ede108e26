import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { getOrganization } from '~/services/auth.server';
import { apiHandler } from '~/utils/http.server';
import { getActor } from '~/utils/session.server';

/** GET /api/v1/orgs/:id: the public profile. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiHandler(request, async () => json(await getOrganization(await getActor(request), params.id ?? '')));
}
