import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormError } from '~/components/forms';
import { markReadForm } from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime } from '~/utils/format';
import { notificationText } from '~/utils/notification-text';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json({ notifications: await context.notifications.list(actor) }));
}

/** Marks one notification (`id`) or all of them read. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(request, async () => {
    const { id } = parseInput(markReadForm, await readForm(request), await getLocale(request));
    await context.notifications.markRead(actor, id ? [id] : 'all');
    return redirect('/notifications');
  });
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const text = (key: string, options: Record<string, string>) => String(t(key, options));
  return (
    <div>
      <h1>{t('notifications.title')}</h1>
      <p className="hint">{t('notifications.lead')}</p>
      <FormError />
      {notifications.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <Form method="post">
          <button type="submit" className="button">
            {t('notifications.markAll')}
          </button>
        </Form>
      )}
      <ol className="notification-list">
        {notifications.map((n) => (
          <li key={n.id} className="card">
            <p className="card__meta">
              {n.read ? null : <span className="badge badge--open">{t('notifications.unread')}</span>}
              <time dateTime={n.at}>{formatDateTime(n.at, locale)}</time>
            </p>
            <p>
              <Link to={n.link}>{notificationText(text, n, locale)}</Link>
            </p>
            {n.read ? null : (
              <Form method="post">
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="link-button">
                  {t('notifications.markRead')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
