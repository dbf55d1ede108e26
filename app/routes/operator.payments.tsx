import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Pagination } from '~/components/pagination';
import { AttentionFlags, PartyNames, PayoutState, RefundedAmount } from '~/components/payments/payment-facts';
import { paymentListQuery, PAYMENT_STATUSES } from '~/domain';
import { useLocale } from '~/root';
import paymentStyles from '~/styles/payments.css';
import { formatDateTime, formatMoney } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

// The operator's list of every payment, newest first, with what needs a hand
// flagged; each reference opens the payment's page, where the steps are taken.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: paymentStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'payments.operator.title');

/** Operators only (payment:manage); anyone else gets the service's refusal. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const params = searchParamsToObject(new URL(request.url).searchParams);
  return pageHandler(async () => {
    const query = parseInput(paymentListQuery, params, await getLocale(request));
    return json({ ...(await context.payments.list(actor, query)), query });
  });
}

export default function OperatorPayments() {
  const { payments, total, page, pageSize, query } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('payments.operator.title')}</h1>
      <Form method="get" className="inline-form" aria-label={t('payments.operator.filters')}>
        <label htmlFor="payment-status">{t('payments.fields.status')}</label>{' '}
        <select id="payment-status" name="status" defaultValue={query.status ?? ''}>
          <option value="">{t('payments.operator.anyStatus')}</option>
          {PAYMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`payments.status.${status}`)}
            </option>
          ))}
        </select>{' '}
        <label>
          <input type="checkbox" name="attention" value="1" defaultChecked={query.attention} />{' '}
          {t('payments.operator.attentionOnly')}
        </label>{' '}
        <button type="submit" className="button">
          {t('payments.operator.filter')}
        </button>
      </Form>
      <p className="hint">{t('payments.operator.count', { count: total })}</p>
      {payments.length === 0 ? (
        <p>{t('payments.operator.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="payments-table">
            <thead>
              <tr>
                <th scope="col">{t('payments.fields.reference')}</th>
                <th scope="col">{t('payments.fields.purpose')}</th>
                <th scope="col">{t('payments.fields.parties')}</th>
                <th scope="col">{t('payments.fields.amount')}</th>
                <th scope="col">{t('payments.fields.feeNet')}</th>
                <th scope="col">{t('payments.fields.provider')}</th>
                <th scope="col">{t('payments.fields.status')}</th>
                <th scope="col">{t('payments.fields.refunded')}</th>
                <th scope="col">{t('payments.fields.payout')}</th>
                <th scope="col">{t('payments.fields.stripe')}</th>
                <th scope="col">{t('payments.fields.dates')}</th>
                <th scope="col">{t('payments.fields.attention')}</th>
              </tr>
            </thead>
            <tbody>
              {payments.map(({ payment: p, attention }) => (
                <tr key={p._id} className={attention.length > 0 ? 'payment--attention' : undefined}>
                  <th scope="row">
                    <Link to={`/operator/payments/${p._id}`}>{p._id}</Link>
                  </th>
                  <td>{t(`payments.purpose.${p.purpose}`)}</td>
                  <td>
                    <PartyNames payer={p.payer} payee={p.payee} />
                  </td>
                  <td>{formatMoney(p.amount, locale)}</td>
                  <td>{p.fee && p.net ? `${formatMoney(p.fee, locale)} / ${formatMoney(p.net, locale)}` : '—'}</td>
                  <td>{t(`payments.provider.${p.provider ?? 'none'}`)}</td>
                  <td>{t(`payments.status.${p.status}`)}</td>
                  <td>
                    <RefundedAmount payment={p} />
                  </td>
                  <td>
                    <PayoutState payout={p.payout} />
                  </td>
                  <td>
                    <code>
                      {[p.stripe.checkoutSessionId, p.stripe.paymentIntentId, p.stripe.chargeId]
                        .filter(Boolean)
                        .join(' ') || '—'}
                    </code>
                  </td>
                  <td>
                    {formatDateTime(p.createdAt, locale)}
                    {p.paidAt ? (
                      <>
                        <br />
                        {t('payments.fields.paidAt')}: {formatDateTime(p.paidAt, locale)}
                      </>
                    ) : null}
                  </td>
                  <td>
                    <AttentionFlags reasons={attention} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={Math.max(1, Math.ceil(total / pageSize))} searchParams={searchParams} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
