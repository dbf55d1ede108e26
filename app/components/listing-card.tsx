import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Highlight } from '~/components/highlight';
import type { ListingHit } from '~/domain';
import type { Locale } from '~/i18n';
import { useLocale } from '~/root';
import { formatDate, formatMoney, formatNumber, pickText, type Bilingual } from '~/utils/format';

/** The reader's-language text of a field, as search highlighted it when asked and there is a highlight. */
function CardText({ text, markup, locale }: { text: Bilingual; markup: Bilingual | undefined; locale: Locale }) {
  const marked = markup ? pickText(markup, locale) : null;
  if (marked?.text) return <Highlight markup={marked.text} />;
  return <>{pickText(text, locale).text}</>;
}

const textLang = (text: Bilingual, locale: Locale) => pickText(text, locale).lang;

export function ListingCard({
  listing,
  headingLevel = 3,
  highlighted = false,
}: {
  listing: ListingHit;
  headingLevel?: 2 | 3;
  /** Mark the words a search matched (search results only). */
  highlighted?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const org = pickText(listing.organization.name, locale);
  const auctionEnds =
    listing.auctionEndsAt && Date.parse(listing.auctionEndsAt) > Date.now() ? listing.auctionEndsAt : null;
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card">
      <p className="card__meta">
        <span className={`badge badge--${listing.kind}`}>{t(`kinds.${listing.kind}`)}</span>
        <span>{t(`categories.${listing.category}`)}</span>
        {listing.status === 'under_offer' ? <span className="badge">{t('statuses.under_offer')}</span> : null}
        {listing.openLicense ? <span className="badge badge--open">{t('listings.openLicense')}</span> : null}
        {auctionEnds ? (
          <span className="badge badge--auction">
            {t('listings.auctionBadge', { date: formatDate(auctionEnds, locale) })}
          </span>
        ) : null}
      </p>
      <Heading className="card__title" lang={textLang(listing.title, locale)}>
        <Link to={`/listings/${listing.id}`}>
          <CardText text={listing.title} markup={highlighted ? listing.highlight.title : undefined} locale={locale} />
        </Link>
      </Heading>
      {org.text ? (
        <p className="card__org" lang={org.lang}>
          {org.text}
        </p>
      ) : null}
      <p className="card__summary" lang={textLang(listing.summary, locale)}>
        <CardText text={listing.summary} markup={highlighted ? listing.highlight.summary : undefined} locale={locale} />
      </p>
      <dl className="card__facts">
        <div>
          <dt>{t('listings.stage')}</dt>
          <dd>
            {t(`stages.${listing.stage}`)} · {t('listings.trl', { trl: listing.trl })}
          </dd>
        </div>
        <div>
          <dt>{t('listings.askingPrice')}</dt>
          <dd>
            {listing.askingPrice
              ? formatMoney(listing.askingPrice, locale, { compact: true })
              : t('listings.priceOnRequest')}
          </dd>
        </div>
        {listing.patentCount > 0 ? (
          <div>
            <dt>{t('listings.patentCount')}</dt>
            <dd>{formatNumber(listing.patentCount, locale)}</dd>
          </div>
        ) : null}
      </dl>
      <ul className="tags" aria-label={t('listings.dealType')}>
        {listing.dealTypes.map((d) => (
          <li key={d}>{t(`dealTypes.${d}`)}</li>
        ))}
      </ul>
    </article>
  );
}
