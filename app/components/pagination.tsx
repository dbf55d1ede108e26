import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

function hrefFor(searchParams: URLSearchParams, page: number): string {
  const next = new URLSearchParams(searchParams);
  if (page === 1) next.delete('page');
  else next.set('page', String(page));
  const qs = next.toString();
  return qs ? `?${qs}` : '?';
}

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({
  page,
  pages,
  searchParams,
}: {
  page: number;
  pages: number;
  searchParams: URLSearchParams;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('listings.pagination')}>
      {page > 1 ? (
        <Link rel="prev" to={hrefFor(searchParams, page - 1)}>
          {t('listings.previous')}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span aria-current="page">{t('listings.pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link rel="next" to={hrefFor(searchParams, page + 1)}>
          {t('listings.next')}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
