import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { browseListings, listingQuery } from '~/services/listings.server';
import { getActor } from '~/utils/session.server';
import { apiHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

/** GET /api/v1/listings?kind=&category=&stage=&dealType=&sort=&page=&pageSize= */
export function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(request, async () => {
    const locale = await getLocale(request);
    const params = searchParamsToObject(new URL(request.url).searchParams);
    const query = parseInput(listingQuery, params, locale);
    return json(await browseListings(await getActor(request), query));
  });
}
