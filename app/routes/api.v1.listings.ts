import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { listingQuery } from '~/domain';
import { apiHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { getActor } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

/** GET /api/v1/listings?kind=&category=&stage=&dealType=&sort=&page=&pageSize= */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const params = searchParamsToObject(new URL(request.url).searchParams);
    const query = parseInput(listingQuery, params, await getLocale(request));
    return json(await context.listings.browse(await getActor(request, context), query));
  });
}
