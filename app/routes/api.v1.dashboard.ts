import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/dashboard: the caller's organization's listings by status with their funnels, and what they follow. */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    return json(await context.dashboard.get(actor));
  });
}

export const action = () => methodNotAllowed('GET');
