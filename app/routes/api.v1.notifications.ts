import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { translatorFor } from '~/i18n';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { notificationText } from '~/utils/notification-text';
import { requireApiUser } from '~/utils/session.server';

/** GET /api/v1/notifications: the caller's newest notifications, each with its text in the request's language. */
export function loader({ request, context }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const { actor } = await requireApiUser(request, context);
    const locale = await getLocale(request);
    const t = translatorFor(locale);
    const text = (key: string, options: Record<string, string>) => String(t(key, options));
    const [items, unread] = await Promise.all([
      context.notifications.list(actor),
      context.notifications.unreadCount(actor),
    ]);
    return json({ items: items.map((n) => ({ ...n, text: notificationText(text, n, locale) })), unread });
  });
}

export const action = () => methodNotAllowed('GET');
