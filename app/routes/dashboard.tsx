import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FollowButton } from '~/components/follow-button';
import { formatRate, FunnelTrend, Sparkline } from '~/components/funnel';
import type { Locale } from '~/i18n';
import { useLocale, useViewer } from '~/root';
import { formatDateTime, formatNumber, pickText } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => json({ dashboard: await context.dashboard.get(actor) }));
}

type Dashboard = ReturnType<typeof useLoaderData<typeof loader>>['dashboard'];

const STAGES = ['views', 'inquiries', 'ndas'] as const;

function ListingsTable({ group, days, locale }: { group: Dashboard['groups'][number]; days: number; locale: Locale }) {
  const { t } = useTranslation();
  const headingId = `status-${group.status}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`statuses.${group.status}`)} ({formatNumber(group.total, locale)})
      </h3>
      {group.total > group.listings.length ? (
        <p className="hint">{t('dashboard.showingNewest', { shown: group.listings.length, total: group.total })}</p>
      ) : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.listing')}</th>
              {STAGES.map((s) => (
                <th scope="col" key={s}>
                  {t(`dashboard.stages.${s}`)}
                </th>
              ))}
              <th scope="col">{t('dashboard.inquiriesPerView')}</th>
              <th scope="col">{t('dashboard.ndasPerInquiry')}</th>
              <th scope="col">{t('dashboard.recent', { days })}</th>
            </tr>
          </thead>
          <tbody>
            {group.listings.map((listing) => {
              const title = pickText(listing.title, locale);
              return (
                <tr key={listing.id}>
                  <th scope="row" lang={title.lang}>
                    <Link to={`/listings/${listing.id}`}>{title.text || t('dashboard.untitled')}</Link>
                  </th>
                  {STAGES.map((s) => (
                    <td key={s}>{formatNumber(listing.totals[s], locale)}</td>
                  ))}
                  <td>{formatRate(listing.rates.inquiriesPerView, locale)}</td>
                  <td>{formatRate(listing.rates.ndasPerInquiry, locale)}</td>
                  <td>
                    <FunnelTrend recent={listing.recent} label={title.text} locale={locale} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function DashboardPage() {
  const { dashboard } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const { totals, rates, groups, following } = dashboard;
  return (
    <div className="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <p className="hint">{t('dashboard.lead')}</p>
      {dashboard.searchNotice ? (
        <p className="notice" role="status">
          {t('dashboard.searchNotice')}
        </p>
      ) : null}

      <section aria-labelledby="dashboard-totals">
        <h2 id="dashboard-totals">{t('dashboard.totals')}</h2>
        <dl className="facts">
          {STAGES.map((s) => (
            <div key={s}>
              <dt>{t(`dashboard.stages.${s}`)}</dt>
              <dd>{formatNumber(totals[s], locale)}</dd>
            </div>
          ))}
          <div>
            <dt>{t('dashboard.inquiriesPerView')}</dt>
            <dd>{formatRate(rates.inquiriesPerView, locale)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.ndasPerInquiry')}</dt>
            <dd>{formatRate(rates.ndasPerInquiry, locale)}</dd>
          </div>
        </dl>
        <Sparkline recent={dashboard.recent} />
        <p className="hint">{t('dashboard.sparklineHint', { days: dashboard.days.length })}</p>
      </section>

      <section aria-labelledby="dashboard-listings">
        <h2 id="dashboard-listings">{t('dashboard.listings')}</h2>
        {groups.length === 0 ? (
          <p>
            {t('dashboard.noListings')}{' '}
            {viewer?.mayCreateListings ? <Link to="/listings/new">{t('nav.newListing')}</Link> : null}
          </p>
        ) : (
          groups.map((group) => (
            <ListingsTable key={group.status} group={group} days={dashboard.days.length} locale={locale} />
          ))
        )}
        {dashboard.moreOnMarket > 0 ? (
          <p className="hint">{t('dashboard.moreOnMarket', { count: dashboard.moreOnMarket })}</p>
        ) : null}
      </section>

      <section aria-labelledby="dashboard-awaiting">
        <h2 id="dashboard-awaiting">{t('dashboard.awaitingReply')}</h2>
        {dashboard.awaitingReply.length === 0 ? (
          <p>{t('dashboard.awaitingReplyNone')}</p>
        ) : (
          <ul className="thread-list">
            {dashboard.awaitingReply.map((thread) => {
              const title = pickText(thread.listing.title, locale);
              return (
                <li key={thread.id}>
                  <Link to={`/inquiries/${thread.id}`}>
                    <span lang={title.lang}>{title.text || t('dashboard.untitled')}</span>
                  </Link>{' '}
                  — {pickText(thread.otherOrganization.name, locale).text} · {formatDateTime(thread.lastAt, locale)}
                  <p className="hint">{thread.preview}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="dashboard-following">
        <h2 id="dashboard-following">{t('dashboard.following')}</h2>
        {following.length === 0 ? (
          <p>{t('dashboard.followingNone')}</p>
        ) : (
          <ul className="follow-list">
            {following.map((f) => (
              <li key={f.id}>
                {f.available ? (
                  <>
                    <Link to={`/listings/${f.id}`} lang={pickText(f.title, locale).lang}>
                      {pickText(f.title, locale).text || t('dashboard.untitled')}
                    </Link>{' '}
                    ({t(`statuses.${f.status}`)})
                  </>
                ) : (
                  <span>{t('dashboard.followUnavailable')}</span>
                )}
                <FollowButton listingId={f.id} following />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
