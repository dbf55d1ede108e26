import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { listingInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { getActor, requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** GET /api/v1/listings/:id */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () =>
    json(await context.listings.get(await getActor(request, context), params.id ?? '')),
  );
}

/**
 * PATCH /api/v1/listings/:id with any of the listing's fields: merged into the
 * listing and validated whole. On a published listing, changes to the title,
 * summary, patents or terms wait for the operator as a revision.
 */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'PATCH') return methodNotAllowed('GET, PATCH');
    const { actor } = await requireApiUser(request, context);
    const id = params.id ?? '';
    const patch = await readJsonBody(request);
    const current = await context.listings.editable(actor, id);
    const merged = patch && typeof patch === 'object' && !Array.isArray(patch) ? { ...current, ...patch } : patch;
    const input = parseInput(listingInput, merged, await getLocale(request));
    return json(await context.listings.update(actor, id, input));
  });
}
