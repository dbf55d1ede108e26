import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { idempotent } from '~/utils/idempotency.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';

/**
 * POST /api/v1/deals/:id/checkout (the buyer): `{ url }` of the deal's Stripe
 * Checkout Session — the open one when there is one, so a retry never makes a
 * second. 409 when Stripe does not take this deal (pay by bank transfer).
 */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor, userId } = await requireApiUser(request, context);
    const locale = (await getLocale(request)) === 'zh-CN' ? 'zh' : 'en';
    return idempotent(request, context, userId, async () =>
      json(await context.deals.pay(actor, params.id ?? '', { locale })),
    );
  });
}

export const loader = () => methodNotAllowed('POST');
