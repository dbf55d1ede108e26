import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLocale } from '~/root';
import { formatDate, pickText } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'offers.list.pageTitle');

/** The organization's offers, made and received: the latest offer of each thread. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json({ items: await context.offers.list(actor) }));
}

export default function Offers() {
  const { items } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('offers.list.pageTitle')}</h1>
      <p className="hint">{t('offers.list.intro')}</p>
      {items.length === 0 ? (
        <p>{t('offers.list.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('offers.list.listing')}</th>
              <th scope="col">{t('offers.list.other')}</th>
              <th scope="col">{t('offers.list.side')}</th>
              <th scope="col">{t('offers.make.dealType')}</th>
              <th scope="col">{t('offers.list.status')}</th>
              <th scope="col">{t('offers.list.date')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ offer, side, awaitingAnswer }) => {
              const title = pickText(offer.listingTitle, locale);
              const other = side === 'bidder' ? offer.owner : offer.bidder;
              return (
                <tr key={offer.id}>
                  <td>
                    <Link to={`/offers/${offer.id}`} lang={title.lang}>
                      {title.text}
                    </Link>
                  </td>
                  <td>{pickText(other.name, locale).text}</td>
                  <td>{t(`offers.sides.${side}`)}</td>
                  <td>{t(`dealTypes.${offer.terms.dealType}`)}</td>
                  <td>
                    {t(`offers.statuses.${offer.status}`)}
                    {awaitingAnswer ? <span className="badge badge--open"> {t('offers.list.awaiting')}</span> : null}
                  </td>
                  <td>{formatDate(offer.createdAt, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
