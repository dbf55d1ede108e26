import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Form, FormError, SubmitButton } from '~/components/forms';
import { useLocale } from '~/root';
import { formatDateTime, pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';

// Where a new listing starts (a form draft, then its steps), and where the
// author's unfinished drafts wait to be continued.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'listingForm.newTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () =>
    json({
      mayCreate: context.auth.can(actor, { action: 'listing:create' }),
      drafts: await context.listings.drafts.list(actor),
    }),
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(request, async () => {
    const draft = await context.listings.drafts.start(actor);
    return redirect(`/listings/drafts/${draft.id}/${draft.step}`);
  });
}

export default function NewListing() {
  const { mayCreate, drafts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="listing-form">
      <h1>{t('listingForm.newTitle')}</h1>
      <p>{t('listingForm.startLead')}</p>
      <FormError />
      {mayCreate ? (
        <Form method="post">
          <SubmitButton>{t('listingForm.start')}</SubmitButton>
        </Form>
      ) : (
        <p className="notice">{t('listingForm.cannotCreate')}</p>
      )}
      {drafts.length ? (
        <section aria-labelledby="unfinished">
          <h2 id="unfinished">{t('listingForm.unfinished')}</h2>
          <ul className="draft-list">
            {drafts.map((draft) => {
              const title = pickText(draft.title, locale);
              return (
                <li key={draft.id}>
                  <Link to={`/listings/drafts/${draft.id}/${draft.step}`} lang={title.text ? title.lang : undefined}>
                    {title.text || t('listingForm.untitled')}
                  </Link>{' '}
                  <span className="hint">
                    {draft.listingId ? `${t('listingForm.editing')} · ` : null}
                    {t('listingForm.lastSaved', { date: formatDateTime(draft.updatedAt, locale) })}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
