import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getActor } from '~/utils/session.server';

/**
 * GET /api/v1/ledger/verify → { ok: true, entries, headHash } or { ok: false, brokenAt, reason }:
 * every entry's hash and link recomputed (anyone; a broken chain is an answer, not an error).
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    return json(await context.ledger.verify(await getActor(request, context)));
  });
}

export const action = () => methodNotAllowed('GET');
