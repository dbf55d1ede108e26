import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, FormError } from '~/components/forms';
import { MembershipInvoices } from '~/components/membership-invoices';
import { useLocale } from '~/root';
import { formatDate, formatMoney, pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'membership.account.title');

/** Where Stripe Checkout sent the owner back from (`?checkout=`), for a line of feedback. */
const RETURNS = ['success', 'cancelled'] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => {
    const returned = new URL(request.url).searchParams.get('checkout');
    return json({
      ...(await context.membership.page(actor)),
      returned: RETURNS.find((r) => r === returned) ?? null,
    });
  });
}

/** `subscribe` (to Stripe Checkout) or `billing` (to Stripe's customer portal): both leave the site with a 303. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(request, async () => {
    const form = await readForm(request);
    const intent = formText(form, 'intent');
    if (intent === 'billing') return redirect((await context.membership.billingPortal(actor)).url, 303);
    if (intent !== 'subscribe') return json({ formError: null, fieldErrors: {} }, { status: 400 });
    const locale = (await getLocale(request)) === 'zh-CN' ? 'zh' : 'en';
    const { url } = await context.membership.subscribe(actor, { plan: form.plan }, { locale });
    return redirect(url, 303);
  });
}

export default function MembershipPage() {
  const { membership, plans, invoices, canSubscribe, billingPortal, required, returned } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const until = membership.paidThrough ? formatDate(membership.paidThrough, locale) : null;
  const subscribedByStripe = membership.member && membership.provider === 'stripe';
  const pending = invoices.filter((invoice) => invoice.status === 'pending');
  return (
    <div className="auth">
      <h1>{t('membership.account.title')}</h1>
      <p>{t('membership.account.lead')}</p>
      {returned ? (
        <p className="success" role="status">
          {t(`membership.account.returned.${returned}`)}
        </p>
      ) : null}
      {required && !membership.member ? <p className="notice">{t('membership.account.required')}</p> : null}
      <FormError />

      <section aria-labelledby="membership-status" className="card">
        <h2 id="membership-status">{t('membership.account.statusTitle')}</h2>
        <p>
          <span className={membership.member ? 'badge badge--verified' : 'badge'}>
            {t(`membership.status.${membership.status}`)}
          </span>
          {membership.plan ? (
            <span lang={pickText(membership.plan.name, locale).lang}>
              {' '}
              {pickText(membership.plan.name, locale).text}
            </span>
          ) : null}
        </p>
        {until ? <p>{t('membership.account.paidThrough', { date: until })}</p> : null}
        {membership.cancelAtPeriodEnd && until ? (
          <p>{t('membership.account.endsAtPeriodEnd', { date: until })}</p>
        ) : null}
        {billingPortal ? (
          <Form method="post">
            <button type="submit" name="intent" value="billing" className="button button--secondary">
              {t('membership.account.manageBilling')}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="membership-plans">
        <h2 id="membership-plans">{t('membership.account.plansTitle')}</h2>
        {plans.length === 0 ? <p>{t('membership.account.noPlans')}</p> : null}
        {!canSubscribe && plans.length > 0 ? <p className="notice">{t('membership.account.ownerOnly')}</p> : null}
        {plans.map((plan) => {
          const name = pickText(plan.name, locale);
          return (
            <div key={plan.id} className="card">
              <h3 lang={name.lang}>{name.text}</h3>
              <p>{t('membership.account.perYear', { amount: formatMoney(plan.amount, locale) })}</p>
              {!plan.byStripe ? (
                <p>{t('membership.account.bankTransferOnly')}</p>
              ) : canSubscribe && !subscribedByStripe ? (
                <Form method="post">
                  <input type="hidden" name="plan" value={plan.id} />
                  <button type="submit" name="intent" value="subscribe" className="button">
                    {t('membership.account.subscribe')}
                  </button>
                </Form>
              ) : null}
            </div>
          );
        })}
      </section>

      <section aria-labelledby="membership-invoices">
        <h2 id="membership-invoices">{t('membership.invoices.title')}</h2>
        {pending.map((invoice) => (
          <div key={invoice.reference} className="card">
            <p>
              {t('membership.invoices.bankTransfer', {
                amount: formatMoney(invoice.amount, locale),
                date: formatDate(invoice.dueDate, locale),
              })}
            </p>
            <p>
              {t('membership.invoices.reference')} <code>{invoice.reference}</code>
            </p>
          </div>
        ))}
        {invoices.length === 0 ? <p>{t('membership.invoices.none')}</p> : <MembershipInvoices invoices={invoices} />}
      </section>
    </div>
  );
}
