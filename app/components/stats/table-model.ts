import type { TFunction } from 'i18next';
import type { AmountTotal, Figures, StatsBucket, StatsDto } from '~/domain';

// The columns and rows the page's tables and the CSV share, so both show the same figures.

export type StatsCell = { type: 'count'; value: number } | { type: 'money'; total: AmountTotal };

export interface StatsColumn {
  label: string;
  cell: (figures: Figures) => StatsCell;
}

export const DIMENSIONS = ['byYear', 'byCategory', 'byMemberKind'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const count = (value: number): StatsCell => ({ type: 'count', value });

/** A currency's total in a bucket; a bucket without that currency has none of it. */
export function amountIn(totals: AmountTotal[], currency: string): AmountTotal {
  return (
    totals.find((total) => total.currency === currency) ?? { currency: currency as never, amount: 0, suppressed: false }
  );
}

/** Every figure; one amount column per currency that occurs (CNY always), never converted. */
export function statsColumns(stats: StatsDto, t: TFunction): StatsColumn[] {
  const money = (name: 'transformationFunds' | 'registeredCapital') =>
    stats.totals[name].map(({ currency }) => ({
      label: t(`stats.figures.${name}`, { currency }),
      cell: (figures: Figures): StatsCell => ({ type: 'money', total: amountIn(figures[name], currency) }),
    }));
  return [
    { label: t('stats.figures.achievementsTransformed'), cell: (f) => count(f.achievementsTransformed) },
    { label: t('stats.figures.projectsTransformed'), cell: (f) => count(f.projectsTransformed) },
    { label: t('stats.figures.ipByAssignment'), cell: (f) => count(f.ipRightsTransferred.assignment) },
    { label: t('stats.figures.ipByLicense'), cell: (f) => count(f.ipRightsTransferred.license) },
    { label: t('stats.figures.ipByIpForEquity'), cell: (f) => count(f.ipRightsTransferred.ipForEquity) },
    { label: t('stats.figures.ipRightsTransferred'), cell: (f) => count(f.ipRightsTransferred.total) },
    { label: t('stats.figures.equityInvestments'), cell: (f) => count(f.equityInvestments) },
    ...money('transformationFunds'),
    { label: t('stats.figures.companiesIncubated'), cell: (f) => count(f.companiesIncubated) },
    ...money('registeredCapital'),
  ];
}

/** A bucket's name: the year, or the category's or organisation kind's label. */
export function bucketLabel(dimension: Dimension, bucket: StatsBucket<string>, t: TFunction): string {
  if (dimension === 'byYear') return bucket.key;
  if (dimension === 'byCategory')
    return bucket.key === 'unknown' ? t('stats.unknownCategory') : t(`categories.${bucket.key}`);
  return t(`orgKinds.${bucket.key}`);
}
