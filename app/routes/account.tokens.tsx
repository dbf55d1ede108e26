import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Form, FormError, SubmitButton, TextField } from '~/components/forms';
import { useLocale } from '~/root';
import { apiTokenInput } from '~/domain';
import { formatDateTime } from '~/utils/format';
import { formHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'tokens.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return json({ tokens: await context.tokens.list(actor) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(request, async () => {
    const form = await readForm(request);
    if (formText(form, 'intent') === 'revoke') {
      await context.tokens.revoke(actor, formText(form, 'id'));
      return json({ revoked: true });
    }
    const input = parseInput(apiTokenInput, form, await getLocale(request));
    const { token } = await context.tokens.create(actor, input, 'session');
    return json({ created: token });
  });
}

export default function Tokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const result = useActionData<{ created?: string; revoked?: boolean }>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="auth">
      <h1>{t('tokens.title')}</h1>
      <p>{t('tokens.lead')}</p>
      {result?.created ? (
        <div className="success" role="status">
          <p>{t('tokens.createdOnce')}</p>
          <code className="secret" data-testid="new-token">
            {result.created}
          </code>
        </div>
      ) : null}
      {result?.revoked ? (
        <p className="success" role="status">
          {t('tokens.revoked')}
        </p>
      ) : null}
      <FormError />
      <Form method="post">
        <input type="hidden" name="intent" value="create" />
        <TextField name="name" label={t('tokens.name')} required maxLength={80} />
        <SubmitButton>{t('tokens.create')}</SubmitButton>
      </Form>
      {tokens.length === 0 ? (
        <p>{t('tokens.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{formatDateTime(token.createdAt, locale)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('tokens.never')}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={token.id} />
                      <button type="submit" name="intent" value="revoke" className="link-button">
                        {t('tokens.revoke')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
