import { useTranslation } from 'react-i18next';
import type { Locale } from '~/i18n';
import { formatDate, formatNumber } from '~/utils/format';

// A listing's funnel as the dashboard shows it: the totals with the conversion
// between stages, and the last weeks as a sparkline (decoration: the same
// numbers are in a table beside it, for screen readers and for reading off).

export interface FunnelNumbers {
  views: number;
  inquiries: number;
  ndas: number;
}
export type FunnelDayNumbers = FunnelNumbers & { day: string };
export interface Rates {
  inquiriesPerView: number | null;
  ndasPerInquiry: number | null;
}

const STAGES = ['views', 'inquiries', 'ndas'] as const;

/** A rate in percent, or a dash when there was nothing to convert. */
export function formatRate(rate: number | null, locale: Locale): string {
  return rate === null ? '–' : `${formatNumber(rate, locale)}%`;
}

const WIDTH = 112;
const HEIGHT = 28;

/** Daily views (line) and inquiries (dots) over the period; hidden from assistive technology. */
export function Sparkline({ recent }: { recent: FunnelDayNumbers[] }) {
  const top = Math.max(1, ...recent.map((d) => d.views), ...recent.map((d) => d.inquiries));
  const x = (i: number) => (recent.length > 1 ? (i / (recent.length - 1)) * (WIDTH - 4) + 2 : WIDTH / 2);
  const y = (n: number) => HEIGHT - 2 - (n / top) * (HEIGHT - 4);
  const points = recent.map((d, i) => `${x(i).toFixed(1)},${y(d.views).toFixed(1)}`).join(' ');
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
      focusable="false"
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      {recent.map((d, i) =>
        d.inquiries > 0 ? <circle key={d.day} cx={x(i)} cy={y(d.inquiries)} r="2" fill="#c2410c" /> : null,
      )}
    </svg>
  );
}

/** The period in weeks of seven days, oldest first (the period is whole weeks). */
function weeksOf(recent: FunnelDayNumbers[]): (FunnelNumbers & { from: string; to: string })[] {
  const weeks = [];
  for (let i = 0; i < recent.length; i += 7) {
    const days = recent.slice(i, i + 7);
    const sum = { views: 0, inquiries: 0, ndas: 0 };
    for (const d of days) for (const s of STAGES) sum[s] += d[s];
    weeks.push({ from: days[0]!.day, to: days.at(-1)!.day, ...sum });
  }
  return weeks;
}

/** The sparkline with the same period as a table by week, behind a disclosure. */
export function FunnelTrend({ recent, label, locale }: { recent: FunnelDayNumbers[]; label: string; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <div className="funnel-trend">
      <Sparkline recent={recent} />
      <details>
        <summary>{t('dashboard.byWeek')}</summary>
        <table>
          <caption className="visually-hidden">{t('dashboard.byWeekCaption', { listing: label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.week')}</th>
              {STAGES.map((s) => (
                <th scope="col" key={s}>
                  {t(`dashboard.stages.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(recent).map((w) => (
              <tr key={w.from}>
                <th scope="row">
                  {t('dashboard.weekRange', { from: formatDate(w.from, locale), to: formatDate(w.to, locale) })}
                </th>
                {STAGES.map((s) => (
                  <td key={s}>{formatNumber(w[s], locale)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
