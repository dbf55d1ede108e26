import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed, problem } from '~/utils/http.server';
import { getActor } from '~/utils/session.server';

/**
 * GET /api/v1/listings/:id/auction: the listing's auction as the caller may see it (the highest amount,
 * the number of bidders, the next minimum, the end after extensions; bidders' names to the owner only);
 * 404 when the listing has no auction.
 */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const auction = await context.auctions.get(await getActor(request, context), params.id ?? '');
    if (!auction) return problem(404, 'Not Found');
    return json({ auction });
  });
}

export const action = () => methodNotAllowed('GET');
