import type { RegistrationView } from '~/domain';
import { translatorFor, type Locale } from '~/i18n';
import { formatDate, formatMoney, formatNumber, pickText } from '~/utils/format';

// The technology-contract registration data as rows of label and value in
// both languages: the printable page shows them side by side and the CSV
// export writes them, so the two never disagree.

/** A translator fixed to one language (i18next's getFixedT, or translatorFor on the server). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type Translators = Record<Locale, Translate>;

/** The page and the CSV are bilingual whatever the reader's language. */
export const bothLanguages = (): Translators => ({
  'zh-CN': (key, options) => String(translatorFor('zh-CN')(key, options)),
  en: (key, options) => String(translatorFor('en')(key, options)),
});

export interface Pair {
  zh: string;
  en: string;
}

export interface RegistrationRow {
  /** A stable English key: the CSV's first column. */
  key: string;
  label: Pair;
  value: Pair;
  /** A missing credit code the viewer may add (the page links to the organisation's profile). */
  addCreditCode?: boolean;
}

type Data = NonNullable<RegistrationView['data']>;

const LICENCES: readonly string[] = ['exclusive_license', 'non_exclusive_license'];
/** The contract types that share their party roles and amount note. */
const groupOf = (type: Data['contractType']) => (LICENCES.includes(type) ? 'license' : type);

function both(tr: Translators, key: string, options?: Record<string, unknown>): Pair {
  return { zh: tr['zh-CN'](`dealRegistration.${key}`, options), en: tr.en(`dealRegistration.${key}`, options) };
}

const each = (format: (locale: Locale) => string): Pair => ({ zh: format('zh-CN'), en: format('en') });

export function registrationRows(view: RegistrationView, data: Data, tr: Translators): RegistrationRow[] {
  const group = groupOf(data.contractType);
  const row = (key: string, label: Pair, value: Pair, extra: Partial<RegistrationRow> = {}): RegistrationRow => ({
    key,
    label,
    value,
    ...extra,
  });
  const rows: RegistrationRow[] = [
    row('deal', both(tr, 'fields.deal'), { zh: view.dealId, en: view.dealId }),
    row('data_status', both(tr, 'fields.dataStatus'), both(tr, `states.${view.state}`)),
    row('contract_type', both(tr, 'fields.contractType'), both(tr, `contractTypes.${data.contractType}`)),
  ];
  for (const party of data.parties) {
    const role = both(tr, `roles.${group}.${party.role}`);
    rows.push(
      row(
        `${party.role}_name`,
        role,
        each((l) => pickText(party.name, l).text),
      ),
      row(
        `${party.role}_credit_code`,
        each((l) => tr[l]('dealRegistration.fields.creditCodeOf', { role: l === 'en' ? role.en : role.zh })),
        party.creditCode ? { zh: party.creditCode, en: party.creditCode } : both(tr, 'notRecorded'),
        { addCreditCode: party.mayAddCreditCode },
      ),
    );
  }
  rows.push(
    row(
      'contract_amount',
      both(tr, 'fields.contractAmount'),
      each((l) => formatMoney(data.contractAmount, l)),
    ),
    row(
      'technology_amount',
      both(tr, 'fields.technologyAmount'),
      each((l) => formatMoney(data.technologyAmount, l)),
    ),
    row('amount_basis', both(tr, 'fields.amountBasis'), both(tr, `amountBasis.${group}`)),
  );
  if (data.royaltyPercent) {
    rows.push(
      row(
        'royalty_percent',
        both(tr, 'fields.royaltyPercent'),
        each((l) => `${formatNumber(data.royaltyPercent!, l)} %`),
      ),
    );
  }
  rows.push(
    row(
      'term',
      both(tr, 'fields.term'),
      data.term
        ? both(tr, data.term.unit === 'years' ? 'termYears' : 'termMonths', { count: data.term.value })
        : both(tr, 'termNone'),
    ),
    row(
      'subject',
      both(tr, 'fields.subject'),
      each((l) => pickText(view.listing.title, l).text),
    ),
    ...data.patents.map((p, i) =>
      row(`patent_${i + 1}`, both(tr, 'fields.patent', { n: i + 1 }), both(tr, 'patent', p)),
    ),
    row(
      'signed_at',
      both(tr, 'fields.signedAt'),
      each((l) => formatDate(data.signedAt, l)),
    ),
    row(
      'completed_at',
      both(tr, 'fields.completedAt'),
      data.completedAt ? each((l) => formatDate(data.completedAt!, l)) : both(tr, 'notYet'),
    ),
    row(
      'registration_number',
      both(tr, 'fields.registrationNumber'),
      view.registrationNumber ? { zh: view.registrationNumber, en: view.registrationNumber } : both(tr, 'notYet'),
    ),
  );
  return rows;
}

/** The CSV's rows: a header, then each field's key, labels and values in both languages. */
export function registrationCsvRows(rows: RegistrationRow[], tr: Translators): string[][] {
  const label = both(tr, 'csv.label');
  const value = both(tr, 'csv.value');
  return [
    ['key', label.zh, label.en, value.zh, value.en],
    ...rows.map((r) => [r.key, r.label.zh, r.label.en, r.value.zh, r.value.en]),
  ];
}
