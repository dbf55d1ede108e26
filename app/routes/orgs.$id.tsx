import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ListingCard } from '~/components/listing-card';
import { useLocale, usePublicUrl } from '~/root';
import { JsonLd } from '~/components/json-ld';
import { describe, localizedUrl, seoMeta } from '~/utils/seo';
import { searchQuery } from '~/domain';
import { formatDate, pickText } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { localeFromMatches, pageTitle } from '~/utils/meta';
import { getActor } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const locale = localeFromMatches(matches);
  const org = data.organization;
  const title = pageTitle(matches, { text: pickText(org.name, locale).text })[0] as { title: string };
  return seoMeta(matches, {
    title: title.title,
    description: describe(pickText(org.description, locale).text || pickText(org.name, locale).text),
    path: `/orgs/${org.id}`,
  });
};

const SCHEMA_TYPES: Partial<Record<string, string>> = {
  basic_institute: 'ResearchOrganization',
  engineering_institute: 'ResearchOrganization',
  hospital: 'Hospital',
  company: 'Corporation',
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(async () => {
    const organization = await context.orgs.get(actor, params.id ?? '');
    const query = searchQuery.parse({ organization: organization.id, pageSize: 48 });
    const listings = await context.search.listings(actor, query, { facets: [] });
    const membership = await context.membership.publicStatus(organization.id);
    return json({ organization, listings, membership });
  });
}

export default function OrganizationPage() {
  const { organization: org, listings, membership } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = pickText(org.name, locale);
  const other = locale === 'zh-CN' ? org.name.en : org.name.zh;
  const about = pickText(org.description, locale);
  const region = [org.region.city, org.region.province, org.region.country].filter(Boolean).join(', ');
  const publicUrl = usePublicUrl();
  return (
    <article>
      <JsonLd
        data={{
          '@type': SCHEMA_TYPES[org.kind] ?? 'Organization',
          name: name.text,
          ...(other && other !== name.text ? { alternateName: other } : {}),
          url: localizedUrl(publicUrl, `/orgs/${org.id}`, locale),
          ...(org.website ? { sameAs: org.website } : {}),
          ...(about.text ? { description: about.text } : {}),
          address: {
            '@type': 'PostalAddress',
            addressCountry: org.region.country,
            ...(org.region.province ? { addressRegion: org.region.province } : {}),
            ...(org.region.city ? { addressLocality: org.region.city } : {}),
          },
        }}
      />
      <header>
        <p className="card__meta">
          <span className="badge">{t(`orgKinds.${org.kind}`)}</span>
          {org.verified ? (
            <span className="badge badge--verified">✓ {t('listing.verified')}</span>
          ) : (
            <span className="badge">{t('listing.unverified')}</span>
          )}
          {membership ? (
            <span className="badge badge--verified" data-testid="membership-badge">
              {membership.until
                ? t('membership.badgeUntil', { date: formatDate(membership.until, locale) })
                : t('membership.badge')}
            </span>
          ) : null}
        </p>
        <h1 lang={name.lang}>{name.text}</h1>
        {other && other !== name.text ? <p lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}>{other}</p> : null}
      </header>
      <dl className="facts">
        <div>
          <dt>{t('org.region')}</dt>
          <dd>{region}</dd>
        </div>
        {org.website ? (
          <div>
            <dt>{t('org.website')}</dt>
            <dd>
              <a href={org.website} rel="noopener noreferrer nofollow">
                {org.website}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('account.verification')}</dt>
          <dd>{t(`verification.${org.verification.status}`)}</dd>
        </div>
        <div>
          <dt>{t('operator.registered')}</dt>
          <dd>{formatDate(org.createdAt, locale)}</dd>
        </div>
      </dl>
      {about.text ? (
        <section aria-labelledby="about">
          <h2 id="about">{t('org.about')}</h2>
          <p lang={about.lang}>{about.text}</p>
        </section>
      ) : null}
      <section aria-labelledby="org-listings">
        <h2 id="org-listings">
          {t('org.listings')} ({listings.total})
        </h2>
        {listings.hits.length === 0 ? (
          <p>{t('org.noListings')}</p>
        ) : (
          <div className="card-grid">
            {listings.hits.map((listing) => (
              <ListingCard key={listing.id} listing={listing} />
            ))}
          </div>
        )}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
