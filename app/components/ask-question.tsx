import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton, TextAreaField } from '~/components/forms';
import { MESSAGE_MAX_LENGTH, type AskState } from '~/domain';

export interface AskQuestionProps {
  listingId: string;
  /** From `context.inquiries.askStatus(actor, listing)`. */
  status: { state: AskState; threadId: string | null };
  /** The text sent last time, when the question was refused (the ask page passes it back). */
  defaultBody?: string;
}

/**
 * "Ask the owner a question" on a listing: a plain form posting to
 * /listings/:id/ask (it works without JavaScript), or why the viewer cannot ask,
 * and a link to the conversation their organization already has.
 */
export function AskQuestion({ listingId, status, defaultBody }: AskQuestionProps) {
  const { t } = useTranslation();
  const { state, threadId } = status;
  return (
    <section aria-labelledby="ask-question" className="ask-question">
      <h2 id="ask-question">{t('inquiries.ask.heading')}</h2>
      {threadId ? (
        <p>
          <Link to={`/inquiries/${threadId}`}>{t('inquiries.ask.continue')}</Link>
        </p>
      ) : null}
      {state === 'sign_in' ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(`/listings/${listingId}`)}`}>
            {t('inquiries.ask.signIn')}
          </Link>
        </p>
      ) : state === 'own' ? (
        <p>
          {t('inquiries.ask.own')} <Link to="/inquiries">{t('inquiries.ask.ownLink')}</Link>
        </p>
      ) : state === 'verify_email' ? (
        <p className="notice">{t('inquiries.ask.verifyEmail')}</p>
      ) : state === 'unavailable' ? (
        <p>{t('inquiries.ask.unavailable')}</p>
      ) : (
        <>
          <p className="hint">{t('inquiries.ask.lead')}</p>
          <Form method="post" action={`/listings/${listingId}/ask`}>
            <TextAreaField
              name="body"
              label={t('inquiries.ask.body')}
              hint={t('inquiries.ask.hint')}
              required
              maxLength={MESSAGE_MAX_LENGTH}
              rows={5}
              defaultValue={defaultBody}
            />
            <SubmitButton>{t('inquiries.ask.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}
