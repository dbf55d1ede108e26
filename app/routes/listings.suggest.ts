import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { suggestQuery } from '~/domain';
import { apiHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { getActor } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

// GET /listings/suggest?q=ultra → { suggestions: [{ id, title_zh, title_en }] }:
// titles for the browse page's search box while the reader types.

export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const params = searchParamsToObject(new URL(request.url).searchParams);
    const { q } = parseInput(suggestQuery, params, await getLocale(request));
    const suggestions = await context.search.suggest(await getActor(request, context), q);
    // Private: what a visitor may see depends on who they are. A minute is fresh enough for titles.
    return json({ suggestions }, { headers: { 'Cache-Control': 'private, max-age=60' } });
  });
}
