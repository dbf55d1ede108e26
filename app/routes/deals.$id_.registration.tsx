import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { bothLanguages, registrationRows } from '~/components/deals/registration-fields';
import { NoRegistration, RegistrationTable } from '~/components/deals/registration-table';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import printStyles from '~/styles/deal-registration.css';
import { pageHandler } from '~/utils/http.server';
import { listingPageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';

// The technology-contract registration data (技术合同登记) of a deal, to print
// on A4 without the site's header and footer, or to download as CSV.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? listingPageTitle(matches, 'dealRegistration.pageTitle', data.listing.title) : [];

/** The deal's two organizations and the operators; anyone else: not found. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json(await context.deals.registration(actor, params.id ?? '')));
}

export default function DealRegistrationPage() {
  const view = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const tr = bothLanguages();
  return (
    <article className="registration">
      <h1>
        <span lang="zh-CN">{tr['zh-CN']('dealRegistration.title')}</span>{' '}
        <span lang="en">{tr.en('dealRegistration.title')}</span>
      </h1>
      <p className="no-print">
        <Link to={`/deals/${view.dealId}`}>{t('dealRegistration.backToDeal')}</Link>
        {view.data ? (
          <>
            {' · '}
            <a href={`/deals/${view.dealId}/registration.csv`} download>
              {t('dealRegistration.downloadCsv')}
            </a>
            {' · '}
            {t('dealRegistration.printHint')}
          </>
        ) : null}
      </p>
      {view.state === 'draft' ? (
        <p className="registration__draft">
          <span lang="zh-CN">{tr['zh-CN']('dealRegistration.draftNote')}</span>{' '}
          <span lang="en">{tr.en('dealRegistration.draftNote')}</span>
        </p>
      ) : null}
      {view.data ? (
        <RegistrationTable rows={registrationRows(view, view.data, tr)} />
      ) : (
        <NoRegistration state={view.state} />
      )}
      {view.mayRecordNumber ? (
        <p className="no-print">
          <Link to={`/deals/${view.dealId}#deal-actions`}>{t('dealRegistration.recordNumber')}</Link>
        </p>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
