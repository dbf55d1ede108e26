import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { organizationListQuery } from '~/domain';
import { apiHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

/** GET /api/v1/orgs?verified=false: the operator's verification queue (operators only). */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    const params = searchParamsToObject(new URL(request.url).searchParams);
    return json(await context.orgs.list(actor, parseInput(organizationListQuery, params, await getLocale(request))));
  });
}
