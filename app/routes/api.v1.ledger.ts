import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { ledgerPageQuery } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { getActor } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

/** GET /api/v1/ledger?page= → { items, page, pageSize, total, pages }: the public record, newest first (anyone). */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const params = searchParamsToObject(new URL(request.url).searchParams);
    const query = parseInput(ledgerPageQuery, params, await getLocale(request));
    return json(await context.ledger.list(await getActor(request, context), query));
  });
}

export const action = () => methodNotAllowed('GET');
