import { Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, SubmitButton, TextField, type ActionErrors } from '~/components/forms';
import type { ListingDto } from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime } from '~/utils/format';

type Review = NonNullable<ListingDto['review']>;
type History = { at: string; action: string; reason: string | null }[];

/** What the owner and the operators see of a listing's review: its state, the last rejection, the steps open to them, the trail. */
export function ListingReviewPanel({
  review,
  history,
  editHref = null,
}: {
  review: Review;
  history: History;
  /** The listing form, for its owner while it may still change. */
  editHref?: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const result = useActionData<ActionErrors>();
  const buttons = review.steps.filter((step) => step !== 'reject');
  return (
    <section aria-labelledby="review" className="listing-review">
      <h2 id="review">{t('review.heading')}</h2>
      {review.rejection ? (
        <p className="notice">
          {t('review.rejected', { reason: review.rejection.reason, date: formatDateTime(review.rejection.at, locale) })}
        </p>
      ) : null}
      {result?.formError ? (
        <p className="form-error" role="alert">
          {result.formError}
        </p>
      ) : null}
      {editHref ? (
        <p>
          <Link to={editHref} className="button">
            {t('review.edit')}
          </Link>
        </p>
      ) : null}
      {buttons.length ? (
        <Form method="post" className="inline-form">
          {buttons.map((step) => (
            <button key={step} type="submit" name="intent" value={step} className="button">
              {t(`review.steps.${step}`)}
            </button>
          ))}
        </Form>
      ) : null}
      {review.steps.includes('reject') ? (
        <Form method="post">
          <input type="hidden" name="intent" value="reject" />
          <TextField name="reason" label={t('operator.rejectListingReason')} required maxLength={2000} />
          <SubmitButton>{t('review.steps.reject')}</SubmitButton>
        </Form>
      ) : null}
      {history.length ? (
        <>
          <h3>{t('review.history')}</h3>
          <ol className="history">
            {history.map((entry) => (
              <li key={`${entry.at}-${entry.action}`}>
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time> {t(`review.events.${entry.action}`)}
                {entry.reason ? ` — ${entry.reason}` : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
