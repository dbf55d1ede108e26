import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, SubmitButton, TextField, type ActionErrors } from '~/components/forms';
import { useLocale } from '~/root';
import { rejectionInput } from '~/domain';
import { formatDateTime, pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'operator.listingQueueTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json({ items: await context.listings.reviewQueue(actor) }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(request, async () => {
    const form = await readForm(request);
    const id = formText(form, 'id');
    if (formText(form, 'intent') === 'publish') {
      const listing = await context.listings.publish(actor, id);
      return json({ done: 'published' as const, title: listing.title });
    }
    const { reason } = parseInput(rejectionInput, form, await getLocale(request));
    const listing = await context.listings.reject(actor, id, reason);
    return json({ done: 'sentBack' as const, title: listing.title });
  });
}

export default function ListingReviewQueue() {
  const { items } = useLoaderData<typeof loader>();
  const result = useActionData<
    ActionErrors & { done?: 'published' | 'sentBack'; title?: { zh?: string; en?: string } }
  >();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('operator.listingQueueTitle')}</h1>
      {result?.formError ? (
        <p className="form-error" role="alert">
          {result.formError}
        </p>
      ) : null}
      {result?.done ? (
        <p role="status">{t(`operator.${result.done}`, { title: pickText(result.title, locale).text })}</p>
      ) : null}
      {items.length === 0 ? <p>{t('operator.listingQueueEmpty')}</p> : null}
      {items.map((item) => {
        const title = pickText(item.title, locale);
        const org = item.organization ? pickText(item.organization.name, locale) : null;
        return (
          <section key={item.id} className="queue-item" aria-labelledby={`listing-${item.id}`}>
            <h2 id={`listing-${item.id}`} lang={title.lang}>
              <Link to={`/listings/${item.id}`}>{title.text}</Link>
            </h2>
            <p>
              {org ? (
                <Link to={`/orgs/${item.organization!.id}`} lang={org.lang}>
                  {org.text}
                </Link>
              ) : null}{' '}
              · {t('operator.submittedAt')} {formatDateTime(item.submittedAt, locale)}
            </p>
            <Form method="post" className="inline-form">
              <input type="hidden" name="id" value={item.id} />
              <button type="submit" name="intent" value="publish" className="button">
                {t('operator.publish')}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="id" value={item.id} />
              <input type="hidden" name="intent" value="reject" />
              <TextField name="reason" label={t('operator.rejectListingReason')} required maxLength={2000} />
              <SubmitButton>{t('operator.reject')}</SubmitButton>
            </Form>
          </section>
        );
      })}
    </div>
  );
}
