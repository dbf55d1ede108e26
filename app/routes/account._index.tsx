import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, FormError, SelectField, SubmitButton, TextField } from '~/components/forms';
import { useLocale } from '~/root';
import { invitationInput, organizationCreditCodeInput } from '~/domain';
import { formatDate, pickText } from '~/utils/format';
import { formHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const [account, sessions] = await Promise.all([context.auth.getAccount(actor), context.auth.countSessions(actor)]);
  const canInvite = actor
    ? context.auth.can(actor, { action: 'org:invite', organizationId: actor.organizationId })
    : false;
  const mayEditOrganization = actor
    ? context.auth.can(actor, { action: 'org:manage_profile', organizationId: actor.organizationId })
    : false;
  const creditCode = actor ? (await context.orgs.get(actor, actor.organizationId)).creditCode : null;
  return json({ account, sessions, canInvite, mayEditOrganization, creditCode });
}

type ActionResult =
  | { intent: 'logout-others'; ended: number }
  | { intent: 'invite'; url: string; expiresAt: string }
  | { intent: 'credit-code'; saved: true };

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, sessionId } = await requireUser(request, context);
  return formHandler(request, async () => {
    const form = await readForm(request);
    const intent = formText(form, 'intent');
    if (intent === 'logout-others') {
      const ended = await context.auth.logoutOtherSessions(actor, sessionId ?? '');
      return json<ActionResult>({ intent: 'logout-others', ended });
    }
    if (intent === 'credit-code') {
      await context.orgs.setCreditCode(actor, parseInput(organizationCreditCodeInput, form, await getLocale(request)));
      return json<ActionResult>({ intent: 'credit-code', saved: true });
    }
    const input = parseInput(invitationInput, form, await getLocale(request));
    return json<ActionResult>({ intent: 'invite', ...(await context.orgs.invite(actor, input)) });
  });
}

export default function Account() {
  const { account, sessions, canInvite, mayEditOrganization, creditCode } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const org = account.organization;
  return (
    <div className="auth">
      <h1>{t('account.title')}</h1>
      {searchParams.get('resent') ? (
        <p className="success" role="status">
          {t('banner.resent')}
        </p>
      ) : null}
      <section aria-labelledby="profile">
        <h2 id="profile">{t('account.profile')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('auth.name')}</dt>
            <dd>{account.user.name}</dd>
          </div>
          <div>
            <dt>{t('account.email')}</dt>
            <dd>
              {account.user.email} (
              {account.user.emailVerified ? t('account.emailVerified') : t('account.emailUnverified')})
            </dd>
          </div>
        </dl>
      </section>

      {org ? (
        <section aria-labelledby="organization">
          <h2 id="organization">{t('account.organization')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('account.organization')}</dt>
              <dd>
                <Link to={`/orgs/${org.id}`}>{pickText(org.name, locale).text}</Link>
              </dd>
            </div>
            <div>
              <dt>{t('account.kind')}</dt>
              <dd>{t(`orgKinds.${org.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('account.role')}</dt>
              <dd data-testid="role">{account.role ? t(`roles.${account.role}`) : '—'}</dd>
            </div>
            <div>
              <dt>{t('account.creditCode')}</dt>
              <dd>{creditCode ?? t('account.creditCodeMissing')}</dd>
            </div>
            <div>
              <dt>{t('account.verification')}</dt>
              <dd>
                {t(`verification.${org.verification.status}`)}
                {org.verification.reason ? ` — ${org.verification.reason}` : null}
              </dd>
            </div>
          </dl>
          {!org.verified ? <p className="hint">{t('auth.unverifiedNote')}</p> : null}
          <ul className="links">
            <li>
              <Link to="/account/payouts">{t('payouts.accountLink')}</Link>
            </li>
            <li>
              <Link to="/account/membership">{t('membership.accountLink')}</Link>
            </li>
          </ul>
          {mayEditOrganization ? (
            <Form method="post" id="credit-code">
              <input type="hidden" name="intent" value="credit-code" />
              <TextField
                name="creditCode"
                label={t('account.creditCode')}
                hint={t('account.creditCodeHint')}
                defaultValue={creditCode ?? ''}
                maxLength={64}
                autoComplete="off"
                spellCheck={false}
              />
              <SubmitButton>{t('account.saveCreditCode')}</SubmitButton>
              {result?.intent === 'credit-code' ? (
                <p className="success" role="status">
                  {t('account.creditCodeSaved')}
                </p>
              ) : null}
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('account.sessions')}</h2>
        <p>{t('account.sessionsActive', { count: sessions })}</p>
        {result?.intent === 'logout-others' ? (
          <p className="success" role="status">
            {t('account.loggedOutOthers', { count: result.ended })}
          </p>
        ) : null}
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="logout-others" className="button">
            {t('account.logoutOthers')}
          </button>
        </Form>
        <p>
          <Link to="/account/tokens">{t('account.tokensLink')}</Link>
        </p>
      </section>

      {canInvite ? (
        <section aria-labelledby="invite">
          <h2 id="invite">{t('account.invite')}</h2>
          <p>{t('account.inviteLead')}</p>
          <FormError />
          <Form method="post">
            <input type="hidden" name="intent" value="invite" />
            <TextField name="email" label={t('account.inviteEmail')} type="email" autoComplete="off" />
            <SelectField
              name="role"
              label={t('account.inviteRole')}
              options={['member', 'admin'].map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <SubmitButton>{t('account.createInvitation')}</SubmitButton>
          </Form>
          {result?.intent === 'invite' ? (
            <div className="success" role="status">
              <p>
                {t('account.invitationCreated')} ({formatDate(result.expiresAt, locale)})
              </p>
              <code className="secret">{result.url}</code>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
