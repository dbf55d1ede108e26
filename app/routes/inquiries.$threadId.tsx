import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormError, SubmitButton, TextAreaField, type ActionErrors } from '~/components/forms';
import { MESSAGE_MAX_LENGTH } from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime, pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { listingPageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { readForm } from '~/utils/validation.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? listingPageTitle(matches, 'inquiries.thread.title', data.thread.listing.title) : [];

/** The conversation, for its two organizations only (to anyone else: not found). Opening it reads it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json({ thread: await context.inquiries.get(actor, params.threadId ?? '') }));
}

/** A reply from either organization. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  // Nothing typed is lost: a refused message comes back beside its error.
  return formHandler(
    request,
    async () => {
      const form = await readForm(request);
      const { threadId, messageId } = await context.inquiries.reply(actor, params.threadId ?? '', { body: form.body });
      return redirect(`/inquiries/${threadId}#message-${messageId}`);
    },
    { keepInput: true },
  );
}

/** Plain text as written: line breaks kept, nothing read as HTML (React escapes it). */
function MessageBody({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <p>
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </p>
  );
}

export default function Thread() {
  const { thread } = useLoaderData<typeof loader>();
  const sent = useActionData<ActionErrors & { values?: { body?: unknown } }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(thread.listing.title, locale);
  const asker = pickText(thread.asker.name, locale).text;
  const owner = pickText(thread.owner.name, locale).text;
  return (
    <article className="thread">
      <p>
        <Link to="/inquiries">← {t('inquiries.thread.back')}</Link>
      </p>
      <h1>{t('inquiries.thread.title', { title: title.text })}</h1>
      <p className="hint">
        {t('inquiries.thread.between', { asker, owner })}{' '}
        <Link to={`/listings/${thread.listing.id}`}>{t('inquiries.thread.listing')}</Link>
      </p>
      <section aria-labelledby="thread-messages">
        <h2 id="thread-messages">{t('inquiries.thread.messages')}</h2>
        <ol className="thread__messages">
          {thread.messages.map((m) => (
            <li key={m.id} id={`message-${m.id}`} className={m.mine ? 'card thread__mine' : 'card'}>
              <p className="card__meta">
                <strong>
                  {t('inquiries.thread.author', {
                    name: m.authorName,
                    organization: m.side === 'asker' ? asker : owner,
                  })}
                </strong>{' '}
                <time dateTime={m.at}>{formatDateTime(m.at, locale)}</time>
              </p>
              <MessageBody text={m.body} />
            </li>
          ))}
        </ol>
      </section>
      <FormError />
      <Form method="post">
        <TextAreaField
          name="body"
          label={t('inquiries.thread.reply')}
          hint={t('inquiries.thread.replyHint')}
          required
          maxLength={MESSAGE_MAX_LENGTH}
          rows={5}
          defaultValue={typeof sent?.values?.body === 'string' ? sent.values.body : undefined}
          // A new form after a successful reply (the redirect brings no action data).
          key={sent ? 'refused' : thread.messages.length}
        />
        <SubmitButton>{t('inquiries.thread.send')}</SubmitButton>
      </Form>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
