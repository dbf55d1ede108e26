import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { isLocale } from '~/i18n';
import { localeCookie } from '~/utils/locale.server';
import { safeRedirect } from '~/utils/safe-redirect';

/** The language switch: a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get('locale');
  const to = safeRedirect(form.get('returnTo'));
  if (!isLocale(locale)) return redirect(to);
  return redirect(to, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } });
}

export function loader() {
  return redirect('/');
}
