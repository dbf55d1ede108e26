import type { Locale } from '~/i18n';

export interface Bilingual {
  zh?: string;
  en?: string;
}
export interface Money {
  amount: number;
  currency: string;
}

/** The text in the reader's language, else the other one, with its language tag. */
export function pickText(text: Bilingual | null | undefined, locale: Locale): { text: string; lang: string } {
  const preferZh = locale === 'zh-CN';
  const first = preferZh ? text?.zh : text?.en;
  if (first) return { text: first, lang: locale };
  const other = preferZh ? text?.en : text?.zh;
  return { text: other ?? '', lang: preferZh ? 'en' : 'zh-CN' };
}

// Building an Intl formatter costs far more than using one, and a browse page
// formats hundreds of numbers: each formatter is made once per locale and options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

function fractionDigits(currency: string): number {
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer minor units as a decimal string of major units, exactly: { amount: 50000005, currency: 'CNY' } → "500000.05". */
export function minorToMajor(money: Money): string {
  const digits = fractionDigits(money.currency);
  if (digits === 0) return String(money.amount);
  const padded = String(money.amount).padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Formats integer minor units, e.g. { amount: 50000000, currency: 'CNY' } → ¥500,000.00. */
export function formatMoney(money: Money, locale: Locale, { compact = false } = {}): string {
  const major = money.amount / 10 ** fractionDigits(money.currency);
  return numberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    ...(compact ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : {}),
  }).format(major);
}

export function formatDate(iso: string, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
    new Date(iso),
  );
}

export function formatNumber(n: number, locale: Locale): string {
  return numberFormat(locale).format(n);
}

/** A file's size in kB or MB (decimal units, as operating systems show downloads). */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(bytes / 1000, 0.1), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
