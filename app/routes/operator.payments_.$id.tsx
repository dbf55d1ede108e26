import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Form, FormError, SubmitButton, TextField } from '~/components/forms';
import { AttentionFlags, PartyNames, PayoutState, RefundedAmount } from '~/components/payments/payment-facts';
import { bankReferenceInput, refundInput } from '~/domain';
import { useLocale } from '~/root';
import paymentStyles from '~/styles/payments.css';
import { formatDateTime, formatMoney, minorToMajor, pickText } from '~/utils/format';
import { valueAt } from '~/utils/form-values';
import { formHandler, pageHandler, type FormErrors } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

// One payment for the operator: its facts, its timeline, and the steps taken
// by hand — a payout made to the seller, a refund, asking Stripe now.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: paymentStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'payments.operator.paymentTitle');

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json(await context.payments.getForOperator(actor, params.id ?? '')));
}

/** The step the operator took, by `intent`; each service checks payment:manage itself. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const id = params.id ?? '';
  return formHandler(
    request,
    async () => {
      const form = await readForm(request);
      const locale = await getLocale(request);
      switch (formText(form, 'intent')) {
        case 'payout':
          await context.payments.recordPayout(actor, id, parseInput(bankReferenceInput, form, locale));
          break;
        case 'refund':
          await context.payments.refund(actor, id, parseInput(refundInput, form, locale));
          break;
        case 'reconcile':
          await context.payments.reconcile(actor, id);
          break;
        default:
          return json({ formError: null, fieldErrors: {} }, { status: 400 });
      }
      return redirect(`/operator/payments/${id}`);
    },
    { keepInput: true },
  );
}

export default function OperatorPayment() {
  const { payment: p, attention } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const description = pickText(p.description, locale);
  const left = { amount: p.amount.amount - p.refunded, currency: p.amount.currency };
  // A refused refund shows what was typed again (the page works without JavaScript).
  const sent = useActionData<FormErrors>()?.values;
  const typed = (name: string) => (sent?.intent === 'refund' ? (valueAt(sent, name) ?? '') : undefined);
  return (
    <div>
      <p>
        <Link to="/operator/payments">{t('payments.operator.backToList')}</Link>
      </p>
      <h1>
        {t('payments.operator.paymentTitle')} <code>{p._id}</code>
      </h1>
      <AttentionFlags reasons={attention} />
      {p.mismatch ? <p className="form-error">{p.mismatch}</p> : null}
      <dl className="facts">
        <dt>{t('payments.fields.purpose')}</dt>
        <dd>
          {t(`payments.purpose.${p.purpose}`)}
          {p.deal ? (
            <>
              {' · '}
              <Link to={`/deals/${p.deal}`} lang={description.lang}>
                {description.text}
              </Link>
            </>
          ) : (
            <span lang={description.lang}> · {description.text}</span>
          )}
        </dd>
        <dt>{t('payments.fields.parties')}</dt>
        <dd>
          <PartyNames payer={p.payer} payee={p.payee} />
        </dd>
        <dt>{t('payments.fields.amount')}</dt>
        <dd>{formatMoney(p.amount, locale)}</dd>
        <dt>{t('payments.fields.feeNet')}</dt>
        <dd>{p.fee && p.net ? `${formatMoney(p.fee, locale)} / ${formatMoney(p.net, locale)}` : '—'}</dd>
        <dt>{t('payments.fields.provider')}</dt>
        <dd>
          {t(`payments.provider.${p.provider ?? 'none'}`)}
          {p.offline?.bankReference ? (
            <>
              {' · '}
              <code>{p.offline.bankReference}</code>
            </>
          ) : null}
        </dd>
        <dt>{t('payments.fields.status')}</dt>
        <dd>{t(`payments.status.${p.status}`)}</dd>
        <dt>{t('payments.fields.refunded')}</dt>
        <dd>
          <RefundedAmount payment={p} />
        </dd>
        <dt>{t('payments.fields.payout')}</dt>
        <dd>
          <PayoutState payout={p.payout} />
        </dd>
        <dt>{t('payments.fields.stripe')}</dt>
        <dd>
          {t('payments.stripe.session')}: <code>{p.stripe.checkoutSessionId ?? '—'}</code>
          <br />
          {t('payments.stripe.paymentIntent')}: <code>{p.stripe.paymentIntentId ?? '—'}</code>
          <br />
          {t('payments.stripe.charge')}: <code>{p.stripe.chargeId ?? '—'}</code>
        </dd>
        <dt>{t('payments.fields.dates')}</dt>
        <dd>
          {formatDateTime(p.createdAt, locale)}
          {p.paidAt ? ` · ${t('payments.fields.paidAt')}: ${formatDateTime(p.paidAt, locale)}` : null}
        </dd>
      </dl>
      {p.status === 'succeeded' ? (
        <p>
          <Link to={`/receipts/${p._id}`}>{t('receipts.open')}</Link>
        </p>
      ) : null}

      {p.refunds.length > 0 ? (
        <section aria-labelledby="payment-refunds">
          <h2 id="payment-refunds">{t('payments.refunds.title')}</h2>
          <ul>
            {p.refunds.map((r) => (
              <li key={r.id}>
                <code>{r.id}</code> · {formatMoney(r.amount, locale)} · {t(`payments.refunds.status.${r.status}`)} ·{' '}
                {r.reason}
                {r.reference ? (
                  <>
                    {' · '}
                    <code>{r.reference}</code>
                  </>
                ) : null}
                {r.status === 'succeeded' ? (
                  <>
                    {' · '}
                    <Link to={`/receipts/${p._id}/refunds/${r.id}`}>{t('receipts.open')}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="payment-actions">
        <h2 id="payment-actions">{t('payments.actions.title')}</h2>
        <FormError />
        {p.status === 'succeeded' && p.payout?.method === 'offline' && p.payout.status === 'pending' ? (
          <Form method="post">
            <h3>{t('payments.actions.payout')}</h3>
            <input type="hidden" name="intent" value="payout" />
            <TextField name="bankReference" label={t('payments.actions.bankReference')} maxLength={120} />
            <SubmitButton>{t('payments.actions.recordPayout')}</SubmitButton>
          </Form>
        ) : null}
        {p.status === 'succeeded' && left.amount > 0 ? (
          <Form method="post">
            <h3>{t('payments.actions.refund')}</h3>
            <input type="hidden" name="intent" value="refund" />
            <TextField
              name="amount"
              label={t('payments.actions.refundAmount', { currency: p.amount.currency })}
              hint={t('payments.actions.refundAmountHint', { amount: minorToMajor(left) })}
              inputMode="decimal"
              maxLength={32}
              defaultValue={typed('amount')}
            />
            <TextField
              name="reason"
              label={t('payments.actions.refundReason')}
              required
              maxLength={500}
              defaultValue={typed('reason')}
            />
            {p.provider === 'offline' ? (
              <TextField
                name="bankReference"
                label={t('payments.actions.bankReference')}
                maxLength={120}
                defaultValue={typed('bankReference')}
              />
            ) : null}
            <SubmitButton>{t('payments.actions.refundSubmit')}</SubmitButton>
          </Form>
        ) : null}
        {p.provider === 'stripe' || p.stripe.checkoutSessionId ? (
          <Form method="post">
            <input type="hidden" name="intent" value="reconcile" />
            <SubmitButton>{t('payments.actions.reconcile')}</SubmitButton>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="payment-timeline">
        <h2 id="payment-timeline">{t('payments.timeline')}</h2>
        <ol className="payment-timeline">
          {p.events.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at, locale)} · {t(`payments.events.${e.type}`, { defaultValue: e.type })}
              {e.note ? ` · ${e.note}` : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
