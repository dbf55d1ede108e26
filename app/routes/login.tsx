import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, FormError, SubmitButton, TextField, useValidatedForm } from '~/components/forms';
import { loginInput } from '~/domain';
import { clientContext } from '~/utils/client.server';
import { formHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { safeRedirect } from '~/utils/safe-redirect';
import { requireAnonymous } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.loginTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  return formHandler(request, async () => {
    const client = await clientContext(request, context);
    const form = await readForm(request);
    // Read before logging in: a refused field must not leave a session behind.
    const redirectTo = formText(form, 'redirectTo');
    const { sessionId } = await context.auth.login(parseInput(loginInput, form, client.locale), client);
    return redirect(safeRedirect(redirectTo, '/account'), {
      headers: { 'Set-Cookie': context.auth.sessionCookie(sessionId) },
    });
  });
}

export default function Login() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const { form, onSubmit } = useValidatedForm(loginInput);
  const f = form as never;
  return (
    <section className="auth" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.loginTitle')}</h1>
      <FormError />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField form={f} name="email" label={t('auth.email')} type="email" autoComplete="email" required />
        <TextField
          form={f}
          name="password"
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          required
        />
        <SubmitButton>{t('auth.submitLogin')}</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">{t('auth.forgot')}</Link>
      </p>
      <p>
        {t('auth.noAccount')} <Link to="/signup">{t('nav.signup')}</Link>
      </p>
    </section>
  );
}
