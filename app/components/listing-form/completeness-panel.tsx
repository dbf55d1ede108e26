import { useTranslation } from 'react-i18next';
import type { Completeness } from '~/domain';

/** The listing's completeness score and what is still missing, with the step that asks for it. */
export function CompletenessPanel({ completeness }: { completeness: Completeness }) {
  const { t } = useTranslation();
  const { score, missing } = completeness;
  return (
    <aside className="completeness" aria-labelledby="completeness-heading">
      <h3 id="completeness-heading">{t('listingForm.completeness.heading')}</h3>
      {/* Announced as it changes while one types. */}
      <p className="completeness__score" aria-live="polite" data-testid="completeness-score">
        {t('listingForm.completeness.score', { score })}
      </p>
      <progress max={100} value={score} aria-hidden="true" />
      {missing.length ? (
        <>
          <p>{t('listingForm.completeness.lead')}</p>
          <ul className="completeness__missing">
            {missing.map(({ check, step }) => (
              <li key={check}>
                {t(`listingForm.completeness.checks.${check}`)}{' '}
                <span className="hint">({t(`listingForm.steps.${step}`)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('listingForm.completeness.done')}</p>
      )}
    </aside>
  );
}
