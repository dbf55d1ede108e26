import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { BarChart, type Bar } from '~/components/stats/bar-chart';
import chartStyles from '~/components/stats/stats.css';
import {
  amountIn,
  bucketLabel,
  DIMENSIONS,
  statsColumns,
  type Dimension,
  type StatsCell,
} from '~/components/stats/table-model';
import { MIN_UNPUBLISHED_AMOUNTS, type StatsBucket, type StatsDto } from '~/domain';
import type { Locale } from '~/i18n';
import { useLocale } from '~/root';
import { formatDateTime, formatMoney, formatNumber } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { getActor } from '~/utils/session.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: chartStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'stats.title');

/** Public: the exchange's figures from the ledger (the query string is ignored). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(async () => json({ stats: await context.stats.get(actor) }));
}

function Cell({ cell }: { cell: StatsCell }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (cell.type === 'count') return <>{formatNumber(cell.value, locale)}</>;
  const { amount, currency } = cell.total;
  return amount === null ? (
    <abbr title={t('stats.withheld')}>—</abbr>
  ) : (
    <>{formatMoney({ amount, currency }, locale)}</>
  );
}

function FiguresTable({
  id,
  caption,
  rows,
  stats,
}: {
  id: string;
  caption: string;
  rows: { label: string; figures: StatsBucket<string>['figures'] }[];
  stats: StatsDto;
}) {
  const { t } = useTranslation();
  const columns = statsColumns(stats, t);
  return (
    // A table wider than a phone scrolls: the keyboard must reach it too.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <td />
            {columns.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => (
                <td key={column.label}>
                  <Cell cell={column.cell(row.figures)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const countBars = (stats: StatsDto, dimension: Dimension, t: TFunction, locale: Locale): Bar[] =>
  stats[dimension].map((bucket) => ({
    label: bucketLabel(dimension, bucket, t),
    value: bucket.figures.achievementsTransformed,
    display: formatNumber(bucket.figures.achievementsTransformed, locale),
  }));

/** Transformation funds in CNY, the headline currency; a withheld total draws no bar. */
const fundBars = (stats: StatsDto, t: TFunction, locale: Locale): Bar[] =>
  stats.byYear.map((bucket) => {
    const { amount } = amountIn(bucket.figures.transformationFunds, 'CNY');
    return {
      label: bucketLabel('byYear', bucket, t),
      value: amount,
      display: amount === null ? t('stats.withheld') : formatMoney({ amount, currency: 'CNY' }, locale),
    };
  });

function DimensionSection({ stats, dimension }: { stats: StatsDto; dimension: Dimension }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = t(`stats.dimensions.${dimension}`);
  return (
    <section aria-labelledby={`stats-${dimension}`}>
      <h2 id={`stats-${dimension}`}>{name}</h2>
      <BarChart
        title={t('stats.charts.achievements', { dimension: name })}
        bars={countBars(stats, dimension, t, locale)}
        empty={t('stats.none')}
      />
      {dimension === 'byYear' ? (
        <BarChart title={t('stats.charts.fundsByYear')} bars={fundBars(stats, t, locale)} empty={t('stats.none')} />
      ) : null}
      <FiguresTable
        id={`stats-${dimension}-table`}
        caption={t('stats.tableCaption', { dimension: name })}
        rows={stats[dimension].map((bucket) => ({ label: bucketLabel(dimension, bucket, t), figures: bucket.figures }))}
        stats={stats}
      />
    </section>
  );
}

export default function Stats() {
  const { stats } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('stats.title')}</h1>
      <p className="hint">{t('stats.lead')}</p>
      <p className="hint">
        {t('stats.checkedAt')} <time dateTime={stats.checkedAt}>{formatDateTime(stats.checkedAt, locale)}</time>
      </p>
      <FiguresTable
        id="stats-totals-table"
        caption={t('stats.totals')}
        rows={[{ label: t('stats.totals'), figures: stats.totals }]}
        stats={stats}
      />
      {DIMENSIONS.map((dimension) => (
        <DimensionSection key={dimension} stats={stats} dimension={dimension} />
      ))}
      <section aria-labelledby="stats-downloads">
        <h2 id="stats-downloads">{t('stats.downloads')}</h2>
        <ul>
          <li>
            <a href="/stats.csv" download>
              {t('stats.csvDownload')}
            </a>
          </li>
          <li>
            <a href="/stats.json" download>
              {t('stats.jsonDownload')}
            </a>
          </li>
          <li>
            {t('stats.api')} <a href="/api/v1/stats">GET /api/v1/stats</a>
          </li>
        </ul>
      </section>
      <footer className="hint">
        <p>{t('stats.notes.source')}</p>
        <p>{t('stats.notes.privacy', { min: MIN_UNPUBLISHED_AMOUNTS })}</p>
        <p>{t('stats.notes.currencies')}</p>
        <p>{t('stats.notes.coDevelopment')}</p>
        <p>{t('stats.notes.years')}</p>
      </footer>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
