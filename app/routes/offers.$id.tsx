import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormError, SubmitButton, TextAreaField, type ActionErrors } from '~/components/forms';
import { OfferForm } from '~/components/offer-form';
import { OfferTerms } from '~/components/offer-terms';
import { offerForm, rejectionReasonInput, termsToFormValues, type DealTypeKey, type OfferDto } from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime, pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { listingPageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? listingPageTitle(matches, 'offers.thread.pageTitle', data.offer.listingTitle) : [];

/** The whole thread, for either side, with the answers the viewer may give to its latest offer. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json(await context.offers.get(actor, params.id ?? '')));
}

/** POST intent=accept | reject (reason) | counter (terms…) | withdraw, on the offer named in `offerId`. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(
    request,
    async () => {
      const form = await readForm(request);
      const offerId = formText(form, 'offerId') || (params.id ?? '');
      const locale = await getLocale(request);
      switch (formText(form, 'intent')) {
        case 'accept': {
          const offer = await context.offers.accept(actor, offerId);
          return redirect(offer.dealId ? `/deals/${offer.dealId}` : `/offers/${offer.id}`);
        }
        case 'reject':
          await context.offers.reject(actor, offerId, parseInput(rejectionReasonInput, form, locale));
          return redirect(`/offers/${offerId}`);
        case 'counter': {
          const counter = await context.offers.counter(actor, offerId, parseInput(offerForm, form, locale));
          return redirect(`/offers/${counter.id}`);
        }
        case 'withdraw':
          await context.offers.withdraw(actor, offerId);
          return redirect(`/offers/${offerId}`);
        default:
          throw new Response('Bad Request', { status: 400 });
      }
    },
    { keepInput: true },
  );
}

function OfferEntry({ offer }: { offer: OfferDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const maker = offer[offer.madeBy];
  return (
    <li className="card">
      <p className="card__meta">
        <strong>
          {t('offers.thread.madeBy', {
            organization: pickText(maker.name, locale).text,
            side: t(`offers.sides.${offer.madeBy}`),
          })}
        </strong>{' '}
        · {formatDateTime(offer.createdAt, locale)} ·{' '}
        <span className="badge">{t(`offers.statuses.${offer.status}`)}</span>
      </p>
      <OfferTerms terms={offer.terms} />
      {offer.message ? <p className="card__summary">{offer.message}</p> : null}
      {offer.status === 'pending' ? (
        <p className="hint">{t('offers.thread.expires', { date: formatDateTime(offer.expiresAt, locale) })}</p>
      ) : null}
      {offer.rejection?.cause === 'listing_taken' ? <p className="hint">{t('offers.thread.listingTaken')}</p> : null}
      {offer.rejection?.cause === 'receiver' ? (
        <p className="hint">{t('offers.thread.rejectedWith', { reason: offer.rejection.reason })}</p>
      ) : null}
      {offer.dealId ? (
        <p>
          <Link to={`/deals/${offer.dealId}`}>{t('offers.thread.deal')}</Link>
        </p>
      ) : null}
    </li>
  );
}

export default function OfferThreadPage() {
  const { offer, thread, can } = useLoaderData<typeof loader>();
  const sent = useActionData<ActionErrors & { values?: Record<string, unknown> }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const latest = thread.at(-1)!;
  const title = pickText(offer.listingTitle, locale);
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="offerId" value={latest.id} />
    </>
  );
  const counterDefaults = sent?.values?.intent === 'counter' ? sent.values : termsToFormValues(latest.terms);
  return (
    <div>
      <p>
        <Link to={`/listings/${offer.listingId}`} lang={title.lang}>
          ← {title.text}
        </Link>
      </p>
      <h1>{t('offers.thread.pageTitle', { title: title.text })}</h1>
      <FormError />
      <ol className="offer-thread">
        {thread.map((o) => (
          <OfferEntry key={o.id} offer={o} />
        ))}
      </ol>
      {can.respond ? (
        <section aria-label={t('offers.thread.accept')}>
          <Form method="post">
            {hidden('accept')}
            <SubmitButton>{t('offers.thread.accept')}</SubmitButton>
          </Form>
          <Form method="post">
            {hidden('reject')}
            <TextAreaField name="reason" label={t('offers.thread.reason')} rows={3} required />
            <SubmitButton>{t('offers.thread.reject')}</SubmitButton>
          </Form>
          <h2>{t('offers.thread.counterHeading')}</h2>
          <OfferForm
            dealType={latest.terms.dealType as DealTypeKey}
            action={`/offers/${offer.id}`}
            intent="counter"
            offerId={latest.id}
            submitLabel={t('offers.thread.counter')}
            defaults={counterDefaults}
          />
        </section>
      ) : null}
      {can.withdraw ? (
        <Form method="post">
          {hidden('withdraw')}
          <SubmitButton>{t('offers.thread.withdraw')}</SubmitButton>
        </Form>
      ) : null}
      {!can.respond && !can.withdraw && latest.status === 'pending' ? <p>{t('offers.thread.waiting')}</p> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
