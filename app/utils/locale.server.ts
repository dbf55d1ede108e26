import { createCookie } from '@remix-run/node';
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, isLocale, SUPPORTED_LOCALES, type Locale } from '~/i18n';

// The visitor's language: the page's own `?lang=` (the zh/en alternates search
// engines index), else their explicit choice (a cookie), else the browser's
// Accept-Language, else Chinese.
export const localeCookie = createCookie('locale', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  secure: process.env.NODE_ENV === 'production',
  maxAge: 60 * 60 * 24 * 365,
});

export async function getLocale(request: Request): Promise<Locale> {
  const asked = new URL(request.url).searchParams.get('lang');
  if (isLocale(asked)) return asked;
  const chosen: unknown = await localeCookie.parse(request.headers.get('Cookie'));
  if (isLocale(chosen)) return chosen;
  const negotiated = new Negotiator({
    headers: { 'accept-language': request.headers.get('Accept-Language') ?? '' },
  }).language([...SUPPORTED_LOCALES, 'zh', 'en-US', 'en-GB']);
  if (negotiated?.startsWith('zh')) return 'zh-CN';
  if (negotiated?.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}
