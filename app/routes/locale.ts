import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { isLocale } from '~/i18n';
import { formHandler } from '~/utils/http.server';
import { localeCookie } from '~/utils/locale.server';
import { safeRedirect } from '~/utils/safe-redirect';
import { formText, readForm } from '~/utils/validation.server';

/** The language switch: a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  return formHandler(request, async () => {
    const form = await readForm(request);
    const to = safeRedirect(formText(form, 'returnTo'));
    const locale = formText(form, 'locale');
    if (!isLocale(locale)) return redirect(to);
    return redirect(to, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } });
  });
}

export function loader() {
  return redirect('/');
}
