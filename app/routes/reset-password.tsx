import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, FormError, SubmitButton, TextField, useFieldError, useValidatedForm } from '~/components/forms';
import { passwordResetInput } from '~/domain';
import { formHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.resetTitle');

export async function action({ request, context }: ActionFunctionArgs) {
  return formHandler(request, async () => {
    const input = parseInput(passwordResetInput, await readForm(request), await getLocale(request));
    const { sessionId } = await context.auth.resetPassword(input.token, input.password);
    return redirect('/account', { headers: { 'Set-Cookie': context.auth.sessionCookie(sessionId) } });
  });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const { form, onSubmit } = useValidatedForm(passwordResetInput, { token: searchParams.get('token') ?? '' });
  const tokenError = useFieldError(undefined, 'token');
  return (
    <section className="auth" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('auth.resetTitle')}</h1>
      <FormError />
      {tokenError ? (
        <p className="form-error" role="alert">
          {tokenError}
        </p>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit}>
        {/* defaultValue: react-hook-form sets the value only once scripts run; without them the HTML must carry it. */}
        <input type="hidden" {...form.register('token')} defaultValue={searchParams.get('token') ?? ''} />
        <TextField
          form={form as never}
          name="password"
          label={t('auth.newPassword')}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
        />
        <SubmitButton>{t('auth.submitReset')}</SubmitButton>
      </Form>
    </section>
  );
}
