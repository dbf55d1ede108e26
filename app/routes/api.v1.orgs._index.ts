import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { listOrganizations, organizationListQuery } from '~/services/auth.server';
import { apiHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

/** GET /api/v1/orgs?verified=false: the operator's verification queue (operators only). */
export function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(request, async () => {
    const { actor } = await requireApiUser(request);
    const params = parseInput(
      organizationListQuery,
      searchParamsToObject(new URL(request.url).searchParams),
      await getLocale(request),
    );
    return json(await listOrganizations(actor, params));
  });
}
