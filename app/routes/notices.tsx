import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DealTermsList } from '~/components/deal-terms';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Form, SubmitButton, TextAreaField, type ActionErrors } from '~/components/forms';
import { objectionInput } from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime, formatMoney, pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { getActor, requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notices.title');

/** Public (公示): deals in notice; signed-in visitors also get an objection form under each. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(async () => json({ notices: await context.deals.notices(), signedIn: actor !== null }));
}

/** An objection to one deal (anyone signed in). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(
    request,
    async () => {
      const form = await readForm(request);
      const dealId = formText(form, 'deal');
      await context.deals.object(actor, dealId, parseInput(objectionInput, form, await getLocale(request)));
      return json({ lodged: dealId });
    },
    { keepInput: true },
  );
}

export default function Notices() {
  const { notices, signedIn } = useLoaderData<typeof loader>();
  const sent = useActionData<ActionErrors & { lodged?: string; values?: { deal?: unknown } }>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('notices.title')}</h1>
      <p className="hint">{t('notices.intro')}</p>
      {sent?.lodged ? <p role="status">{t('notices.lodged')}</p> : null}
      {notices.length === 0 ? <p>{t('notices.empty')}</p> : null}
      {notices.map((n) => {
        const title = pickText(n.listing.title, locale);
        const seller = pickText(n.seller.name, locale);
        const buyer = pickText(n.buyer.name, locale);
        const failedHere = sent?.formError || sent?.fieldErrors ? sent.values?.deal === n.id : false;
        return (
          <section key={n.id} className="card" aria-labelledby={`notice-${n.id}`}>
            <h2 id={`notice-${n.id}`} lang={title.lang}>
              <Link to={`/listings/${n.listing.id}`}>{title.text}</Link>
            </h2>
            <p>
              {t('notices.parties', { seller: seller.text, buyer: buyer.text })}
              {n.price ? ` · ${t('notices.price', { price: formatMoney(n.price, locale) })}` : null}
            </p>
            <p>{t('notices.endsAt', { date: formatDateTime(n.noticeEndsAt, locale) })}</p>
            {n.openObjections > 0 ? <p>{t('notices.openObjections', { count: n.openObjections })}</p> : null}
            <DealTermsList terms={n.terms} />
            {signedIn ? (
              <Form method="post">
                <input type="hidden" name="deal" value={n.id} />
                {failedHere && sent?.formError ? (
                  <p className="form-error" role="alert">
                    {sent.formError}
                  </p>
                ) : null}
                <TextAreaField
                  name="text"
                  label={t('notices.objection')}
                  required
                  maxLength={5000}
                  rows={3}
                  key={failedHere ? 'refused' : n.id}
                />
                <SubmitButton>{t('notices.object')}</SubmitButton>
              </Form>
            ) : (
              <p>
                <Link to="/login?redirectTo=%2Fnotices">{t('notices.signInToObject')}</Link>
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
