import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, FormError, SubmitButton, TextField, useValidatedForm } from '~/components/forms';
import { passwordResetRequestInput } from '~/domain';
import { clientContext } from '~/utils/client.server';
import { formHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.forgotTitle');

export async function action({ request, context }: ActionFunctionArgs) {
  return formHandler(request, async () => {
    const client = await clientContext(request, context);
    const { email } = parseInput(passwordResetRequestInput, await readForm(request), client.locale);
    await context.auth.requestPasswordReset(email, client);
    // The same answer whether or not the address is registered.
    return json({ sent: true, formError: null, fieldErrors: {} });
  });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const data = useActionData<{ sent?: boolean }>();
  const { form, onSubmit } = useValidatedForm(passwordResetRequestInput);
  return (
    <section className="auth" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('auth.forgotTitle')}</h1>
      {data?.sent ? (
        <p className="success" role="status">
          {t('auth.resetSent')}
        </p>
      ) : (
        <>
          <p>{t('auth.forgotLead')}</p>
          <FormError />
          <Form method="post" noValidate onSubmit={onSubmit}>
            <TextField
              form={form as never}
              name="email"
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
            />
            <SubmitButton>{t('auth.sendLink')}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}
