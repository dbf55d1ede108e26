import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '~/components/pagination';
import { useLocale } from '~/root';
import { outboxQuery } from '~/domain';
import { formatDateTime } from '~/utils/format';
import { pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { parseInput, searchParamsToObject } from '~/utils/validation.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'operator.outboxTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const params = searchParamsToObject(new URL(request.url).searchParams);
  return pageHandler(async () =>
    json(await context.outbox.list(actor, parseInput(outboxQuery, params, await getLocale(request)))),
  );
}

export default function Outbox() {
  const page = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t('operator.outboxTitle')}</h1>
      <p className="hint">{t('operator.outboxLead')}</p>
      {page.items.length === 0 ? <p>{t('operator.outboxEmpty')}</p> : null}
      {page.items.map((mail) => (
        <article key={mail.id} className="queue-item" aria-labelledby={`mail-${mail.id}`}>
          <h2 id={`mail-${mail.id}`}>{mail.subject}</h2>
          <p className="hint">
            {t('operator.to')}: {mail.to} · {t('operator.sent')}: {formatDateTime(mail.createdAt, locale)}
          </p>
          <pre className="mail-body">{mail.text}</pre>
        </article>
      ))}
      <Pagination
        page={page.page}
        pages={Math.max(1, Math.ceil(page.total / page.pageSize))}
        searchParams={searchParams}
      />
    </div>
  );
}
