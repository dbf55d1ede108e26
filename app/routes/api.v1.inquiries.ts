import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/inquiries: the caller's organization's threads, those awaiting its reply first. */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    return json({ items: await context.inquiries.list(actor) });
  });
}

export const action = () => methodNotAllowed('GET');
