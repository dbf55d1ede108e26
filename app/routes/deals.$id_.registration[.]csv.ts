import type { LoaderFunctionArgs } from '@remix-run/node';
import { bothLanguages, registrationCsvRows, registrationRows } from '~/components/deals/registration-fields';
import { toCsv } from '~/utils/csv';
import { pageHandler } from '~/utils/http.server';
import { requireUser } from '~/utils/session.server';

/** /deals/:id/registration.csv: the registration page's rows as a spreadsheet (the same people; no data: 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const view = await pageHandler(() => context.deals.registration(actor, params.id ?? ''));
  if (!view.data) throw new Response('Not Found', { status: 404 });
  const tr = bothLanguages();
  return new Response(toCsv(registrationCsvRows(registrationRows(view, view.data, tr), tr)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="deal-${view.dealId}-registration.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
