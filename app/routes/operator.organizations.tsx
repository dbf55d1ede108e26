import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, SubmitButton, TextField, type ActionErrors } from '~/components/forms';
import { useLocale } from '~/root';
import { rejectOrganizationInput } from '~/domain';
import { formatDateTime, pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'operator.queueTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json(await context.orgs.list(actor, { verified: false })));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(request, async () => {
    const form = await readForm(request);
    const id = formText(form, 'id');
    if (formText(form, 'intent') === 'verify') await context.orgs.verify(actor, id);
    else {
      const { reason } = parseInput(rejectOrganizationInput, form, await getLocale(request));
      await context.orgs.reject(actor, id, reason);
    }
    return json({ done: id });
  });
}

export default function VerificationQueue() {
  const { items } = useLoaderData<typeof loader>();
  const result = useActionData<ActionErrors & { done?: string }>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('operator.queueTitle')}</h1>
      {result?.formError ? (
        <p className="form-error" role="alert">
          {result.formError}
        </p>
      ) : null}
      {items.length === 0 ? <p>{t('operator.queueEmpty')}</p> : null}
      {items.map((org) => {
        const name = pickText(org.name, locale);
        return (
          <section key={org.id} className="queue-item" aria-labelledby={`org-${org.id}`}>
            <h2 id={`org-${org.id}`} lang={name.lang}>
              <Link to={`/orgs/${org.id}`}>{name.text}</Link>
            </h2>
            <p>
              {t(`orgKinds.${org.kind}`)} ·{' '}
              {[org.region.city, org.region.province, org.region.country].filter(Boolean).join(', ')} ·{' '}
              {t('operator.registered')} {formatDateTime(org.createdAt, locale)} ·{' '}
              {t(`verification.${org.verification.status}`)}
              {org.verification.reason ? ` — ${org.verification.reason}` : null}
            </p>
            <Form method="post" className="inline-form">
              <input type="hidden" name="id" value={org.id} />
              <button type="submit" name="intent" value="verify" className="button">
                {t('operator.verify')}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="id" value={org.id} />
              <input type="hidden" name="intent" value="reject" />
              <TextField name="reason" label={t('operator.reason')} required maxLength={1000} />
              <SubmitButton>{t('operator.reject')}</SubmitButton>
            </Form>
          </section>
        );
      })}
    </div>
  );
}
