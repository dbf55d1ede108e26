import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { searchQuery } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { getActor } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

/**
 * GET /api/v1/search?q=&kind=&category=&nmpaClass=&stage=&dealType=&trlMin=&trlMax=&priceMin=&priceMax=
 * &openLicense=&sort=&page=&pageSize= → { hits, facets, total, page, pageSize, tookMs }
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const params = searchParamsToObject(new URL(request.url).searchParams);
    const query = parseInput(searchQuery, params, await getLocale(request));
    return json(await context.search.listings(await getActor(request, context), query));
  });
}

export const action = () => methodNotAllowed('GET');
