import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField, useValidatedForm } from '~/components/forms';
import { DEAL_TYPES, listingFormSteps } from '~/domain';
import { FieldGroup, MoneyField, tickedAt, type AnyForm } from './fields';
import { StepForm } from './step-form';
import type { StepProps } from './step-props';

/** Step 4: what is offered and on which terms; licence terms, auction and equity only when filled in. */
export function TermsStep({ values, saved }: StepProps) {
  const { t } = useTranslation();
  const { form, onSubmit } = useValidatedForm(listingFormSteps.terms, values as never);
  const f = form as unknown as AnyForm;
  // Only incubation projects sell equity.
  const project = saved.kind === 'project';
  const dealTypes = DEAL_TYPES.filter((d) => d !== 'equity' || project);
  const money = { form: f, values };
  const ticked = (path: string) => tickedAt(values, path);
  return (
    <StepForm step="terms" onSubmit={onSubmit}>
      <FieldGroup form={f} name="dealTypes" legend={t('listingForm.fields.dealTypes')}>
        {dealTypes.map((d) => (
          <CheckboxField
            key={d}
            form={f}
            name={`dealTypes.${d}`}
            label={t(`dealTypes.${d}`)}
            defaultChecked={ticked(`dealTypes.${d}`)}
          />
        ))}
      </FieldGroup>

      <MoneyField {...money} name="askingPrice" label={t('listingForm.fields.askingPrice')} />
      <CheckboxField
        form={f}
        name="priceOnRequest"
        label={t('listingForm.priceOnRequest')}
        defaultChecked={ticked('priceOnRequest')}
      />

      <FieldGroup
        form={f}
        name="licenseTerms"
        legend={t('listingForm.fields.licenseTerms')}
        hint={t('listingForm.licenseTermsHint')}
      >
        <div className="step-form__columns">
          <MoneyField {...money} name="licenseTerms.upfront" label={t('listingForm.upfront')} />
          <TextField
            form={f}
            name="licenseTerms.royaltyPercent"
            label={t('listingForm.royaltyPercent')}
            inputMode="decimal"
            defaultValue={values.licenseTerms?.royaltyPercent ?? ''}
          />
          <MoneyField {...money} name="licenseTerms.minimumAnnual" label={t('listingForm.minimumAnnual')} />
        </div>
        <CheckboxField
          form={f}
          name="licenseTerms.openLicense"
          label={t('listingForm.openLicense')}
          defaultChecked={ticked('licenseTerms.openLicense')}
        />
      </FieldGroup>

      <FieldGroup form={f} name="auction" legend={t('listingForm.fields.auction')} hint={t('listingForm.auctionHint')}>
        <div className="step-form__columns">
          <MoneyField {...money} name="auction.startingPrice" label={t('listingForm.startingPrice')} />
          <MoneyField
            {...money}
            name="auction.reserve"
            label={t('listingForm.reserve')}
            hint={t('listingForm.reserveHint')}
          />
          <MoneyField {...money} name="auction.minimumIncrement" label={t('listingForm.minimumIncrement')} />
          <TextField
            form={f}
            name="auction.endsAt"
            type="datetime-local"
            label={t('listingForm.endsAt')}
            hint={t('listingForm.endsAtHint')}
            defaultValue={values.auction?.endsAt ?? ''}
          />
        </div>
      </FieldGroup>

      {project ? (
        <FieldGroup form={f} name="equityOffered" legend={t('listingForm.fields.equityOffered')}>
          <div className="step-form__columns">
            <TextField
              form={f}
              name="equityOffered.percent"
              label={t('listingForm.equityPercent')}
              inputMode="decimal"
              defaultValue={values.equityOffered?.percent ?? ''}
            />
            <MoneyField {...money} name="equityOffered.valuation" label={t('listingForm.valuation')} />
          </div>
        </FieldGroup>
      ) : null}
    </StepForm>
  );
}
