import { useTranslation } from 'react-i18next';
import type { DealDto } from '~/domain';
import { useLocale } from '~/root';
import { formatMoney, formatNumber, type Money } from '~/utils/format';

const isMoney = (v: unknown): v is Money => typeof v === 'object' && v !== null && 'amount' in v && 'currency' in v;

/** A deal's frozen terms as a definition list: each field under its label, money in the viewer's locale. */
export function DealTermsList({ terms }: { terms: DealDto['terms'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = Object.entries(terms).filter(([key, value]) => key !== 'dealType' && value !== null);
  const shown = (value: unknown): string => {
    if (isMoney(value)) return formatMoney(value, locale);
    if (typeof value === 'number') return formatNumber(value, locale);
    if (typeof value === 'object' && value !== null) {
      const company = value as { name?: string; creditCode?: string | null };
      return [company.name, company.creditCode].filter(Boolean).join(' · ');
    }
    return String(value);
  };
  return (
    <dl className="facts">
      <dt>{t('deals.terms.dealType')}</dt>
      <dd>{t(`dealTypes.${terms.dealType}`)}</dd>
      {rows.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`deals.terms.${key}`)}</dt>
          <dd>{shown(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
