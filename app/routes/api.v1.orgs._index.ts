import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { z } from 'zod';
import { listOrganizations } from '~/services/auth.server';
import { apiHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { requireApiUser } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

const query = z.object({
  verified: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** GET /api/v1/orgs?verified=false: the operator's verification queue (operators only). */
export function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(request, async () => {
    const { actor } = await requireApiUser(request);
    const params = parseInput(query, searchParamsToObject(new URL(request.url).searchParams), await getLocale(request));
    return json(await listOrganizations(actor, params));
  });
}
