import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, FormError, SubmitButton } from '~/components/forms';
import { DomainError } from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime } from '~/utils/format';
import { formHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, readForm } from '~/utils/validation.server';

// A seller organization's payouts: its Stripe Express account's status, and the
// button that sends its owner or admin through Stripe's onboarding. Stripe sends
// them back here with `?from=return` (or `?from=refresh` when the link expired).

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'payouts.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return json(await context.payouts.view(actor, new URL(request.url).searchParams.get('from')));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(request, async () => {
    const form = await readForm(request);
    if (formText(form, 'intent') !== 'onboard') throw new DomainError('invalid', 'errors.badForm');
    const { url } = await context.payouts.onboard(actor, actor?.organizationId ?? '');
    return redirect(url, 303);
  });
}

export default function Payouts() {
  const view = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="auth">
      <h1>{t('payouts.title')}</h1>
      {view.mode === 'refused' ? <p>{t(`payouts.refused.${view.reason}`)}</p> : null}
      {view.mode === 'offline' ? <p data-testid="payouts-offline">{t('payouts.offline')}</p> : null}
      {view.mode === 'stripe' ? (
        <>
          <p>{t('payouts.lead')}</p>
          {view.notice ? (
            <p className={view.notice === 'returned' ? 'success' : 'hint'} role="status">
              {t(`payouts.notices.${view.notice}`)}
            </p>
          ) : null}
          <dl className="facts">
            <div>
              <dt>{t('payouts.status')}</dt>
              <dd data-testid="payouts-stage">
                <strong>{t(`payouts.stages.${view.status.stage}`)}</strong>
              </dd>
            </div>
            {view.status.requirementsDue > 0 ? (
              <div>
                <dt>{t('payouts.requirements')}</dt>
                <dd>{t('payouts.requirementsDue', { count: view.status.requirementsDue })}</dd>
              </div>
            ) : null}
            {view.status.updatedAt ? (
              <div>
                <dt>{t('payouts.updatedAt')}</dt>
                <dd>{formatDateTime(view.status.updatedAt, locale)}</dd>
              </div>
            ) : null}
          </dl>
          <p className="hint">{t(`payouts.explain.${view.status.stage}`)}</p>
          <FormError />
          {view.status.stage === 'payouts_enabled' ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value="onboard" />
              <SubmitButton>
                {t(
                  view.status.stage === 'not_started' || view.status.stage === 'disconnected'
                    ? 'payouts.setUp'
                    : 'payouts.continue',
                )}
              </SubmitButton>
            </Form>
          )}
        </>
      ) : null}
      <p>
        <Link to="/account">{t('payouts.backToAccount')}</Link>
      </p>
    </div>
  );
}
