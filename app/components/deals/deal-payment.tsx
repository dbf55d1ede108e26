import { Link, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, SubmitButton } from '~/components/forms';
import type { DealView } from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime, formatMoney } from '~/utils/format';

/**
 * The deal's money: its state and provider, the buyer's ways to pay (Stripe
 * Checkout when it takes the deal, and always the bank transfer), the fee and
 * the seller's share, refunds and the payout, with links to the receipts.
 */
export function DealPayment({ view }: { view: DealView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const { payment, paymentInstructions, actions, deal } = view;
  // Nothing is due while the deal is in public notice.
  if (!payment || deal.status === 'public_notice') return null;
  const returned = params.get('payment');
  const provider = payment.provider ? t(`deals.payment.providers.${payment.provider}`) : null;
  return (
    <section aria-labelledby="deal-payment" className="card">
      <h2 id="deal-payment">{t('deals.payment.title')}</h2>
      {returned === 'success' && payment.status !== 'succeeded' ? (
        <p role="status">{t('deals.payment.returnedSuccess')}</p>
      ) : null}
      {returned === 'cancelled' && payment.status === 'pending' ? (
        <p role="status">{t('deals.payment.returnedCancelled')}</p>
      ) : null}
      <dl className="facts">
        <dt>{t('deals.payment.state')}</dt>
        <dd>
          <strong>{t(`deals.payment.statuses.${payment.status}`, { provider })}</strong>
        </dd>
        <dt>{t('deals.payment.amount')}</dt>
        <dd>{formatMoney(payment.amount, locale)}</dd>
        {payment.fee && payment.net ? (
          <>
            <dt>{t('deals.payment.fee')}</dt>
            <dd>{formatMoney(payment.fee, locale)}</dd>
            <dt>{t('deals.payment.net')}</dt>
            <dd>{formatMoney(payment.net, locale)}</dd>
          </>
        ) : null}
        {payment.payout ? (
          <>
            <dt>{t('deals.payment.payout')}</dt>
            <dd>{t(`deals.payment.payouts.${payment.payout.method}_${payment.payout.status}`)}</dd>
          </>
        ) : null}
        {payment.refunded.amount > 0 ? (
          <>
            <dt>{t('deals.payment.refunded')}</dt>
            <dd>{formatMoney(payment.refunded, locale)}</dd>
          </>
        ) : null}
        {payment.refundDue && payment.refundDue.amount > 0 ? (
          <>
            <dt>{t('deals.payment.refundDue')}</dt>
            <dd>{formatMoney(payment.refundDue, locale)}</dd>
          </>
        ) : null}
      </dl>
      {payment.status === 'succeeded' || payment.refunds.some((r) => r.status === 'succeeded') ? (
        <ul className="receipts">
          {payment.status === 'succeeded' ? (
            <li>
              <Link to={`/receipts/${payment.reference}`}>{t('deals.payment.receipt')}</Link>
            </li>
          ) : null}
          {payment.refunds.map((r) => (
            <li key={r.id}>
              {r.status === 'succeeded' ? (
                <Link to={`/receipts/${payment.reference}/refunds/${r.id}`}>
                  {t('deals.payment.refundReceipt', { amount: formatMoney(r.amount, locale) })}
                </Link>
              ) : (
                t(`deals.payment.refund_${r.status}`, {
                  amount: formatMoney(r.amount, locale),
                  at: formatDateTime(r.at, locale),
                })
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {paymentInstructions ? (
        <>
          <p>{t('deals.payment.bankTransfer', { amount: formatMoney(paymentInstructions.amount, locale) })}</p>
          <p>
            {t('deals.payment.reference')} <code>{paymentInstructions.reference}</code>
          </p>
        </>
      ) : null}
      {view.suggestPayoutSetup ? (
        <p>
          <Link to="/account/payouts">{t('deals.payment.setUpPayouts')}</Link>
        </p>
      ) : null}
      {actions.pay ? (
        <Form method="post" className="inline-form" reloadDocument>
          <input type="hidden" name="intent" value="pay" />
          <p>{t('deals.payment.online')}</p>
          <SubmitButton>{t(payment.checkoutOpen ? 'deals.payment.continue' : 'deals.payment.pay')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
