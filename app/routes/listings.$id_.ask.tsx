import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AskQuestion } from '~/components/ask-question';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormError, type ActionErrors } from '~/components/forms';
import { useLocale } from '~/root';
import { pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { listingPageTitle } from '~/utils/meta';
import { getActor, requireUser } from '~/utils/session.server';
import { readForm } from '~/utils/validation.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? listingPageTitle(matches, 'inquiries.ask.pageTitle', data.listing.title) : [];

/** The question form on a page of its own: where a refused question comes back with its message. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(async () => {
    const listing = await context.listings.get(actor, params.id ?? '');
    const status = await context.inquiries.askStatus(actor, listing);
    return json({ listing: { id: listing.id, title: listing.title }, status });
  });
}

/** POST /listings/:id/ask { body }: asks the owner, then opens the conversation. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  // Nothing typed is lost: a refused message comes back beside its error.
  return formHandler(
    request,
    async () => {
      const form = await readForm(request);
      const { threadId } = await context.inquiries.ask(actor, params.id ?? '', { body: form.body });
      return redirect(`/inquiries/${threadId}`);
    },
    { keepInput: true },
  );
}

export default function AskPage() {
  const { listing, status } = useLoaderData<typeof loader>();
  const sent = useActionData<ActionErrors & { values?: { body?: unknown } }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(listing.title, locale);
  return (
    <div className="auth">
      <p>
        <Link to={`/listings/${listing.id}`}>← {title.text}</Link>
      </p>
      <h1>{t('inquiries.ask.pageTitle', { title: title.text })}</h1>
      <FormError />
      <AskQuestion
        listingId={listing.id}
        status={status}
        defaultBody={typeof sent?.values?.body === 'string' ? sent.values.body : undefined}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
