import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { documentResponse } from '~/utils/downloads.server';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getActor, requireApiUser } from '~/utils/session.server';

const params = (p: LoaderFunctionArgs['params']) => ({ listingId: p.id ?? '', documentId: p.documentId ?? '' });

/** GET /api/v1/listings/:id/documents/:documentId: the file, as on the listing page. */
export function loader({ request, context, params: p }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () =>
    documentResponse(context, await getActor(request, context), params(p)),
  );
}

/** DELETE /api/v1/listings/:id/documents/:documentId: removes it from the owner's listing. */
export function action({ request, context, params: p }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'DELETE') return methodNotAllowed('GET, DELETE');
    const { actor } = await requireApiUser(request, context);
    const { listingId, documentId } = params(p);
    await context.listings.documents.remove(actor, listingId, documentId);
    return new Response(null, { status: 204 });
  });
}
