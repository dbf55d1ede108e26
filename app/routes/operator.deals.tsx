import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLocale } from '~/root';
import { formatMoney, pickText } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'deals.operator.title');

/** Operators: payments to confirm and notices held by objections; each deal's page takes the step. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json(await context.deals.operatorQueue(actor)));
}

export default function OperatorDeals() {
  const { payments, objections } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('deals.operator.title')}</h1>
      <section aria-labelledby="operator-payments">
        <h2 id="operator-payments">{t('deals.operator.payments')}</h2>
        {payments.length === 0 ? <p>{t('deals.operator.noPayments')}</p> : null}
        <ul>
          {payments.map((d) => {
            const title = pickText(d.listing.title, locale);
            return (
              <li key={d.id}>
                <Link to={`/deals/${d.id}`} lang={title.lang}>
                  {title.text}
                </Link>{' '}
                · {pickText(d.buyer.name, locale).text}
                {d.payment ? ` · ${formatMoney(d.payment.amount, locale)} · ${d.payment.reference}` : null}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="operator-objections">
        <h2 id="operator-objections">{t('deals.operator.objections')}</h2>
        {objections.length === 0 ? <p>{t('deals.operator.noObjections')}</p> : null}
        <ul>
          {objections.map((n) => {
            const title = pickText(n.listing.title, locale);
            return (
              <li key={n.id}>
                <Link to={`/deals/${n.id}`} lang={title.lang}>
                  {title.text}
                </Link>{' '}
                · {t('notices.openObjections', { count: n.openObjections })}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
