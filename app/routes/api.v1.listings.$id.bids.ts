import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { bidInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { idempotent } from '~/utils/idempotency.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/**
 * POST /api/v1/listings/:id/bids { amount: { amount (minor units), currency } }: a verified company or
 * investor bids in the listing's auction; 201 { auction } as the bidder now sees it. 422 below the next
 * minimum (GET /api/v1/listings/:id/auction says it), 409 once the auction has ended.
 */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor, userId } = await requireApiUser(request, context);
    return idempotent(request, context, userId, async () => {
      const input = parseInput(bidInput, await readJsonBody(request), await getLocale(request));
      const auction = await context.auctions.bid(actor, params.id ?? '', input);
      return json({ auction }, { status: 201 });
    });
  });
}

export const loader = () => methodNotAllowed('POST');
