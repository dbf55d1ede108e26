import { Form, useNavigation } from '@remix-run/react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTING_FORM_STEPS, type ListingFormStep } from '~/domain';

// Every step is one form post. Its buttons say where to go next (`goto`):
// Back, Save, Save and continue, or a step of the indicator. The server saves
// the step's fields first, whichever it is, so moving around never loses work.

const stepAfter = (step: ListingFormStep) => LISTING_FORM_STEPS[LISTING_FORM_STEPS.indexOf(step) + 1];
const stepBefore = (step: ListingFormStep) => LISTING_FORM_STEPS[LISTING_FORM_STEPS.indexOf(step) - 1];

function GotoButton({ to, className, children }: { to: ListingFormStep; className?: string; children: ReactNode }) {
  const submitting = useNavigation().state === 'submitting';
  return (
    <button type="submit" name="goto" value={to} className={className} disabled={submitting}>
      {children}
    </button>
  );
}

/** The steps, each a button that saves this one and goes there; the current one marked for screen readers. */
function StepIndicator({ current }: { current: ListingFormStep }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('listingForm.stepsLabel')} className="stepper">
      <ol>
        {LISTING_FORM_STEPS.map((step, index) => (
          <li key={step}>
            <button
              type="submit"
              name="goto"
              value={step}
              className="stepper__step"
              aria-current={step === current ? 'step' : undefined}
            >
              <span className="stepper__number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="visually-hidden">
                {t('listingForm.stepOf', { n: index + 1, total: LISTING_FORM_STEPS.length })}
              </span>
              {t(`listingForm.steps.${step}`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface StepFormProps {
  step: ListingFormStep;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** The review step replaces Save and continue with its own buttons. */
  actions?: ReactNode;
  /** The documents step sends files. */
  encType?: 'multipart/form-data';
  children: ReactNode;
}

export function StepForm({ step, onSubmit, actions, encType, children }: StepFormProps) {
  const { t } = useTranslation();
  const next = stepAfter(step);
  const previous = stepBefore(step);
  return (
    <Form
      method="post"
      encType={encType}
      noValidate
      onSubmit={onSubmit}
      className="step-form"
      aria-labelledby="step-heading"
    >
      {next ? (
        // Enter in a field presses a form's first submit button: let that be "continue", not a step of the indicator.
        <button type="submit" name="goto" value={next} className="visually-hidden" tabIndex={-1} aria-hidden="true" />
      ) : null}
      <StepIndicator current={step} />
      <h2 id="step-heading">{t(`listingForm.steps.${step}`)}</h2>
      {children}
      <div className="step-form__nav">
        {previous ? (
          <GotoButton to={previous} className="button button--secondary">
            {t('listingForm.back')}
          </GotoButton>
        ) : null}
        {next ? (
          <>
            <GotoButton to={step} className="button button--secondary">
              {t('listingForm.save')}
            </GotoButton>
            <GotoButton to={next} className="button">
              {t('listingForm.next')}
            </GotoButton>
          </>
        ) : null}
        {actions}
      </div>
    </Form>
  );
}
