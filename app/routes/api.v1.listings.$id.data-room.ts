import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/listings/:id/data-room: who accepted the NDA and who downloaded what (its owner and operators). */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    return json(await context.listings.dataRoom(actor, params.id ?? ''));
  });
}

export const action = () => methodNotAllowed('GET');
