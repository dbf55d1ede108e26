import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DealTermsList } from '~/components/deal-terms';
import { AmountsPublication } from '~/components/deals/amounts-publication';
import { DealPayment } from '~/components/deals/deal-payment';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Form, FormError, SelectField, SubmitButton, TextAreaField, TextField } from '~/components/forms';
import {
  amountsPublicationInput,
  bankReferenceInput,
  cancelInput,
  objectionResolutionInput,
  registrationInput,
} from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime, formatMoney, pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { listingPageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? listingPageTitle(matches, 'deals.page.title', data.deal.listing.title) : [];

/** The deal, for its two organizations and the operators (to anyone else: not found). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json(await context.deals.get(actor, params.id ?? '')));
}

/** The step the viewer took, by `intent`; each asks the service, which checks who may. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const id = params.id ?? '';
  return formHandler(
    request,
    async () => {
      const form = await readForm(request);
      const locale = await getLocale(request);
      switch (formText(form, 'intent')) {
        case 'complete':
          await context.deals.complete(actor, id);
          break;
        case 'pay': {
          // To Stripe Checkout (the open session of this payment, or a new one); it comes back to this page.
          const checkout = await context.deals.pay(actor, id, { locale: locale === 'zh-CN' ? 'zh' : 'en' });
          return redirect(checkout.url, 303);
        }
        case 'confirm_payment':
          await context.deals.confirmPayment(actor, id, parseInput(bankReferenceInput, form, locale));
          break;
        case 'cancel':
          await context.deals.cancel(actor, id, parseInput(cancelInput, form, locale));
          break;
        case 'registration':
          await context.deals.recordRegistration(actor, id, parseInput(registrationInput, form, locale));
          break;
        case 'publish_amounts':
          await context.deals.publishAmounts(actor, id, parseInput(amountsPublicationInput, form, locale));
          break;
        case 'resolve':
          await context.deals.resolveObjection(
            actor,
            id,
            formText(form, 'objection'),
            parseInput(objectionResolutionInput, form, locale),
          );
          break;
        default:
          return json({ formError: null, fieldErrors: {} }, { status: 400 });
      }
      return redirect(`/deals/${id}`);
    },
    { keepInput: true },
  );
}

/** Events whose note is the side that took them ('seller' or 'buyer'), shown by its label. */
const PARTY_NOTES: readonly string[] = ['amounts_publication_agreed', 'amounts_publication_withdrawn'];

export default function DealPage() {
  const view = useLoaderData<typeof loader>();
  const { deal, actions, registration } = view;
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(deal.listing.title, locale);
  const seller = pickText(deal.seller.name, locale);
  const buyer = pickText(deal.buyer.name, locale);
  return (
    <article className="deal">
      <h1 lang={title.lang}>{t('deals.page.title', { title: title.text })}</h1>
      <p>
        <Link to={`/listings/${deal.listing.id}`}>{t('deals.page.listing')}</Link>
      </p>
      <dl className="facts">
        <dt>{t('deals.page.status')}</dt>
        <dd>
          <strong>{t(`deals.statuses.${deal.status}`)}</strong>
        </dd>
        <dt>{t('deals.page.seller')}</dt>
        <dd lang={seller.lang}>
          <Link to={`/orgs/${deal.seller.id}`}>{seller.text}</Link>
        </dd>
        <dt>{t('deals.page.buyer')}</dt>
        <dd lang={buyer.lang}>
          <Link to={`/orgs/${deal.buyer.id}`}>{buyer.text}</Link>
        </dd>
        <dt>{t('deals.page.priceSetBy')}</dt>
        <dd>{t(`deals.priceSetBy.${deal.priceSetBy}`)}</dd>
        {deal.amountDue ? (
          <>
            <dt>{t('deals.page.amountDue')}</dt>
            <dd>{formatMoney(deal.amountDue, locale)}</dd>
          </>
        ) : null}
        {deal.noticeEndsAt && deal.status === 'public_notice' ? (
          <>
            <dt>{t('deals.page.noticeEndsAt')}</dt>
            <dd>{formatDateTime(deal.noticeEndsAt, locale)}</dd>
          </>
        ) : null}
        {deal.registrationNumber ? (
          <>
            <dt>{t('deals.page.registrationNumber')}</dt>
            <dd>{deal.registrationNumber}</dd>
          </>
        ) : null}
      </dl>
      {registration !== 'unavailable' ? (
        <p>
          <Link to={`/deals/${deal.id}/registration`}>{t('deals.page.registrationData')}</Link>
          {registration === 'draft' ? ` (${t('deals.page.registrationDraft')})` : null}
        </p>
      ) : null}

      <section aria-labelledby="deal-terms">
        <h2 id="deal-terms">{t('deals.page.terms')}</h2>
        <DealTermsList terms={deal.terms} />
      </section>

      <DealPayment view={view} />

      <FormError />
      <DealActionForms />
      <AmountsPublication publication={deal.publishAmounts} action={actions.publishAmounts} />

      {deal.objections.length > 0 ? (
        <section aria-labelledby="deal-objections">
          <h2 id="deal-objections">{t('deals.objections.title')}</h2>
          <ol>
            {deal.objections.map((o) => (
              <li key={o.id} className="card">
                <p className="card__meta">
                  <time dateTime={o.at}>{formatDateTime(o.at, locale)}</time> · {t(`deals.objections.${o.status}`)}
                </p>
                <p>{o.text}</p>
                {o.resolution ? <p>{t('deals.objections.resolution', { text: o.resolution })}</p> : null}
                {actions.resolveObjections && o.status === 'open' ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="resolve" />
                    <input type="hidden" name="objection" value={o.id} />
                    <TextAreaField name="resolution" label={t('deals.objections.resolutionLabel')} required rows={3} />
                    <SelectField
                      name="outcome"
                      label={t('deals.objections.outcome')}
                      options={[
                        { value: 'dismissed', label: t('deals.objections.dismiss') },
                        { value: 'upheld', label: t('deals.objections.uphold') },
                      ]}
                    />
                    <SubmitButton>{t('deals.objections.resolve')}</SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="deal-timeline">
        <h2 id="deal-timeline">{t('deals.timeline.title')}</h2>
        <ol className="timeline">
          {deal.events.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>{' '}
              {PARTY_NOTES.includes(e.type)
                ? t(`deals.timeline.${e.type}`, { party: t(`deals.page.${e.note}`) })
                : `${t(`deals.timeline.${e.type}`)}${e.note ? ` — ${e.note}` : ''}`}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** The buttons the viewer's steps offer, each a plain form (no JavaScript needed). */
function DealActionForms() {
  const { actions, deal } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="deal-actions">
      <h2 id="deal-actions">{t('deals.actions.title')}</h2>
      {actions.confirmPayment ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="confirm_payment" />
          <TextField name="bankReference" label={t('deals.actions.bankReference')} maxLength={120} />
          <SubmitButton>{t('deals.actions.confirmPayment')}</SubmitButton>
        </Form>
      ) : null}
      {actions.complete ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="complete" />
          <SubmitButton>{t('deals.actions.complete')}</SubmitButton>
        </Form>
      ) : null}
      {actions.recordRegistration ? (
        <Form method="post">
          <input type="hidden" name="intent" value="registration" />
          <TextField name="number" label={t('deals.actions.registrationNumber')} required maxLength={64} />
          <SubmitButton>{t('deals.actions.recordRegistration')}</SubmitButton>
        </Form>
      ) : null}
      {actions.cancel ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          {deal.cancelProposedBy && actions.cancel === 'confirm' ? <p>{t('deals.actions.cancelProposed')}</p> : null}
          <TextField
            name="reason"
            label={t('deals.actions.cancelReason')}
            required={actions.cancel === 'operator'}
            maxLength={2000}
          />
          <SubmitButton>{t(`deals.actions.cancel_${actions.cancel}`)}</SubmitButton>
        </Form>
      ) : null}
      {!Object.entries(actions).some(([step, offered]) => step !== 'publishAmounts' && offered) ? (
        <p>{t('deals.actions.none')}</p>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
