import type { MetaDescriptor } from '@remix-run/node';
import { DEFAULT_LOCALE, isLocale, translatorFor, type Locale } from '~/i18n';
import { pickText, type Bilingual } from '~/utils/format';

type Matches = ReadonlyArray<{ id: string; data: unknown }>;

/** The locale from the root loader, for meta functions (which cannot use hooks). */
export function localeFromMatches(matches: Matches): Locale {
  const data = matches.find((m) => m.id === 'root')?.data as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/** `<title>` and description: the page's title (a locale key, or text) and the site name. */
export function pageTitle(matches: Matches, title: string | { text: string }): MetaDescriptor[] {
  const t = translatorFor(localeFromMatches(matches));
  const own = typeof title === 'string' ? String(t(title)) : title.text;
  return [
    { title: `${own} · ${String(t('meta.siteName'))}` },
    { name: 'description', content: String(t('meta.description')) },
  ];
}

/** A page about one listing: the page's own wording (`key`, with `{{title}}`) around the listing's title in the reader's language. */
export function listingPageTitle(matches: Matches, key: string, listingTitle: Bilingual): MetaDescriptor[] {
  const locale = localeFromMatches(matches);
  const title = pickText(listingTitle, locale).text;
  return pageTitle(matches, { text: String(translatorFor(locale)(key, { title })) });
}
