import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Pagination } from '~/components/pagination';
import { LEDGER_AMOUNT_NAMES, ledgerPageQuery, type LedgerEntryDto } from '~/domain';
import type { Locale } from '~/i18n';
import { useLocale } from '~/root';
import { formatDate, formatMoney, pickText } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { getActor } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'ledger.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const actor = await getActor(request, context);
  return pageHandler(async () => {
    const query = parseInput(ledgerPageQuery, searchParamsToObject(new URL(request.url).searchParams), locale);
    return json({ ledger: await context.ledger.list(actor, query) });
  });
}

/** A stake in basis points as a percentage: 1250 → 12.5 %. */
function formatStake(basisPoints: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** What the entry transferred or granted, one line each. */
function Terms({ record }: { record: LedgerEntryDto['record'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const payload = record.payload as Partial<{
    patents: { number: string; jurisdiction: string }[];
    exclusivity: string;
    fieldOfUse: string;
    territory: string;
    termYears: number;
    stakeBasisPoints: number;
    appraisal: { appraiser: string; reportReference: string };
  }>;
  const lines = [
    payload.patents?.length
      ? t('ledger.terms.patents', { list: payload.patents.map((p) => p.number).join(', ') })
      : null,
    payload.exclusivity ? t(`ledger.terms.${payload.exclusivity}`) : null,
    payload.fieldOfUse ? t('ledger.terms.fieldOfUse', { value: payload.fieldOfUse }) : null,
    payload.territory ? t('ledger.terms.territory', { value: payload.territory }) : null,
    payload.termYears ? t('ledger.terms.term', { count: payload.termYears }) : null,
    payload.stakeBasisPoints ? t('ledger.terms.stake', { value: formatStake(payload.stakeBasisPoints, locale) }) : null,
    payload.appraisal
      ? t('ledger.terms.appraisal', {
          appraiser: payload.appraisal.appraiser,
          report: payload.appraisal.reportReference,
        })
      : null,
  ].filter((line) => line !== null);
  return lines.map((line) => <div key={line}>{line}</div>);
}

function Amounts({ entry }: { entry: LedgerEntryDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!entry.amounts) return <>{t('ledger.undisclosed')}</>;
  const amounts = entry.amounts;
  return LEDGER_AMOUNT_NAMES[entry.record.type].map((name) => {
    const money = amounts[name];
    return money ? (
      <div key={name}>
        {t(`ledger.amounts.${name}`)}
        {t('ledger.colon')}
        {formatMoney(money, locale)}
      </div>
    ) : null;
  });
}

function EntryRow({ entry }: { entry: LedgerEntryDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { record } = entry;
  const title = pickText(record.listing.title, locale);
  return (
    <tr>
      <td>{entry.seq}</td>
      <td>
        <time dateTime={record.at}>{formatDate(record.at, locale)}</time>
      </td>
      <td>{t(`ledger.types.${record.type}`)}</td>
      <td>
        <Link to={`/listings/${record.listing.id}`} lang={title.lang}>
          {title.text}
        </Link>
      </td>
      <td>
        {(['seller', 'buyer'] as const).map((side) => {
          const name = pickText(record.parties[side].name, locale);
          return (
            <div key={side}>
              {t(`ledger.roles.${record.type}.${side}`)}
              {t('ledger.colon')}
              <Link to={`/orgs/${record.parties[side].organizationId}`} lang={name.lang}>
                {name.text}
              </Link>
            </div>
          );
        })}
      </td>
      <td>
        <Terms record={record} />
      </td>
      <td>
        <Amounts entry={entry} />
      </td>
      <td>
        <code className="secret">{entry.hash}</code>
      </td>
    </tr>
  );
}

export default function Ledger() {
  const { ledger } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  return (
    <div>
      <h1>{t('ledger.title')}</h1>
      <p className="hint">{t('ledger.lead')}</p>
      {ledger.items.length === 0 ? (
        <p>{t('ledger.none')}</p>
      ) : (
        // A table wider than a phone scrolls: the keyboard must reach it too.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-scroll" role="region" aria-labelledby="ledger-caption" tabIndex={0}>
          <table>
            <caption id="ledger-caption" className="visually-hidden">
              {t('ledger.caption', { page: ledger.page, pages: ledger.pages })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.columns.seq')}</th>
                <th scope="col">{t('ledger.columns.date')}</th>
                <th scope="col">{t('ledger.columns.type')}</th>
                <th scope="col">{t('ledger.columns.listing')}</th>
                <th scope="col">{t('ledger.columns.parties')}</th>
                <th scope="col">{t('ledger.columns.terms')}</th>
                <th scope="col">{t('ledger.columns.amounts')}</th>
                <th scope="col">{t('ledger.columns.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.items.map((entry) => (
                <EntryRow key={entry.seq} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={ledger.page} pages={ledger.pages} searchParams={searchParams} />
      <section aria-labelledby="ledger-verify">
        <h2 id="ledger-verify">{t('ledger.verify.title')}</h2>
        <p>{t('ledger.verify.lead')}</p>
        <ol>
          <li>
            {t('ledger.verify.fetch')} <a href={`/api/v1/ledger?page=${ledger.page}`}>GET /api/v1/ledger</a>
          </li>
          <li>{t('ledger.verify.hash')}</li>
          <li>{t('ledger.verify.link')}</li>
          <li>{t('ledger.verify.amounts')}</li>
          <li>
            {t('ledger.verify.server')} <a href="/api/v1/ledger/verify">GET /api/v1/ledger/verify</a>
          </li>
        </ol>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
