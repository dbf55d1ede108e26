import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, useValidatedForm } from '~/components/forms';
import { LISTING_KINDS, listingCompleteness, listingFormSteps, type ListingFormValues } from '~/domain';
import { CompletenessPanel } from './completeness-panel';
import { BilingualField, type AnyForm } from './fields';
import { StepForm } from './step-form';
import type { StepProps } from './step-props';

/** Step 1: what the listing is, in both languages, with the completeness score as one types. */
export function BasicsStep({ values, saved }: StepProps) {
  const { t } = useTranslation();
  const { form, onSubmit } = useValidatedForm(listingFormSteps.basics, values as never);
  const f = form as unknown as AnyForm;
  const typed = useWatch({ control: f.control }) as ListingFormValues;
  const text = { form: f, values, multiline: true, maxLength: 4000 };
  return (
    <StepForm step="basics" onSubmit={onSubmit}>
      <div className="step-form__layout">
        <div>
          <SelectField
            form={f}
            name="kind"
            label={t('listingForm.fields.kind')}
            options={LISTING_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            defaultValue={values.kind || 'patent'}
          />
          <BilingualField form={f} values={values} name="title" label={t('listingForm.fields.title')} maxLength={200} />
          <BilingualField
            {...text}
            name="summary"
            label={t('listingForm.fields.summary')}
            hint={t('listingForm.summaryHint')}
          />
          {/* One input for the whole list, so it works without JavaScript: the server splits it. */}
          <TextAreaField
            form={f}
            name="keywords"
            label={t('listingForm.fields.keywords')}
            hint={t('listingForm.keywordsHint')}
            rows={2}
            defaultValue={values.keywords ?? ''}
          />
          <BilingualField {...text} name="problem" label={t('listingForm.fields.problem')} />
          <BilingualField {...text} name="advantages" label={t('listingForm.fields.advantages')} />
          <BilingualField
            {...text}
            name="clinicalUse"
            label={t('listingForm.fields.clinicalUse')}
            hint={t('listingForm.clinicalUseHint')}
          />
          <BilingualField
            {...text}
            name="partnerSought"
            label={t('listingForm.fields.partnerSought')}
            maxLength={2000}
          />
        </div>
        <CompletenessPanel completeness={listingCompleteness({ ...saved, ...typed })} />
      </div>
    </StepForm>
  );
}
