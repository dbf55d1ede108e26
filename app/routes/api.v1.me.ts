import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { getAccount } from '~/services/auth.server';
import { apiHandler } from '~/utils/http.server';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/me: { user, organization, role } for the cookie's or the token's user. */
export function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(request, async () => {
    const { actor, userId } = await requireApiUser(request);
    return json(await getAccount(actor, userId));
  });
}
