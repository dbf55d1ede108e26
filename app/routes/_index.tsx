import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ListingCard } from '~/components/listing-card';
import { useLocale } from '~/root';
import { CATEGORIES, searchQuery } from '~/domain';
import { getActor } from '~/utils/session.server';
import { formatNumber } from '~/utils/format';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'meta.tagline');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  const [counts, latest] = await Promise.all([
    context.search.figures(actor),
    context.search.listings(actor, searchQuery.parse({ pageSize: 6 }), { facets: [] }),
  ]);
  return json({ counts, latest: latest.hits, categories: CATEGORIES });
}

export default function Home() {
  const { counts, latest, categories } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const figures = [
    ['listings', counts.listings],
    ['patents', counts.patentListings],
    ['organizations', counts.organizations],
    ['institutes', counts.institutes],
  ] as const;
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <p className="hero__tagline">{t('meta.tagline')}</p>
        <h1 id="hero-title">{t('home.title')}</h1>
        <p className="hero__lead">{t('home.lead')}</p>
        <p>
          <Link className="button" to="/listings">
            {t('home.browse')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="counts-title" className="section">
        <h2 id="counts-title">{t('home.countsHeading')}</h2>
        <ul className="figures">
          {figures.map(([key, value]) => (
            <li key={key}>
              <strong>{formatNumber(value, locale)}</strong> <span>{t(`home.counts.${key}`)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="latest-title" className="section">
        <h2 id="latest-title">{t('home.latest')}</h2>
        <div className="card-grid">
          {latest.map((listing) => (
            <ListingCard key={listing.id} listing={listing} />
          ))}
        </div>
        <p>
          <Link to="/listings">{t('home.allListings')}</Link>
        </p>
      </section>

      <section aria-labelledby="categories-title" className="section">
        <h2 id="categories-title">{t('home.categories')}</h2>
        <ul className="category-list">
          {categories.map((c) => (
            <li key={c}>
              <Link to={`/listings?category=${c}`}>{t(`categories.${c}`)}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-title" className="section">
        <h2 id="how-title">{t('home.howHeading')}</h2>
        <ol className="steps">
          <li>{t('home.how.list')}</li>
          <li>{t('home.how.deal')}</li>
          <li>{t('home.how.record')}</li>
        </ol>
      </section>
    </>
  );
}
