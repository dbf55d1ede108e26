import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

const ALLOW = 'PUT, DELETE';

/**
 * PUT /api/v1/listings/:id/follow: follows a listing the caller may see (200, `{ listingId, following: true }`);
 * DELETE: stops following (204). Both may be repeated.
 */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'PUT' && request.method !== 'DELETE') return methodNotAllowed(ALLOW);
    const { actor } = await requireApiUser(request, context);
    const id = params.id ?? '';
    if (request.method === 'DELETE') {
      await context.follows.unfollow(actor, id);
      return new Response(null, { status: 204 });
    }
    await context.follows.follow(actor, id);
    return json({ listingId: id.toLowerCase(), following: true });
  });
}

export const loader = () => methodNotAllowed(ALLOW);
