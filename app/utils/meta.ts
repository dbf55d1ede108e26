import type { MetaDescriptor } from '@remix-run/node';
import { DEFAULT_LOCALE, isLocale, resources, type Locale } from '~/i18n';

type Matches = ReadonlyArray<{ id: string; data: unknown }>;

/** The locale from the root loader, for meta functions (which cannot use hooks). */
export function localeFromMatches(matches: Matches): Locale {
  const data = matches.find((m) => m.id === 'root')?.data as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

const PAGE_TITLES = {
  home: (l: Locale) => resources[l].translation.meta.tagline,
  listings: (l: Locale) => resources[l].translation.listings.title,
} as const;

/** `<title>` and description for a page: its own title (or a known page's), then the site name. */
export function pageTitle(matches: Matches, page: keyof typeof PAGE_TITLES | { title: string }): MetaDescriptor[] {
  const locale = localeFromMatches(matches);
  const { meta } = resources[locale].translation;
  const own = typeof page === 'string' ? PAGE_TITLES[page](locale) : page.title;
  return [{ title: `${own} · ${meta.siteName}` }, { name: 'description', content: meta.description }];
}
