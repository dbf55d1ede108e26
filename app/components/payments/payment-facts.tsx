import { useTranslation } from 'react-i18next';
import { useLocale } from '~/root';
import { formatMoney, pickText, type Bilingual, type Money } from '~/utils/format';

// Pieces of a payment the operator's list and a payment's page both show.

interface Party {
  organization: string;
  name: Bilingual;
}

/** Payer → payee; no payee is the alliance itself (membership fees). */
export function PartyNames({ payer, payee }: { payer: Party; payee: Party | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const from = pickText(payer.name, locale);
  const to = payee ? pickText(payee.name, locale) : { text: t('meta.siteName'), lang: locale };
  return (
    <>
      <span lang={from.lang}>{from.text}</span> → <span lang={to.lang}>{to.text}</span>
    </>
  );
}

export function RefundedAmount({
  payment,
}: {
  payment: { refunded: number; refundDue: number | null; amount: Money };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { currency } = payment.amount;
  return (
    <>
      {payment.refunded > 0 ? formatMoney({ amount: payment.refunded, currency }, locale) : '—'}
      {payment.refundDue !== null ? (
        <>
          <br />
          {t('payments.refundDue', { amount: formatMoney({ amount: payment.refundDue, currency }, locale) })}
        </>
      ) : null}
    </>
  );
}

interface Payout {
  method: 'stripe_transfer' | 'offline';
  amount: Money;
  reference: string | null;
  status: 'pending' | 'paid' | 'reversed';
}

export function PayoutState({ payout }: { payout: Payout | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!payout) return <>—</>;
  return (
    <>
      {t(`payments.payout.${payout.status}`)} · {t(`payments.payout.${payout.method}`)} ·{' '}
      {formatMoney(payout.amount, locale)}
      {payout.reference ? (
        <>
          {' '}
          · <code>{payout.reference}</code>
        </>
      ) : null}
    </>
  );
}

/** What needs the operator (see needsAttention in server/payments/operator.ts), each reason named. */
export function AttentionFlags({ reasons }: { reasons: string[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <ul className="attention-flags">
      {reasons.map((reason) => (
        <li key={reason}>
          <strong className="badge badge--attention">{t(`payments.attention.${reason}`)}</strong>
        </li>
      ))}
    </ul>
  );
}
