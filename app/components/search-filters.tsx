import { Link } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SearchPage, SearchQuery } from '~/domain';
import type { Locale } from '~/i18n';
import { useLocale } from '~/root';
import { formatMoney, formatNumber } from '~/utils/format';

// The browse page's state is its URL. This module turns a parsed query into the
// filters a reader sees (labels, chips) and into links that change one thing.

/** The multi-valued filters, in the order the sidebar shows them, with the locale section of their value labels. */
export const LIST_FILTERS = [
  { field: 'kind', labels: 'kinds' },
  { field: 'category', labels: 'categories' },
  { field: 'stage', labels: 'stages' },
  { field: 'nmpaClass', labels: 'nmpaClasses' },
  { field: 'dealType', labels: 'dealTypes' },
  { field: 'patentStatus', labels: 'patentStatuses' },
  { field: 'orgKind', labels: 'orgKinds' },
  { field: 'region', labels: 'regions' },
] as const;
export type ListField = (typeof LIST_FILTERS)[number]['field'];

export const FLAG_FILTERS = ['openLicense', 'auctionOpen'] as const;

/** Fields a listing has exactly one value of, so their disjunctive counts add up to a total. */
const SINGLE_VALUED: ReadonlySet<ListField> = new Set(['kind', 'category', 'stage', 'nmpaClass', 'orgKind', 'region']);

type Facets = SearchPage['facets'];

/** What the schema sorts by when the URL names no sort; the URL leaves it out. */
export const defaultSort = (q: string) => (q ? 'relevance' : 'newest');

/** The URL of a query: defaults left out, and no page, because changing what is asked starts at page 1. */
export function searchHref(query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const { field } of LIST_FILTERS) for (const value of query[field]) params.append(field, value);
  for (const field of ['trlMin', 'trlMax', 'priceMin', 'priceMax', ...FLAG_FILTERS] as const) {
    if (query[field] !== undefined) params.set(field, String(query[field]));
  }
  if (query.sort !== defaultSort(query.q)) params.set('sort', query.sort);
  return params.size ? `/listings?${params}` : '/listings';
}

/** A label for a region: provinces have locale labels, other regions are ISO country codes. */
function regionLabel(region: string, locale: Locale, t: TFunction): string {
  if (/^[A-Z]{2}$/.test(region)) return new Intl.DisplayNames([locale], { type: 'region' }).of(region) ?? region;
  return t(`regions.${region}`, { defaultValue: region });
}

/** Labels filter values in the reader's language. */
export function useValueLabel() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (field: ListField, value: string) => {
    if (field === 'region') return regionLabel(value, locale, t);
    const section = LIST_FILTERS.find((f) => f.field === field)!.labels;
    return t(`${section}.${value}`);
  };
}

/** How many results removing one value leaves, when the facet counts tell: undefined when they do not. */
function resultsWithout(field: ListField, value: string, query: SearchQuery, facets: Facets): number | undefined {
  const counts = facets[field];
  if (!counts) return undefined;
  const rest = query[field].filter((v) => v !== value);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (SINGLE_VALUED.has(field)) return sum(rest.length ? rest.map((v) => counts[v] ?? 0) : Object.values(counts));
  // A listing may have several values (deal types, patent statuses): only a single remaining value is known.
  return rest.length === 1 ? (counts[rest[0]!] ?? 0) : undefined;
}

export interface ActiveFilter {
  key: string;
  label: string;
  /** This page without the filter. */
  href: string;
  /** Results without it, when known. */
  resultsIfRemoved?: number;
}

/** Every filter the query applies, each with the link that removes it. */
export function useActiveFilters(query: SearchQuery, facets: Facets): ActiveFilter[] {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueLabel = useValueLabel();
  const chip = (field: string, value: string) => t('listings.filterChip', { field: t(`listings.${field}`), value });
  const filters: ActiveFilter[] = [];

  for (const { field } of LIST_FILTERS) {
    for (const value of query[field]) {
      filters.push({
        key: `${field}=${value}`,
        label: chip(field, valueLabel(field, value)),
        href: searchHref({ ...query, [field]: query[field].filter((v) => v !== value) }),
        resultsIfRemoved: resultsWithout(field, value, query, facets),
      });
    }
  }

  const yuan = (amount: number) =>
    formatMoney({ amount: Math.round(amount * 100), currency: 'CNY' }, locale, { compact: true });
  const ranges = [
    { field: 'trlRange', min: 'trlMin', max: 'trlMax', format: (n: number) => formatNumber(n, locale) },
    { field: 'priceRange', min: 'priceMin', max: 'priceMax', format: yuan },
  ] as const;
  for (const { field, min, max, format } of ranges) {
    const [low, high] = [query[min], query[max]];
    if (low === undefined && high === undefined) continue;
    const bounds = { min: low === undefined ? '' : format(low), max: high === undefined ? '' : format(high) };
    const shape = low === undefined ? 'atMost' : high === undefined ? 'atLeast' : 'between';
    filters.push({
      key: field,
      label: chip(field, t(`listings.range.${shape}`, bounds)),
      href: searchHref({ ...query, [min]: undefined, [max]: undefined }),
    });
  }

  for (const flag of FLAG_FILTERS) {
    if (query[flag] === undefined) continue;
    const label = t(`listings.${flag}`);
    filters.push({
      key: flag,
      label: query[flag] ? label : t('listings.flagOff', { label }),
      href: searchHref({ ...query, [flag]: undefined }),
    });
  }
  return filters;
}

const NO_FILTERS = {
  ...Object.fromEntries(LIST_FILTERS.map(({ field }) => [field, []])),
  trlMin: undefined,
  trlMax: undefined,
  priceMin: undefined,
  priceMax: undefined,
  openLicense: undefined,
  auctionOpen: undefined,
};

/** The query with its words and sort but none of its filters. */
export const withoutFilters = (query: SearchQuery) => searchHref({ ...query, ...NO_FILTERS });

/** The query without its words: every listing the filters allow (a sort that was only the default follows). */
export const withoutWords = (query: SearchQuery) =>
  searchHref({ ...query, q: '', sort: query.sort === defaultSort(query.q) ? defaultSort('') : query.sort });

/** Active filters as links that remove them, and one that removes them all. */
export function FilterChips({ filters, clearHref }: { filters: ActiveFilter[]; clearHref: string }) {
  const { t } = useTranslation();
  if (filters.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('listings.activeFilters')}>
      {filters.map((filter) => (
        <li key={filter.key}>
          <Link className="chip" to={filter.href}>
            <span className="visually-hidden">{t('listings.remove')} </span>
            {filter.label}
            <span aria-hidden="true"> ×</span>
          </Link>
        </li>
      ))}
      <li>
        <Link className="chips__clear" to={clearHref}>
          {t('listings.clear')}
        </Link>
      </li>
    </ul>
  );
}
