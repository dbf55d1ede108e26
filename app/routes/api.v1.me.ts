import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/me: { user, organization, role } for the cookie's or the token's user. */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    return json(await context.auth.getAccount(actor));
  });
}
