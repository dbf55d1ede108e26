import { useTranslation } from 'react-i18next';
import { MONEY_FIELDS, TEXT_FIELDS, type DealTypeKey } from '~/domain';
import { useLocale } from '~/root';
import { formatMoney, type Money } from '~/utils/format';
import { fieldAt } from '~/utils/form-values';

type Terms = { dealType: DealTypeKey } & Record<string, unknown>;

/** A terms field's label key (`company.name` → `offers.fields.companyName`). */
export const fieldLabel = (name: string) =>
  `offers.fields.${name === 'company.name' ? 'companyName' : name === 'company.creditCode' ? 'creditCode' : name}`;

/** A set of terms (an offer's, a counter's or a listed licence's) as a definition list. */
export function OfferTerms({ terms }: { terms: Terms }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: [string, string][] = [[t('offers.make.dealType'), t(`dealTypes.${terms.dealType}`)]];
  for (const { name } of MONEY_FIELDS[terms.dealType]) {
    const money = terms[name] as Money | null;
    rows.push([t(fieldLabel(name)), money ? formatMoney(money, locale) : t('offers.licenseNow.none')]);
  }
  for (const { name } of TEXT_FIELDS[terms.dealType]) {
    const value = fieldAt(terms, name);
    rows.push([
      t(fieldLabel(name)),
      value === null || value === undefined || value === '' ? t('offers.licenseNow.none') : String(value),
    ]);
  }
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
