import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getActor } from '~/utils/session.server';

/** GET /api/v1/listings/:id */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () =>
    json(await context.listings.get(await getActor(request, context), params.id ?? '')),
  );
}

export const action = () => methodNotAllowed('GET');
