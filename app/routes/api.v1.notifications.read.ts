import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { markReadInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, readJsonBody } from '~/utils/validation.server';

/** POST /api/v1/notifications/read { ids: [...] } or { all: true }: 200 { unread }. */
export function action({ request, context }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    const { actor } = await requireApiUser(request, context);
    const input = parseInput(markReadInput, await readJsonBody(request), await getLocale(request));
    return json(await context.notifications.markRead(actor, 'all' in input ? 'all' : input.ids));
  });
}

export const loader = () => methodNotAllowed('POST');
