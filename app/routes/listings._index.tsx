import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ListingCard } from '~/components/listing-card';
import { Pagination } from '~/components/pagination';
import { SearchBox } from '~/components/search-box';
import { FacetFilters, FilterPanel } from '~/components/search-facets';
import { FilterChips, useActiveFilters, withoutFilters, withoutWords } from '~/components/search-filters';
import { SearchForm } from '~/components/search-form';
import { NoResults } from '~/components/search-no-results';
import { ResultsCount, ResultsRegion, SearchNotice, SortSelect } from '~/components/search-results';
import { isDomainError, searchQuery, type FieldErrors } from '~/domain';
import { translatorFor, type Locale } from '~/i18n';
import { pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { localeFromMatches, pageTitle } from '~/utils/meta';
import { getActor } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

const PAGE_SIZE = 24;

/** The fields the form shows errors beside; errors on any other parameter were hand-made and are only noted. */
const FORM_FIELDS = ['q', 'trlMin', 'trlMax', 'priceMin', 'priceMax'];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const q = data?.query.q;
  if (!q) return pageTitle(matches, 'listings.title');
  return pageTitle(matches, { text: translatorFor(localeFromMatches(matches))('listings.titleFor', { q }) });
};

/**
 * The query, and what in the URL could not be used. A bad parameter (a TRL
 * range upside down) is dropped and reported beside its field rather than
 * costing the reader the page.
 */
function parseSearch(params: Record<string, string | string[]>, locale: Locale) {
  try {
    return { query: parseInput(searchQuery, params, locale), errors: {} as FieldErrors };
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'invalid') throw error;
    const usable = { ...params };
    for (const field of Object.keys(error.fieldErrors)) delete usable[field.split('.')[0]!];
    return { query: parseInput(searchQuery, usable, locale), errors: error.fieldErrors };
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const actor = await getActor(request, context);
  const params = searchParamsToObject(new URL(request.url).searchParams);
  // A form without JavaScript sends its empty fields too; empty means "not asked".
  for (const [key, value] of Object.entries(params)) if (value === '') delete params[key];
  return pageHandler(async () => {
    const { query, errors } = parseSearch({ ...params, pageSize: String(PAGE_SIZE) }, locale);
    const page = await context.search.listings(actor, query);
    return json({ query, page, errors }, { status: Object.keys(errors).length ? 400 : 200 });
  });
}

/** The first message for any of the fields, in the reader's language. */
function useErrorFor(errors: FieldErrors) {
  const { t } = useTranslation();
  return (...fields: string[]) => {
    const message = fields.flatMap((field) => errors[field] ?? [])[0];
    return message?.startsWith('validation.') ? String(t(message)) : message;
  };
}

export default function Listings() {
  const { query, page, errors } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const filters = useActiveFilters(query, page.facets);
  const errorFor = useErrorFor(errors);
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/listings';
  const ignored = Object.keys(errors).some((field) => !FORM_FIELDS.includes(field));
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <div className="browse">
      <h1>{t('listings.title')}</h1>
      <SearchForm className="browse__form">
        <SearchBox defaultValue={searchParams.get('q') ?? ''} error={errorFor('q')} />
        <div className="browse__layout">
          <FilterPanel activeCount={filters.length}>
            <FacetFilters query={query} facets={page.facets} params={searchParams} errorFor={errorFor} />
          </FilterPanel>
          <ResultsRegion busy={searching}>
            <SearchNotice notice={page.notice} />
            {ignored ? <p className="form-error">{t('listings.ignoredParameters')}</p> : null}
            <div className="results__bar">
              <ResultsCount page={page} />
              <SortSelect q={query.q} sort={query.sort} />
            </div>
            <FilterChips filters={filters} clearHref={withoutFilters(query)} />
            {page.total === 0 && page.notice !== 'unavailable' ? (
              <NoResults q={query.q} filters={filters} withoutWordsHref={withoutWords(query)} />
            ) : (
              <div className="card-grid">
                {page.hits.map((listing) => (
                  <ListingCard key={listing.id} listing={listing} highlighted={query.q !== ''} />
                ))}
              </div>
            )}
            <Pagination page={page.page} pages={pages} searchParams={searchParams} />
          </ResultsRegion>
        </div>
      </SearchForm>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
