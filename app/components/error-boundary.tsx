import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** The one error page: 404s and 400s say what happened, everything else is a 500 without details. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t('errors.notFoundTitle'), t('errors.notFound')]
      : status === 400
        ? [t('errors.badRequestTitle'), '']
        : [t('errors.serverTitle'), t('errors.server')];
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{status}</p>
      <h1 id="error-title">{title}</h1>
      {body ? <p>{body}</p> : null}
      <p>
        <Link to="/">{t('errors.goHome')}</Link>
      </p>
    </section>
  );
}
