import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  DEAL_TYPES,
  LISTING_KINDS,
  NMPA_CLASSES,
  ORGANIZATION_KINDS,
  PATENT_STATUSES,
  STAGES,
  type SearchPage,
  type SearchQuery,
} from '~/domain';
import { useLocale } from '~/root';
import { FLAG_FILTERS, LIST_FILTERS, useValueLabel, type ListField } from '~/components/search-filters';
import { formatNumber } from '~/utils/format';

// The filter sidebar: a checkbox per value with how many results ticking it
// gives, ranges, and the two "only" toggles. On a phone it folds into a
// "Filters (n)" disclosure above the results (see .filters in app.css).

type Facets = SearchPage['facets'];

const VOCABULARIES: Record<Exclude<ListField, 'region'>, readonly string[]> = {
  kind: LISTING_KINDS,
  category: CATEGORIES,
  stage: STAGES,
  nmpaClass: NMPA_CLASSES,
  dealType: DEAL_TYPES,
  patentStatus: PATENT_STATUSES,
  orgKind: ORGANIZATION_KINDS,
};

/**
 * Regions are whatever organizations give: those with results, most first, and any already chosen.
 * Ties go by code point, not `localeCompare`: its default locale is the server's on the server and the
 * reader's in the browser, and two orders of one list break hydration (上海 and 江苏 swapped places).
 */
export function regionValues(counts: Record<string, number> | undefined, selected: string[]): string[] {
  const found = Object.entries(counts ?? {})
    .filter(([, n]) => n > 0)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([region]) => region);
  return [...new Set([...selected, ...found])];
}

export function FilterPanel({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="filters">
      <summary className="filters__toggle">
        {activeCount ? t('listings.filtersWithCount', { n: activeCount }) : t('listings.filters')}
      </summary>
      <div className="filters__body">
        <h2 className="filters__title">{t('listings.filters')}</h2>
        {children}
      </div>
    </details>
  );
}

/** A value to tick, with its count kept out of the accessible name (it is the description). */
function FacetOption({
  name,
  value,
  label,
  count,
  checked,
}: {
  name: string;
  value: string;
  label: string;
  count: number | undefined;
  checked: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  return (
    <div className="facet-option">
      <input
        type="checkbox"
        id={id}
        name={name}
        value={value}
        defaultChecked={checked}
        // Nothing to find: shown for a stable list, but not offered.
        disabled={count === 0 && !checked}
        aria-describedby={count === undefined ? undefined : `${id}-count`}
      />
      <label htmlFor={id}>{label}</label>
      {count === undefined ? null : (
        <>
          <span className="facet-option__count" aria-hidden="true">
            {formatNumber(count, locale)}
          </span>
          <span id={`${id}-count`} hidden>
            {t('listings.results', { count, formatted: formatNumber(count, locale) })}
          </span>
        </>
      )}
    </div>
  );
}

function ListFacet({ field, query, facets }: { field: ListField; query: SearchQuery; facets: Facets }) {
  const { t } = useTranslation();
  const valueLabel = useValueLabel();
  const counts = facets[field];
  const selected: string[] = query[field];
  const values = field === 'region' ? regionValues(counts, selected) : VOCABULARIES[field];
  if (values.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{t(`listings.${field}`)}</legend>
      {values.map((value) => (
        <FacetOption
          key={value}
          name={field}
          value={value}
          label={valueLabel(field, value)}
          // Without facet counts (the engine is down) nothing is known, so nothing is disabled.
          count={counts ? (counts[value] ?? 0) : undefined}
          checked={selected.includes(value)}
        />
      ))}
    </fieldset>
  );
}

function RangeFacet({
  legend,
  names,
  bounds,
  values,
  error,
}: {
  legend: string;
  names: [min: string, max: string];
  bounds: { min: number; max?: number };
  values: URLSearchParams;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="facet range" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="range__inputs">
        {names.map((name, i) => (
          <label key={name} className="range__input">
            <span>{t(i === 0 ? 'listings.rangeFrom' : 'listings.rangeTo')}</span>
            <input
              type="number"
              name={name}
              min={bounds.min}
              max={bounds.max}
              step={1}
              defaultValue={values.get(name) ?? ''}
              aria-invalid={error ? true : undefined}
            />
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * Every filter of the browse form. Ticked boxes follow the parsed query; the
 * range fields show what the URL says, so a rejected value stays in view beside its error.
 */
export function FacetFilters({
  query,
  facets,
  params,
  errorFor,
}: {
  query: SearchQuery;
  facets: Facets;
  params: URLSearchParams;
  errorFor: (...fields: string[]) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      {LIST_FILTERS.map(({ field }) => (
        <ListFacet key={field} field={field} query={query} facets={facets} />
      ))}
      <RangeFacet
        legend={t('listings.trlRange')}
        names={['trlMin', 'trlMax']}
        bounds={{ min: 1, max: 9 }}
        values={params}
        error={errorFor('trlMin', 'trlMax')}
      />
      <RangeFacet
        legend={t('listings.priceRange')}
        names={['priceMin', 'priceMax']}
        bounds={{ min: 0 }}
        values={params}
        error={errorFor('priceMin', 'priceMax')}
      />
      <fieldset className="facet">
        <legend>{t('listings.terms')}</legend>
        {FLAG_FILTERS.map((flag) => (
          <FacetOption
            key={flag}
            name={flag}
            value="true"
            label={t(`listings.${flag}Only`)}
            count={facets[flag] ? (facets[flag].true ?? 0) : undefined}
            checked={query[flag] === true}
          />
        ))}
      </fieldset>
      <button type="submit" className="button">
        {t('listings.apply')}
      </button>
    </>
  );
}
