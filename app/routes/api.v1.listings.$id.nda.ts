import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** POST /api/v1/listings/:id/nda: accepts the listing's NDA for the caller's organization (201 the first time, 200 after). */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor } = await requireApiUser(request, context);
    const { acceptedAt, created } = await context.listings.acceptNda(actor, params.id ?? '', { ip: context.clientIp });
    return json({ acceptedAt }, { status: created ? 201 : 200 });
  });
}

export const loader = () => methodNotAllowed('POST');
