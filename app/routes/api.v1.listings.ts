import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { listingInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

// GET /api/v1/listings: published listings from the search index, as /api/v1/search answers.
export { loader } from './api.v1.search';

/**
 * POST /api/v1/listings: a new draft (201). An `externalId` the organization has
 * sent before updates that listing instead (200), so an office can sync.
 */
export function action({ request, context }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('GET, POST');
    const { actor } = await requireApiUser(request, context);
    const input = parseInput(listingInput, await readJsonBody(request), await getLocale(request));
    const { listing, created } = await context.listings.create(actor, input);
    return json(listing, { status: created ? 201 : 200 });
  });
}
