import { useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEAL_TYPES,
  isTicked,
  listingCompleteness,
  parseMajorUnits,
  rowsOf,
  type ListingFieldStep,
  type ListingFormValues,
  type MoneyText,
  type TextPair,
} from '~/domain';
import { useLocale } from '~/root';
import { formatMoney } from '~/utils/format';
import { CompletenessPanel } from './completeness-panel';
import { StepForm } from './step-form';
import { Fact } from '~/components/fact';

export interface Problem {
  field: string;
  step: ListingFieldStep | null;
  message: string;
}

/** A field's name in a problem: `patents.1.number` reads "Patent 2 — Number". */
function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string) => {
    const [key, index, part] = field.split('.');
    if (key === 'patents' && index !== undefined && part) {
      return `${t('listingForm.patent', { n: Number(index) + 1 })} — ${t(`listingForm.patentFields.${part}`)}`;
    }
    return t(`listingForm.fields.${key}`);
  };
}

function Texts({ text }: { text: TextPair | undefined }) {
  const { t } = useTranslation();
  const parts = (['zh', 'en'] as const).filter((lang) => text?.[lang]?.trim());
  if (!parts.length) return <>{t('listingForm.review.none')}</>;
  return (
    <>
      {parts.map((lang) => (
        <p key={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          {text![lang]}
        </p>
      ))}
    </>
  );
}

/** One step's values, with a button that saves nothing (there is nothing to save here) and goes to that step. */
function Section({ step, children }: { step: ListingFieldStep; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <div className="review-section__head">
        <h3 id={`review-${step}`}>{t(`listingForm.steps.${step}`)}</h3>
        <button type="submit" name="goto" value={step} className="link-button">
          {t('listingForm.review.change', { step: t(`listingForm.steps.${step}`) })}
        </button>
      </div>
      <dl className="facts">{children}</dl>
    </section>
  );
}

function useMoney() {
  const locale = useLocale();
  const { t } = useTranslation();
  return (money: MoneyText | undefined) => {
    const currency = (money?.currency || 'CNY') as 'CNY';
    const amount = money?.amount ? parseMajorUnits(money.amount, currency) : null;
    return amount === null ? t('listingForm.review.none') : formatMoney({ amount, currency }, locale);
  };
}

function Summary({ values }: { values: ListingFormValues }) {
  const { t } = useTranslation();
  const money = useMoney();
  const none = t('listingForm.review.none');
  const choice = (section: string, key: string | undefined) => (key ? t(`${section}.${key}`) : none);
  const dealTypes = DEAL_TYPES.filter((d) => isTicked(values.dealTypes?.[d]));
  const terms = values.licenseTerms;
  const auction = values.auction;
  const documents = rowsOf(values.documents);
  const texts = ['title', 'summary', 'problem', 'advantages', 'clinicalUse', 'partnerSought'] as const;
  return (
    <>
      <Section step="basics">
        <Fact label={t('listingForm.fields.kind')}>{choice('kinds', values.kind)}</Fact>
        {texts.map((key) => (
          <Fact key={key} label={t(`listingForm.fields.${key}`)}>
            <Texts text={values[key]} />
          </Fact>
        ))}
        <Fact label={t('listingForm.fields.keywords')}>{values.keywords || none}</Fact>
      </Section>
      <Section step="technology">
        <Fact label={t('listingForm.fields.category')}>{choice('categories', values.category)}</Fact>
        <Fact label={t('listingForm.fields.nmpaClass')}>{choice('nmpaClasses', values.nmpaClass)}</Fact>
        <Fact label={t('listingForm.fda')}>{choice('fda', values.regulatory?.fda)}</Fact>
        <Fact label={t('listingForm.ce')}>{choice('ce', values.regulatory?.ce)}</Fact>
        <Fact label={t('listingForm.fields.trl')}>{values.trl || none}</Fact>
        <Fact label={t('listingForm.fields.stage')}>{choice('stages', values.stage)}</Fact>
        <Fact label={t('listingForm.fields.confidential')}>{values.confidential?.details || none}</Fact>
      </Section>
      <Section step="patents">
        <Fact label={t('listingForm.fields.patents')}>
          {rowsOf(values.patents).length ? (
            <ul className="review-patents">
              {rowsOf(values.patents).map((p, i) => (
                <li key={`${p.number}-${i}`}>
                  <code>{p.number}</code> · {choice('patentTypes', p.type)} · {choice('patentStatuses', p.status)}
                  {p.filingDate ? ` · ${t('listingForm.patentFields.filingDate')} ${p.filingDate}` : null}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Fact>
      </Section>
      <Section step="terms">
        <Fact label={t('listingForm.fields.dealTypes')}>
          {dealTypes.length ? dealTypes.map((d) => t(`dealTypes.${d}`)).join(' · ') : none}
        </Fact>
        <Fact label={t('listingForm.fields.askingPrice')}>
          {isTicked(values.priceOnRequest) ? t('listings.priceOnRequest') : money(values.askingPrice)}
        </Fact>
        {terms && (terms.upfront?.amount || terms.royaltyPercent || terms.minimumAnnual?.amount) ? (
          <Fact label={t('listingForm.fields.licenseTerms')}>
            {t('listingForm.upfront')}: {money(terms.upfront)} · {t('listingForm.royaltyPercent')}:{' '}
            {terms.royaltyPercent || none} · {t('listingForm.minimumAnnual')}: {money(terms.minimumAnnual)}
            {isTicked(terms.openLicense) ? ` · ${t('listingForm.review.openLicense')}` : null}
          </Fact>
        ) : null}
        {auction?.startingPrice?.amount ? (
          <Fact label={t('listingForm.fields.auction')}>
            {t('listingForm.startingPrice')}: {money(auction.startingPrice)} · {t('listingForm.minimumIncrement')}:{' '}
            {money(auction.minimumIncrement)} · {t('listingForm.endsAt')}: {auction.endsAt}
          </Fact>
        ) : null}
        {values.equityOffered?.percent ? (
          <Fact label={t('listingForm.fields.equityOffered')}>
            {values.equityOffered.percent}% · {t('listingForm.valuation')}: {money(values.equityOffered.valuation)}
          </Fact>
        ) : null}
      </Section>
      <Section step="documents">
        <Fact label={t('documents.title')}>
          {documents.length
            ? documents.map((d) => `${d.name} (${t(`documents.visibilities.${d.visibility}`)})`).join(' · ')
            : none}
        </Fact>
        <Fact label={t('documents.ndaText')}>
          {values.nda?.text?.zh || values.nda?.text?.en ? t('documents.ndaOwn') : t('documents.standardNda')}
        </Fact>
      </Section>
    </>
  );
}

interface ReviewStepProps {
  values: ListingFormValues;
  /** What keeps the draft from being saved as a listing, by field. */
  problems: Problem[];
  /** The status of the listing being edited; null for a new listing. */
  listingStatus: string | null;
}

/** Step 6: everything at a glance, what still stops it from being saved, and saving. */
export function ReviewStep({ values, problems, listingStatus }: ReviewStepProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const submitting = useNavigation().state === 'submitting';
  // Submitting for review is a draft's next step; a listing already under review or live only saves.
  const maySubmit = listingStatus === null || listingStatus === 'draft';
  const live = listingStatus === 'published' || listingStatus === 'under_offer';
  const finish = problems.length ? null : (
    <>
      <button type="submit" name="finish" value="save" className="button button--secondary" disabled={submitting}>
        {t(
          listingStatus && listingStatus !== 'draft'
            ? 'listingForm.review.saveChanges'
            : 'listingForm.review.saveDraft',
        )}
      </button>
      {maySubmit ? (
        <button type="submit" name="finish" value="submit" className="button" disabled={submitting}>
          {t('listingForm.review.saveAndSubmit')}
        </button>
      ) : null}
    </>
  );
  return (
    <StepForm step="review" actions={finish}>
      <div className="step-form__layout">
        <div>
          {problems.length ? (
            <div className="form-error" role="alert">
              <p>{t('listingForm.review.problems')}</p>
              <ul>
                {problems.map((problem) => (
                  <li key={problem.field}>
                    {fieldLabel(problem.field)}:{' '}
                    {problem.message.startsWith('validation.') ? t(problem.message) : problem.message}{' '}
                    {problem.step ? (
                      <button type="submit" name="goto" value={problem.step} className="link-button">
                        {t('listingForm.review.goTo', { step: t(`listingForm.steps.${problem.step}`) })}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>{t('listingForm.review.lead')}</p>
          )}
          {live ? <p className="notice">{t('listingForm.review.revisionNote')}</p> : null}
          <Summary values={values} />
        </div>
        <CompletenessPanel completeness={listingCompleteness(values)} />
      </div>
    </StepForm>
  );
}
