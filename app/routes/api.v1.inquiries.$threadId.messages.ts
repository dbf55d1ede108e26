import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { inquiryMessageInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/inquiries/:threadId/messages { body }: 201 { threadId, messageId }. */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor } = await requireApiUser(request, context);
    const input = parseInput(inquiryMessageInput, await readJsonBody(request), await getLocale(request));
    return json(await context.inquiries.reply(actor, params.threadId ?? '', input), { status: 201 });
  });
}

export const loader = () => methodNotAllowed('POST');
