import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { inquiryMessageInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/**
 * POST /api/v1/listings/:id/inquiries { body }: asks the listing's owner a
 * question, in the one thread the caller's organization has on this listing
 * (created by the first question). 201 { threadId, created }.
 */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor } = await requireApiUser(request, context);
    const input = parseInput(inquiryMessageInput, await readJsonBody(request), await getLocale(request));
    const asked = await context.inquiries.ask(actor, params.id ?? '', input);
    return json(asked, { status: 201, headers: { Location: `/api/v1/inquiries/${asked.threadId}` } });
  });
}

export const loader = () => methodNotAllowed('POST');
