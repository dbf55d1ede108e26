import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, useValidatedForm } from '~/components/forms';
import { CATEGORIES, CE_STATUSES, FDA_STATUSES, listingFormSteps, NMPA_CLASSES, STAGES } from '~/domain';
import type { AnyForm } from './fields';
import { StepForm } from './step-form';
import type { StepProps } from './step-props';

const TRL_LEVELS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Step 2: the field, regulatory status and maturity; the confidential details. */
export function TechnologyStep({ values }: StepProps) {
  const { t } = useTranslation();
  const { form, onSubmit } = useValidatedForm(listingFormSteps.technology, values as never);
  const f = form as unknown as AnyForm;
  // A new listing starts with nothing chosen, so a forgotten choice is asked for rather than guessed.
  const choices = (keys: readonly string[], label: (key: string) => string) => [
    { value: '', label: t('listingForm.choose') },
    ...keys.map((key) => ({ value: key, label: label(key) })),
  ];
  return (
    <StepForm step="technology" onSubmit={onSubmit}>
      <div className="step-form__columns">
        <SelectField
          form={f}
          name="category"
          label={t('listingForm.fields.category')}
          options={choices(CATEGORIES, (c) => t(`categories.${c}`))}
          defaultValue={values.category ?? ''}
        />
        <SelectField
          form={f}
          name="nmpaClass"
          label={t('listingForm.fields.nmpaClass')}
          options={choices(NMPA_CLASSES, (c) => t(`nmpaClasses.${c}`))}
          defaultValue={values.nmpaClass ?? ''}
        />
        <SelectField
          form={f}
          name="regulatory.fda"
          label={t('listingForm.fda')}
          options={FDA_STATUSES.map((s) => ({ value: s, label: t(`fda.${s}`) }))}
          defaultValue={values.regulatory?.fda ?? 'none'}
        />
        <SelectField
          form={f}
          name="regulatory.ce"
          label={t('listingForm.ce')}
          options={CE_STATUSES.map((s) => ({ value: s, label: t(`ce.${s}`) }))}
          defaultValue={values.regulatory?.ce ?? 'none'}
        />
        <SelectField
          form={f}
          name="trl"
          label={t('listingForm.fields.trl')}
          options={choices(TRL_LEVELS, (level) =>
            t('listingForm.trlOption', { level, meaning: t(`listingForm.trlLevels.${level}`) }),
          )}
          defaultValue={values.trl ?? ''}
        />
        <SelectField
          form={f}
          name="stage"
          label={t('listingForm.fields.stage')}
          options={choices(STAGES, (s) => t(`stages.${s}`))}
          defaultValue={values.stage ?? ''}
        />
      </div>
      <TextAreaField
        form={f}
        name="confidential.details"
        label={t('listingForm.fields.confidential')}
        hint={t('listingForm.confidentialHint')}
        rows={5}
        maxLength={20_000}
        defaultValue={values.confidential?.details ?? ''}
      />
    </StepForm>
  );
}
