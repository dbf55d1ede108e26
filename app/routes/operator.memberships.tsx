import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import {
  CheckboxField,
  Form,
  FormError,
  SelectField,
  SubmitButton,
  TextField,
  type ActionErrors,
} from '~/components/forms';
import { MembershipInvoices } from '~/components/membership-invoices';
import { CURRENCIES, ORGANIZATION_KINDS } from '~/domain';
import { useLocale } from '~/root';
import { formatMoney, minorToMajor, pickText } from '~/utils/format';
import { valueAt } from '~/utils/form-values';
import { formHandler, pageHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'membership.operator.title');

const PLAN_KINDS = ORGANIZATION_KINDS.filter((kind) => kind !== 'operator');

/** `?edit=<plan>` shows that plan's form instead of the new plan's; `?organization=<id>` fills the invoice form. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => {
    const view = await context.membership.operatorView(actor);
    const query = new URL(request.url).searchParams;
    return json({
      ...view,
      editing: view.plans.find((plan) => plan.id === query.get('edit')) ?? null,
      organization: /^[a-f0-9]{24}$/.test(query.get('organization') ?? '') ? query.get('organization') : null,
    });
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(
    request,
    async () => {
      const form = await readForm(request);
      switch (formText(form, 'intent')) {
        case 'create-plan':
          await context.membership.createPlan(actor, form);
          break;
        case 'update-plan':
          await context.membership.updatePlan(actor, formText(form, 'id'), form);
          break;
        case 'issue-invoice':
          await context.membership.issueInvoice(actor, form);
          break;
        case 'mark-paid':
          await context.membership.markInvoicePaid(actor, form);
          break;
        default:
          return json({ formError: null, fieldErrors: {} }, { status: 400 });
      }
      return redirect('/operator/memberships');
    },
    { keepInput: true },
  );
}

type Sent = ActionErrors & { values?: Record<string, unknown> };

function PlanForm() {
  const { editing } = useLoaderData<typeof loader>();
  const sent = useActionData<Sent>()?.values;
  const { t } = useTranslation();
  const value = (key: string, fallback: string | undefined) => valueAt(sent, key) ?? fallback;
  return (
    <Form method="post" key={editing?.id ?? 'new'}>
      <h2>{editing ? t('membership.operator.editPlan') : t('membership.operator.newPlan')}</h2>
      {editing ? (
        <>
          <input type="hidden" name="id" value={editing.id} />
          <input type="hidden" name="version" value={editing.version} />
          <p className="hint">{t('membership.operator.priceForLater')}</p>
        </>
      ) : null}
      <TextField
        name="name.zh"
        label={t('membership.operator.nameZh')}
        maxLength={120}
        defaultValue={value('name.zh', editing?.name.zh)}
      />
      <TextField
        name="name.en"
        label={t('membership.operator.nameEn')}
        maxLength={120}
        defaultValue={value('name.en', editing?.name.en)}
      />
      {editing ? (
        <p>
          {t('membership.operator.kind')}: {t(`orgKinds.${editing.organizationKind}`)}
        </p>
      ) : (
        <SelectField
          name="organizationKind"
          label={t('membership.operator.kind')}
          options={PLAN_KINDS.map((kind) => ({ value: kind, label: t(`orgKinds.${kind}`) }))}
          defaultValue={value('organizationKind', 'company')}
        />
      )}
      <SelectField
        name="currency"
        label={t('membership.operator.currency')}
        options={CURRENCIES.map((code) => ({ value: code, label: code }))}
        defaultValue={value('currency', editing?.amount.currency ?? 'CNY')}
      />
      <TextField
        name="amount"
        label={t('membership.operator.amount')}
        inputMode="decimal"
        required
        maxLength={40}
        defaultValue={value('amount', editing ? minorToMajor(editing.amount) : undefined)}
      />
      <CheckboxField
        name="active"
        label={t('membership.operator.active')}
        defaultChecked={sent ? valueAt(sent, 'active') === 'true' : (editing?.active ?? true)}
      />
      <button type="submit" name="intent" value={editing ? 'update-plan' : 'create-plan'} className="button">
        {editing ? t('membership.operator.savePlan') : t('membership.operator.createPlan')}
      </button>
      {editing ? <Link to="/operator/memberships">{t('membership.operator.cancelEdit')}</Link> : null}
    </Form>
  );
}

function InvoiceForm() {
  const { plans, newReference, organization } = useLoaderData<typeof loader>();
  const sent = useActionData<Sent>()?.values;
  const { t } = useTranslation();
  const locale = useLocale();
  // A failed issue keeps its reference, so correcting and posting again still issues one invoice.
  const reference = sent?.intent === 'issue-invoice' ? (valueAt(sent, 'reference') ?? newReference) : newReference;
  const active = plans.filter((plan) => plan.active);
  return (
    <Form method="post">
      <h2>{t('membership.operator.issueTitle')}</h2>
      <p className="hint">{t('membership.operator.issueLead')}</p>
      <input type="hidden" name="reference" value={reference} />
      <TextField
        name="organization"
        label={t('membership.operator.organization')}
        hint={t('membership.operator.organizationHint')}
        required
        maxLength={24}
        defaultValue={valueAt(sent, 'organization') ?? organization ?? undefined}
      />
      <SelectField
        name="plan"
        label={t('membership.operator.plan')}
        options={active.map((plan) => ({
          value: plan.id,
          label: `${pickText(plan.name, locale).text} · ${t(`orgKinds.${plan.organizationKind}`)} · ${formatMoney(plan.amount, locale)}`,
        }))}
        defaultValue={valueAt(sent, 'plan')}
      />
      <TextField
        name="dueDate"
        type="date"
        label={t('membership.operator.dueDate')}
        required
        defaultValue={valueAt(sent, 'dueDate')}
      />
      <input type="hidden" name="intent" value="issue-invoice" />
      <SubmitButton>{t('membership.operator.issue')}</SubmitButton>
    </Form>
  );
}

export default function OperatorMemberships() {
  const { plans, invoices } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('membership.operator.title')}</h1>
      <FormError />
      <section aria-labelledby="plans">
        <h2 id="plans">{t('membership.operator.plansTitle')}</h2>
        {plans.length === 0 ? (
          <p>{t('membership.operator.noPlans')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('membership.operator.plan')}</th>
                  <th scope="col">{t('membership.operator.kind')}</th>
                  <th scope="col">{t('membership.operator.amount')}</th>
                  <th scope="col">{t('membership.operator.active')}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {plans.map((plan) => {
                  const name = pickText(plan.name, locale);
                  return (
                    <tr key={plan.id}>
                      <th scope="row" lang={name.lang}>
                        {name.text}
                      </th>
                      <td>{t(`orgKinds.${plan.organizationKind}`)}</td>
                      <td>{formatMoney(plan.amount, locale)}</td>
                      <td>{plan.active ? t('membership.operator.yes') : t('membership.operator.no')}</td>
                      <td>
                        <Link to={`?edit=${plan.id}`}>{t('membership.operator.edit')}</Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <PlanForm />
      </section>

      <section aria-labelledby="invoices">
        <InvoiceForm />
        <h2 id="invoices">{t('membership.invoices.title')}</h2>
        {invoices.length === 0 ? (
          <p>{t('membership.invoices.none')}</p>
        ) : (
          <MembershipInvoices
            invoices={invoices}
            actions={(invoice) => (
              <>
                <Link to={`/orgs/${invoice.organization}`}>{t('membership.operator.organizationLink')}</Link>
                {invoice.status === 'pending' ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="reference" value={invoice.reference} />
                    <label>
                      {t('membership.operator.bankReference')} <input name="bankReference" maxLength={100} />
                    </label>
                    <button type="submit" name="intent" value="mark-paid" className="button">
                      {t('membership.operator.markPaid')}
                    </button>
                  </Form>
                ) : null}
              </>
            )}
          />
        )}
      </section>
    </div>
  );
}
