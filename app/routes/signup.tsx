import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, FormError, SelectField, SubmitButton, TextField, useValidatedForm } from '~/components/forms';
import { useLocale } from '~/root';
import { signupInput, SIGNUP_ORGANIZATION_KINDS } from '~/domain';
import { clientContext } from '~/utils/client.server';
import { formHandler } from '~/utils/http.server';
import { pickText } from '~/utils/format';
import { pageTitle } from '~/utils/meta';
import { requireAnonymous } from '~/utils/session.server';
import { parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.signupTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const token = new URL(request.url).searchParams.get('invitation');
  const invitation = token ? await context.orgs.describeInvitation(token) : null;
  return json({ token, invitation, kinds: SIGNUP_ORGANIZATION_KINDS });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return formHandler(request, async () => {
    const client = await clientContext(request, context);
    const input = parseInput(signupInput, await readForm(request), client.locale);
    const { sessionId } = await context.auth.signup(input, client);
    return redirect('/account', { headers: { 'Set-Cookie': context.auth.sessionCookie(sessionId) } });
  });
}

export default function Signup() {
  const { token, invitation, kinds } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const [joining, setJoining] = useState(Boolean(token));
  const { form, onSubmit } = useValidatedForm(signupInput, {
    locale,
    organization: token ? { invitation: token } : { region: { country: 'CN' } },
  });
  const orgName = invitation ? pickText(invitation.organization.name, locale).text : '';
  const f = form as never;
  return (
    <section className="auth" aria-labelledby="signup-title">
      <h1 id="signup-title">{t('auth.signupTitle')}</h1>
      <p>{t('auth.signupLead')}</p>
      <FormError />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextField form={f} name="name" label={t('auth.name')} autoComplete="name" required />
        <TextField form={f} name="email" label={t('auth.email')} type="email" autoComplete="email" required />
        <TextField
          form={f}
          name="password"
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
        />
        <input type="hidden" name="locale" value={locale} />
        <fieldset className="group">
          <legend>{t('auth.orgSection')}</legend>
          <label className="radio">
            <input type="radio" name="orgChoice" checked={!joining} onChange={() => setJoining(false)} />
            {t('auth.orgNew')}
          </label>
          <label className="radio">
            <input type="radio" name="orgChoice" checked={joining} onChange={() => setJoining(true)} />
            {t('auth.orgJoin')}
          </label>
          {joining ? (
            <>
              {invitation ? (
                <p className="success">
                  {t('auth.joining', { organization: orgName, role: t(`roles.${invitation.role}`) })}
                </p>
              ) : token ? (
                <p className="form-error">{t('auth.invitationUnusable')}</p>
              ) : null}
              <TextField form={f} name="organization.invitation" label={t('auth.invitation')} required />
            </>
          ) : (
            <>
              <p className="hint">{t('auth.orgNameHint')}</p>
              <TextField form={f} name="organization.name.zh" label={t('auth.orgNameZh')} lang="zh-CN" />
              <TextField form={f} name="organization.name.en" label={t('auth.orgNameEn')} lang="en" />
              <SelectField
                form={f}
                name="organization.kind"
                label={t('auth.orgKind')}
                options={kinds.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
              />
              <TextField
                form={f}
                name="organization.region.country"
                label={t('auth.country')}
                maxLength={2}
                defaultValue="CN"
              />
              <TextField form={f} name="organization.region.province" label={t('auth.province')} />
              <TextField form={f} name="organization.region.city" label={t('auth.city')} />
            </>
          )}
        </fieldset>
        <p className="hint">{t('auth.unverifiedNote')}</p>
        <SubmitButton>{t('auth.submitSignup')}</SubmitButton>
      </Form>
      <p>
        {t('auth.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
