import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { isDomainError } from '~/domain';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.verifyTitle');

/** GET /verify-email?token=… is the link in the confirmation mail. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token');
  if (!token) return redirect('/account');
  try {
    await context.auth.verifyEmail(token);
    return json({ verified: true });
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid') return json({ verified: false }, { status: 400 });
    throw error;
  }
}

/** POST /verify-email sends a new link to the signed-in user. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  await context.auth.resendVerificationMail(actor);
  return redirect('/account?resent=1');
}

export default function VerifyEmail() {
  const { verified } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="auth" aria-labelledby="verify-title">
      <h1 id="verify-title">{t('auth.verifyTitle')}</h1>
      <p className={verified ? 'success' : 'form-error'} role="status">
        {verified ? t('auth.verified') : t('auth.verifyFailed')}
      </p>
      <p>
        <Link to="/account">{t('auth.continue')}</Link>
      </p>
    </section>
  );
}
