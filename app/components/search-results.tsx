import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_SORTS, type SearchPage } from '~/domain';
import { defaultSort } from '~/components/search-filters';
import { useLocale } from '~/root';
import { formatNumber } from '~/utils/format';

// The head of the results column: the engine's state when it is not the whole
// truth, how many listings were found, and the sort.

/** Why the results may be incomplete or missing; a status, not an error page. */
export function SearchNotice({ notice }: { notice: SearchPage['notice'] }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <p className="notice" role="status">
      {t(`listings.notice.${notice}`)}
    </p>
  );
}

/** The results heading: its count is announced when a search changes it. */
export function ResultsCount({ page }: { page: SearchPage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <h2 id="results-title" className="results__count" aria-live="polite">
      {page.notice === 'unavailable'
        ? t('listings.resultsTitle')
        : t('listings.results', { count: page.total, formatted: formatNumber(page.total, locale) })}
    </h2>
  );
}

/**
 * The sort. Its first option, value "", is the default, whose meaning follows
 * the words: best match with words, newest without. So a sort nobody chose
 * never sticks to a search (the no-JavaScript form sends the field every time).
 */
export function SortSelect({ q, sort }: { q: string; sort: string }) {
  const { t } = useTranslation();
  const implicit = defaultSort(q);
  const choices = SEARCH_SORTS.filter((s) => s !== implicit && (q || s !== 'relevance'));
  const chosen = sort === implicit || !choices.some((s) => s === sort) ? '' : sort;
  // Controlled, so that links and the back button show the sort they lead to.
  const [value, setValue] = useState(chosen);
  useEffect(() => setValue(chosen), [chosen]);
  return (
    <label className="sort">
      <span>{t('listings.sort')}</span>
      <select name="sort" value={value} onChange={(event) => setValue(event.currentTarget.value)}>
        <option value="">{t(`listings.sorts.${implicit}`)}</option>
        {choices.map((s) => (
          <option key={s} value={s}>
            {t(`listings.sorts.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The results column; dimmed and marked busy while the next results load, so the old ones never blink away. */
export function ResultsRegion({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby="results-title" className="results" aria-busy={busy}>
      {children}
    </section>
  );
}
