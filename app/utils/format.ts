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

function fractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
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
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    ...(compact ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : {}),
  }).format(major);
}

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
    new Date(iso),
  );
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}
