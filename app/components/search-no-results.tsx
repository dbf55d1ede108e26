import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ActiveFilter } from '~/components/search-filters';
import { useLocale } from '~/root';
import { formatNumber } from '~/utils/format';

// Zero results say why: the words and filters that were asked, and a link that
// drops each one, with how many listings that gives when the facet counts know.

export function NoResults({
  q,
  filters,
  withoutWordsHref,
}: {
  q: string;
  filters: ActiveFilter[];
  withoutWordsHref: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="no-results">
      <p className="no-results__lead">{q ? t('listings.noResultsFor', { q }) : t('listings.none')}</p>
      {q || filters.length ? (
        <>
          <p>{t('listings.tryRemoving')}</p>
          <ul className="no-results__options">
            {q ? (
              <li>
                <Link to={withoutWordsHref}>{t('listings.removeWords', { q })}</Link>
              </li>
            ) : null}
            {filters.map((filter) => (
              <li key={filter.key}>
                <Link to={filter.href}>{t('listings.removeFilter', { filter: filter.label })}</Link>
                {filter.resultsIfRemoved === undefined
                  ? null
                  : ` ${t('listings.wouldGive', {
                      count: filter.resultsIfRemoved,
                      formatted: formatNumber(filter.resultsIfRemoved, locale),
                    })}`}
              </li>
            ))}
          </ul>
          {q ? <p className="hint">{t('listings.spellingHint')}</p> : null}
        </>
      ) : null}
    </div>
  );
}
