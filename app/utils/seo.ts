import type { MetaDescriptor } from '@remix-run/node';
import { SUPPORTED_LOCALES, type Locale } from '~/i18n';
import { localeFromMatches } from '~/utils/meta';

// What search engines and link previews read from a public page: its own title
// and description, the canonical URL, one alternate per language (`?lang=`),
// and Open Graph tags.

type Matches = ReadonlyArray<{ id: string; data: unknown }>;

const publicUrlFrom = (matches: Matches) =>
  ((matches.find((m) => m.id === 'root')?.data as { publicUrl?: string } | undefined)?.publicUrl ?? '').replace(
    /\/+$/,
    '',
  );

export const localizedUrl = (publicUrl: string, path: string, locale: Locale) => `${publicUrl}${path}?lang=${locale}`;

/** A description of at most 160 characters, cut at a word (or, for Chinese, anywhere). */
export function describe(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 160) return flat;
  const cut = flat.slice(0, 159);
  const space = cut.lastIndexOf(' ');
  return `${space > 100 ? cut.slice(0, space) : cut}…`;
}

export function seoMeta(
  matches: Matches,
  { title, description, path, type = 'website' }: { title: string; description: string; path: string; type?: string },
): MetaDescriptor[] {
  const locale = localeFromMatches(matches);
  const base = publicUrlFrom(matches);
  const url = localizedUrl(base, path, locale);
  return [
    { title },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: url },
    ...SUPPORTED_LOCALES.map((l) => ({
      tagName: 'link',
      rel: 'alternate',
      hrefLang: l,
      href: localizedUrl(base, path, l),
    })),
    { tagName: 'link', rel: 'alternate', hrefLang: 'x-default', href: `${base}${path}` },
    { property: 'og:type', content: type },
    { property: 'og:title', content: title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: url },
    { property: 'og:locale', content: locale === 'zh-CN' ? 'zh_CN' : 'en_US' },
  ];
}
