import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '~/root';
import { formatDate, formatMoney, pickText, type Bilingual, type Money } from '~/utils/format';

export interface MembershipInvoiceRow {
  reference: string;
  plan: { name: Bilingual };
  amount: Money;
  dueDate: string;
  status: string;
  paidAt: string | null;
}

/** Membership invoices: reference, plan, amount, due date and state; `actions` adds a last column (the operator's). */
export function MembershipInvoices<Row extends MembershipInvoiceRow>({
  invoices,
  actions,
}: {
  invoices: Row[];
  actions?: (invoice: Row) => ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('membership.invoices.reference')}</th>
            <th scope="col">{t('membership.invoices.plan')}</th>
            <th scope="col">{t('membership.invoices.amount')}</th>
            <th scope="col">{t('membership.invoices.due')}</th>
            <th scope="col">{t('membership.invoices.state')}</th>
            {actions ? <td /> : null}
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => {
            const plan = pickText(invoice.plan.name, locale);
            return (
              <tr key={invoice.reference}>
                <th scope="row">
                  <code>{invoice.reference}</code>
                </th>
                <td lang={plan.lang}>{plan.text}</td>
                <td>{formatMoney(invoice.amount, locale)}</td>
                <td>{formatDate(invoice.dueDate, locale)}</td>
                <td>
                  {t(`membership.invoices.states.${invoice.status}`)}
                  {invoice.paidAt ? ` · ${formatDate(invoice.paidAt, locale)}` : null}
                </td>
                {actions ? <td>{actions(invoice)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
