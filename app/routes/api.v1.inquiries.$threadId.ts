import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/inquiries/:threadId: the thread with its messages (its two organizations only); reading it marks it read. */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    return json(await context.inquiries.get(actor, params.threadId ?? ''));
  });
}

export const action = () => methodNotAllowed('GET');
