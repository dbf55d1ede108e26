import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '~/root';
import { formatMoney, pickText, type Bilingual, type Money } from '~/utils/format';

export interface ListingCardData {
  id: string;
  kind: string;
  status: string;
  title: Bilingual;
  summary: Bilingual;
  category: string;
  stage: string;
  trl: number;
  dealTypes: string[];
  askingPrice: Money | null;
  patents: unknown[];
  organization: { name: Bilingual; verified: boolean } | null;
}

export function ListingCard({ listing, headingLevel = 3 }: { listing: ListingCardData; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(listing.title, locale);
  const summary = pickText(listing.summary, locale);
  const org = listing.organization ? pickText(listing.organization.name, locale) : null;
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card">
      <p className="card__meta">
        <span className={`badge badge--${listing.kind}`}>{t(`kinds.${listing.kind}`)}</span>
        <span>{t(`categories.${listing.category}`)}</span>
        {listing.status === 'under_offer' ? <span className="badge">{t('statuses.under_offer')}</span> : null}
      </p>
      <Heading className="card__title" lang={title.lang}>
        <Link to={`/listings/${listing.id}`}>{title.text}</Link>
      </Heading>
      {org ? (
        <p className="card__org" lang={org.lang}>
          {org.text}
        </p>
      ) : null}
      <p className="card__summary" lang={summary.lang}>
        {summary.text}
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
      </dl>
      <ul className="tags" aria-label={t('listings.dealType')}>
        {listing.dealTypes.map((d) => (
          <li key={d}>{t(`dealTypes.${d}`)}</li>
        ))}
      </ul>
    </article>
  );
}
