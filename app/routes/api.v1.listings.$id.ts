import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { getListing } from '~/services/listings.server';
import { getActor } from '~/utils/session.server';
import { apiHandler } from '~/utils/http.server';

/** GET /api/v1/listings/:id */
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiHandler(request, async () => json(await getListing(await getActor(request), params.id ?? '')));
}
