import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { STATS_MAX_AGE_SECONDS } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getActor } from '~/utils/session.server';

/**
 * GET /api/v1/stats → { checkedAt, entries, totals, byYear, byCategory, byMemberKind }: the exchange's
 * figures from the ledger (anyone; the query string is ignored). A withheld amount is
 * `{ currency, amount: null, suppressed: true }`. Also served as the /stats.json download.
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const stats = await context.stats.get(await getActor(request, context));
    // Public figures, recomputed at most once a minute: shared caches may keep them as long.
    return json(stats, { headers: { 'Cache-Control': `public, max-age=${STATS_MAX_AGE_SECONDS}` } });
  });
}

export const action = () => methodNotAllowed('GET');
