import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ListingCard } from '~/components/listing-card';
import { Pagination } from '~/components/pagination';
import { useLocale } from '~/root';
import { CATEGORIES, DEAL_TYPES, LISTING_KINDS, LISTING_SORTS, listingQuery, STAGES } from '~/domain';
import { getActor } from '~/utils/session.server';
import { formatNumber } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'listings.title');

const FACETS = [
  { name: 'kind', values: LISTING_KINDS, labels: 'kinds' },
  { name: 'category', values: CATEGORIES, labels: 'categories' },
  { name: 'stage', values: STAGES, labels: 'stages' },
  { name: 'dealType', values: DEAL_TYPES, labels: 'dealTypes' },
] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const actor = await getActor(request, context);
  const params = searchParamsToObject(new URL(request.url).searchParams);
  return pageHandler(async () => {
    const query = parseInput(listingQuery, { ...params, pageSize: 24 }, locale);
    const page = await context.listings.browse(actor, query);
    return json({ page, query, facets: FACETS, sorts: LISTING_SORTS });
  });
}

export default function Listings() {
  const { page, query, facets, sorts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <div className="browse">
      <h1>{t('listings.title')}</h1>
      <div className="browse__layout">
        <aside aria-labelledby="filters-title" className="filters">
          <h2 id="filters-title">{t('listings.filters')}</h2>
          <Form method="get" key={searchParams.toString()}>
            {facets.map((facet) => (
              <fieldset key={facet.name}>
                <legend>{t(`listings.${facet.name}`)}</legend>
                {facet.values.map((value) => (
                  <label key={value} className="check">
                    <input
                      type="checkbox"
                      name={facet.name}
                      value={value}
                      defaultChecked={(query[facet.name] as string[]).includes(value)}
                    />
                    {t(`${facet.labels}.${value}`)}
                  </label>
                ))}
              </fieldset>
            ))}
            <label className="field">
              <span>{t('listings.sort')}</span>
              <select name="sort" defaultValue={query.sort}>
                {sorts.map((s) => (
                  <option key={s} value={s}>
                    {t(`listings.sorts.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <div className="filters__actions">
              <button type="submit" className="button">
                {t('listings.apply')}
              </button>
              <Link to="/listings">{t('listings.clear')}</Link>
            </div>
          </Form>
        </aside>
        <section aria-labelledby="results-title" className="results">
          <a className="jump-to-filters" href="#filters-title">
            {t('listings.filters')} ↓
          </a>
          <h2 id="results-title" className="results__count" aria-live="polite">
            {t('listings.results', { count: page.total, formatted: formatNumber(page.total, locale) })}
          </h2>
          {page.items.length === 0 ? (
            <p>{t('listings.none')}</p>
          ) : (
            <div className="card-grid">
              {page.items.map((listing) => (
                <ListingCard key={listing.id} listing={listing} />
              ))}
            </div>
          )}
          <Pagination page={page.page} pages={pages} searchParams={searchParams} />
        </section>
      </div>
    </div>
  );
}
