import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useLocale, usePublicUrl } from '~/root';
import { getActor, requireUser } from '~/utils/session.server';
import { getLocale } from '~/utils/locale.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';
import { EDITABLE_LISTING_STATUSES, PUBLIC_LISTING_STATUSES, rejectionInput, type ListingDto } from '~/domain';
import { JsonLd } from '~/components/json-ld';
import { describe, localizedUrl, seoMeta } from '~/utils/seo';
import type { Locale } from '~/i18n';
import { ListingReviewPanel } from '~/components/listing-review';
import { formatDate, formatMoney, minorToMajor, pickText, type Bilingual } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { localeFromMatches, pageTitle } from '~/utils/meta';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Fact } from '~/components/fact';
import { DataRoom } from '~/components/data-room';
import { AskQuestion } from '~/components/ask-question';
import { FollowButton } from '~/components/follow-button';
import { AuctionSummary } from '~/components/auction';
import { LicenseNow } from '~/components/license-now';
import { MakeOfferLink } from '~/components/make-offer';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const locale = localeFromMatches(matches);
  const { listing } = data;
  const title = pageTitle(matches, { text: pickText(listing.title, locale).text })[0] as { title: string };
  return seoMeta(matches, {
    title: title.title,
    description: describe(pickText(listing.summary, locale).text),
    path: `/listings/${listing.id}`,
    type: 'product',
  });
};

/** schema.org Product: the listing as search engines show it (public fields only). */
function listingJsonLd(listing: ListingDto, locale: Locale, url: string, t: (key: string) => string) {
  const price = listing.askingPrice;
  return {
    '@type': 'Product',
    name: pickText(listing.title, locale).text,
    description: pickText(listing.summary, locale).text,
    category: t(`categories.${listing.category}`),
    url,
    ...(listing.organization
      ? { brand: { '@type': 'Organization', name: pickText(listing.organization.name, locale).text } }
      : {}),
    ...(listing.patents.length ? { identifier: listing.patents.map((p) => p.number).join(', ') } : {}),
    ...(listing.keywords.length ? { keywords: listing.keywords.join(', ') } : {}),
    ...(price
      ? {
          offers: {
            '@type': 'Offer',
            price: minorToMajor(price),
            priceCurrency: price.currency,
            availability: 'https://schema.org/InStock',
            url,
          },
        }
      : {}),
  };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(async () => {
    const listing = await context.listings.get(actor, params.id ?? '');
    const resource = { status: listing.status, organizationId: listing.organization?.id ?? '' };
    const mayEdit =
      EDITABLE_LISTING_STATUSES.includes(listing.status) &&
      context.auth.can(actor, { action: 'listing:manage', listing: resource });
    const history = listing.review ? await context.listings.history(actor, listing.id) : [];
    const [dataRoom, following, ask, auction] = await Promise.all([
      listing.review ? context.listings.dataRoom(actor, listing.id) : null,
      context.follows.isFollowing(actor, listing.id),
      context.inquiries.askStatus(actor, listing),
      listing.auction ? context.auctions.get(actor, listing.id) : null,
      context.dashboard.countView({ listing, actor, request, clientIp: context.clientIp }),
    ]);
    return json({
      listing,
      history,
      mayEdit,
      dataRoom,
      ndaAccess: context.listings.ndaAccess(actor, listing),
      following,
      ask,
      licenseNow: context.offers.licenseNowStatus(actor, listing),
      mayOffer: context.offers.offerLinkShown(actor, listing),
      auction,
      signedIn: actor !== null,
    });
  });
}

/** The review steps (submit, withdraw, publish, reject with a reason) for the owner and the operators; accepting the NDA for the others. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(request, async () => {
    const form = await readForm(request);
    const id = params.id ?? '';
    const intent = formText(form, 'intent');
    if (intent === 'nda') {
      await context.listings.acceptNda(actor, id, { ip: context.clientIp });
      return redirect(`/listings/${id}#data-room`);
    }
    if (intent === 'submit') await context.listings.submit(actor, id);
    else if (intent === 'withdraw') await context.listings.withdraw(actor, id);
    else if (intent === 'publish') await context.listings.publish(actor, id);
    else {
      const { reason } = parseInput(rejectionInput, form, await getLocale(request));
      await context.listings.reject(actor, id, reason);
    }
    return redirect(`/listings/${id}`);
  });
}

function Prose({ id, heading, text }: { id: string; heading: string; text: Bilingual }) {
  const locale = useLocale();
  const picked = pickText(text, locale);
  if (!picked.text) return null;
  return (
    <section aria-labelledby={id} className="prose">
      <h2 id={id}>{heading}</h2>
      <p lang={picked.lang}>{picked.text}</p>
    </section>
  );
}

export default function ListingPage() {
  const { listing, history, mayEdit, dataRoom, ndaAccess, following, ask, licenseNow, mayOffer, auction, signedIn } =
    useLoaderData<typeof loader>();
  const publicUrl = usePublicUrl();
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(listing.title, locale);
  const org = listing.organization;
  const orgName = org ? pickText(org.name, locale) : null;
  const terms = listing.licenseTerms;
  return (
    <article className="listing">
      <p>
        <Link to="/listings">← {t('listing.back')}</Link>
      </p>
      <header className="listing__header">
        <p className="card__meta">
          <span className={`badge badge--${listing.kind}`}>{t(`kinds.${listing.kind}`)}</span>
          <span>{t(`categories.${listing.category}`)}</span>
          <span className="badge">{t(`statuses.${listing.status}`)}</span>
        </p>
        <h1 lang={title.lang}>{title.text}</h1>
        {orgName && org ? (
          <p className="listing__org">
            {t('listing.organization')}: <span lang={orgName.lang}>{orgName.text}</span> · {t(`orgKinds.${org.kind}`)}
            {org.verified ? <span className="badge badge--verified">✓ {t('listing.verified')}</span> : null}
          </p>
        ) : null}
        {listing.keywords.length > 0 ? (
          <ul className="tags" aria-label={t('listing.keywords')}>
            {listing.keywords.map((keyword) => (
              <li key={keyword}>
                {/* A keyword is a search: the listings that share it. */}
                <Link to={`/listings?${new URLSearchParams({ q: keyword })}`}>{keyword}</Link>
              </li>
            ))}
          </ul>
        ) : null}
        {PUBLIC_LISTING_STATUSES.includes(listing.status) ? (
          <FollowButton listingId={listing.id} following={following} />
        ) : null}
      </header>

      {listing.review ? (
        <ListingReviewPanel
          review={listing.review}
          history={history}
          editHref={mayEdit ? `/listings/${listing.id}/edit` : null}
        />
      ) : null}
      {PUBLIC_LISTING_STATUSES.includes(listing.status) ? (
        <JsonLd data={listingJsonLd(listing, locale, localizedUrl(publicUrl, `/listings/${listing.id}`, locale), t)} />
      ) : null}

      <div className="listing__layout">
        <div className="listing__body">
          <Prose id="summary" heading={t('listing.summary')} text={listing.summary} />
          <Prose id="problem" heading={t('listing.problem')} text={listing.problem} />
          <Prose id="advantages" heading={t('listing.advantages')} text={listing.advantages} />
          <Prose id="clinical-use" heading={t('listing.clinicalUse')} text={listing.clinicalUse} />
          <Prose id="partner" heading={t('listing.partnerSought')} text={listing.partnerSought} />

          {listing.patents.length > 0 ? (
            <section aria-labelledby="patents" className="patents">
              <h2 id="patents">{t('listing.patents')}</h2>
              {/* A table wider than a phone scrolls: the keyboard must reach it too. */}
              {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
              <div className="table-scroll" role="region" aria-labelledby="patents" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('listing.patentNumber')}</th>
                      <th scope="col">{t('listing.patentType')}</th>
                      <th scope="col">{t('listing.patentStatus')}</th>
                      <th scope="col">{t('listing.filingDate')}</th>
                      <th scope="col">{t('listing.grantDate')}</th>
                      <th scope="col">{t('listing.expiryDate')}</th>
                      <th scope="col">{t('listing.remainingLife')}</th>
                      <th scope="col">{t('listing.ipc')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {listing.patents.map((p) => (
                      <tr key={p.number}>
                        <th scope="row">
                          <code>{p.number}</code>
                        </th>
                        <td>{t(`patentTypes.${p.type}`)}</td>
                        <td>{t(`patentStatuses.${p.status}`)}</td>
                        <td>{formatDate(p.filingDate, locale)}</td>
                        <td>{p.grantDate ? formatDate(p.grantDate, locale) : t('listing.unknown')}</td>
                        <td>{p.expiryDate ? formatDate(p.expiryDate, locale) : t('listing.unknown')}</td>
                        <td>
                          {p.remainingLifeDays === null
                            ? t('listing.unknown')
                            : p.remainingLifeDays === 0
                              ? t('listing.lapsed')
                              : t('listing.years', { years: (p.remainingLifeDays / 365.25).toFixed(1) })}
                        </td>
                        <td>{p.ipc.join('; ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          <DataRoom listing={listing} access={ndaAccess} record={dataRoom} />
          <AskQuestion listingId={listing.id} status={ask} />
        </div>

        <aside className="listing__aside" aria-labelledby="facts">
          <h2 id="facts">{t('listing.facts')}</h2>
          <dl className="facts">
            <Fact label={t('listing.stage')}>{t(`stages.${listing.stage}`)}</Fact>
            <Fact label={t('listing.trl')}>{listing.trl} / 9</Fact>
            <Fact label={t('listing.nmpaClass')}>{t(`nmpaClasses.${listing.nmpaClass}`)}</Fact>
            <Fact label={t('listing.fda')}>{t(`fda.${listing.regulatory.fda}`)}</Fact>
            <Fact label={t('listing.ce')}>{t(`ce.${listing.regulatory.ce}`)}</Fact>
            {listing.externalId ? <Fact label={t('listing.externalId')}>{listing.externalId}</Fact> : null}
          </dl>

          <h2 id="terms">{t('listing.terms')}</h2>
          <dl className="facts" aria-labelledby="terms">
            <Fact label={t('listing.dealTypes')}>
              {listing.dealTypes.map((d) => t(`dealTypes.${d}`)).join(locale === 'zh-CN' ? '、' : ', ')}
            </Fact>
            <Fact label={t('listing.askingPrice')}>
              {listing.askingPrice ? formatMoney(listing.askingPrice, locale) : t('listings.priceOnRequest')}
            </Fact>
            {terms?.upfront ? <Fact label={t('listing.upfront')}>{formatMoney(terms.upfront, locale)}</Fact> : null}
            {terms?.royaltyPercent != null ? <Fact label={t('listing.royalty')}>{terms.royaltyPercent}%</Fact> : null}
            {terms?.minimumAnnual ? (
              <Fact label={t('listing.minimumAnnual')}>{formatMoney(terms.minimumAnnual, locale)}</Fact>
            ) : null}
            {listing.equityOffered ? (
              <Fact label={t('listing.equity')}>
                {t('listing.equityTerms', {
                  percent: listing.equityOffered.percent,
                  valuation: formatMoney(listing.equityOffered.valuation, locale, { compact: true }),
                })}
              </Fact>
            ) : null}
          </dl>
          {terms?.openLicense ? <p className="notice">{t('listing.openLicense')}</p> : null}
          <LicenseNow listingId={listing.id} status={licenseNow} signedIn={signedIn} />
          {mayOffer ? <MakeOfferLink listingId={listing.id} /> : null}
          {auction ? <AuctionSummary auction={auction} listingId={listing.id} /> : null}
        </aside>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
