import type { LoaderFunctionArgs } from '@remix-run/node';
import { bucketLabel, DIMENSIONS, statsColumns, type StatsCell } from '~/components/stats/table-model';
import { toCsv } from '~/utils/csv';
import { STATS_MAX_AGE_SECONDS, type Figures } from '~/domain';
import { translatorFor } from '~/i18n';
import { minorToMajor } from '~/utils/format';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { getActor } from '~/utils/session.server';

/** A cell as a spreadsheet reads it: counts as numbers, amounts in major units, a withheld amount as "—". */
const csvValue = (cell: StatsCell): string | number =>
  cell.type === 'count'
    ? cell.value
    : cell.total.amount === null
      ? '—'
      : minorToMajor({ ...cell.total, amount: cell.total.amount });

/** GET /stats.csv: the page's tables in one sheet, in the visitor's language (anyone; the query string is ignored). */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const stats = await context.stats.get(await getActor(request, context));
    const t = translatorFor(await getLocale(request));
    const columns = statsColumns(stats, t);
    const values = (figures: Figures) => columns.map((column) => csvValue(column.cell(figures)));
    const rows = [
      [t('stats.csv.dimension'), t('stats.csv.bucket'), ...columns.map((column) => column.label)],
      [t('stats.totals'), '', ...values(stats.totals)],
      ...DIMENSIONS.flatMap((dimension) =>
        stats[dimension].map((bucket) => [
          t(`stats.dimensions.${dimension}`),
          bucketLabel(dimension, bucket, t),
          ...values(bucket.figures),
        ]),
      ),
    ];
    return new Response(toCsv(rows), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="medip-stats.csv"',
        'Cache-Control': `public, max-age=${STATS_MAX_AGE_SECONDS}`,
        // The language follows the visitor's cookie or Accept-Language.
        Vary: 'Cookie, Accept-Language',
      },
    });
  });
}

export const action = () => methodNotAllowed('GET');
