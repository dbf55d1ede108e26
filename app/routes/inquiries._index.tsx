import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLocale } from '~/root';
import { formatDateTime, pickText } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'inquiries.title');

/** The organization's conversations, as asker and as listing owner: those awaiting its reply first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json({ threads: await context.inquiries.list(actor) }));
}

export default function Inquiries() {
  const { threads } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('inquiries.title')}</h1>
      <p className="hint">{t('inquiries.lead')}</p>
      {threads.length === 0 ? <p>{t('inquiries.none')}</p> : null}
      <ul className="inquiry-list">
        {threads.map((thread) => {
          const title = pickText(thread.listing.title, locale);
          const other = pickText(thread.otherOrganization.name, locale).text;
          return (
            <li key={thread.id} className="card">
              <p className="card__meta">
                <span className={thread.awaitingReply ? 'badge badge--open' : 'badge'}>
                  {thread.awaitingReply ? t('inquiries.awaiting') : t('inquiries.waiting')}
                </span>
                {thread.unread > 0 ? <strong>{t('inquiries.unread', { count: thread.unread })}</strong> : null}
              </p>
              <h2 className="card__title">
                <Link to={`/inquiries/${thread.id}`} lang={title.lang}>
                  {title.text}
                </Link>
              </h2>
              <p className="card__org">
                {thread.side === 'asker'
                  ? t('inquiries.sideAsker', { organization: other })
                  : t('inquiries.sideOwner', { organization: other })}
              </p>
              <p className="card__summary">{thread.preview}</p>
              <p className="hint">{t('inquiries.lastAt', { when: formatDateTime(thread.lastAt, locale) })}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
