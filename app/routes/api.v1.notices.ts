import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiHandler } from '~/utils/http.server';

/** GET /api/v1/notices (public): deals in public notice (公示), the soonest-ending first. */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => json({ items: await context.deals.notices() }));
}
