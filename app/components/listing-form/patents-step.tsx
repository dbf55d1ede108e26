import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, useFieldError, useValidatedForm } from '~/components/forms';
import {
  listingFormSteps,
  PATENT_JURISDICTIONS,
  PATENT_STATUSES,
  PATENT_TYPES,
  remainingLifeDays,
  rowsOf,
  type PatentRowValues,
} from '~/domain';
import { BilingualField, type AnyForm } from './fields';
import { StepForm } from './step-form';
import type { StepProps } from './step-props';

const EMPTY_ROW: PatentRowValues = { jurisdiction: 'CN', type: 'invention', status: 'filed' };

const date = (text: string | undefined) => (text && !Number.isNaN(Date.parse(text)) ? new Date(text) : null);

/** The remaining life the row's dates give, as the listing page will show it. */
function RemainingLife({ row }: { row: PatentRowValues }) {
  const { t } = useTranslation();
  // Unknown offices or types have no statutory term: the function answers null for them.
  const facts = { ...row, filingDate: date(row.filingDate), expiryDate: date(row.expiryDate) };
  const days = remainingLifeDays(facts as Parameters<typeof remainingLifeDays>[0]);
  const life =
    days === null
      ? t('listingForm.lifeUnknown')
      : days === 0
        ? t('listing.lapsed')
        : t('listing.years', { years: (days / 365.25).toFixed(1) });
  return (
    <p className="patent-row__life" aria-live="polite">
      {t('listingForm.remainingLife', { life })}
    </p>
  );
}

interface PatentRowProps {
  form: AnyForm;
  index: number;
  /** The row as the server rendered it (its inputs' initial values). */
  row: PatentRowValues;
  onRemove: () => void;
}

function PatentRow({ form, index, row, onRemove }: PatentRowProps) {
  const { t } = useTranslation();
  const name = (field: string) => `patents.${index}.${field}`;
  const typed = useWatch({ control: form.control, name: `patents.${index}` }) as PatentRowValues | undefined;
  const select = (
    field: 'jurisdiction' | 'type' | 'status',
    label: string,
    options: { value: string; label: string }[],
  ) => <SelectField form={form} name={name(field)} label={label} options={options} defaultValue={row[field]} />;
  const text = (field: 'number' | 'filingDate' | 'grantDate' | 'expiryDate' | 'ipc') => ({
    form,
    name: name(field),
    defaultValue: row[field] ?? '',
  });
  return (
    <fieldset className="patent-row">
      <legend>{t('listingForm.patent', { n: index + 1 })}</legend>
      <div className="step-form__columns">
        <TextField
          {...text('number')}
          label={t('listingForm.patentFields.number')}
          hint={t('listingForm.patentNumberHint')}
          autoComplete="off"
          spellCheck={false}
        />
        {select(
          'jurisdiction',
          t('listingForm.patentFields.jurisdiction'),
          PATENT_JURISDICTIONS.map((j) => ({ value: j, label: j })),
        )}
        {select(
          'type',
          t('listingForm.patentFields.type'),
          PATENT_TYPES.map((type) => ({ value: type, label: t(`patentTypes.${type}`) })),
        )}
        {select(
          'status',
          t('listingForm.patentFields.status'),
          PATENT_STATUSES.map((status) => ({ value: status, label: t(`patentStatuses.${status}`) })),
        )}
        <TextField {...text('filingDate')} type="date" label={t('listingForm.patentFields.filingDate')} />
        <TextField {...text('grantDate')} type="date" label={t('listingForm.patentFields.grantDate')} />
        <TextField
          {...text('expiryDate')}
          type="date"
          label={t('listingForm.patentFields.expiryDate')}
          hint={t('listingForm.expiryHint')}
        />
        <TextField {...text('ipc')} label={t('listingForm.patentFields.ipc')} hint={t('listingForm.ipcHint')} />
      </div>
      <BilingualField
        form={form}
        values={{ patents: { [index]: row } }}
        name={name('title')}
        label={t('listingForm.patentFields.title')}
        maxLength={300}
      />
      <RemainingLife row={{ ...row, ...typed }} />
      {/* Without JavaScript a round trip to the server; with it, removed here. */}
      <button
        type="submit"
        name="removePatent"
        value={index}
        className="link-button"
        onClick={(event) => {
          event.preventDefault();
          onRemove();
        }}
      >
        {t('listingForm.removePatent', { n: index + 1 })}
      </button>
    </fieldset>
  );
}

/** Step 3: the patents, one row each; rows are added and removed with or without JavaScript. */
export function PatentsStep({ values, saved }: StepProps) {
  const { t } = useTranslation();
  const rows = rowsOf(values.patents);
  const { form, onSubmit } = useValidatedForm(listingFormSteps.patents, {
    // A patent listing starts with a row to fill in.
    patents: rows.length || saved.kind !== 'patent' ? rows : [EMPTY_ROW],
  } as never);
  const f = form as unknown as AnyForm;
  const { fields, append, remove } = useFieldArray({ control: f.control, name: 'patents' });
  const listError = useFieldError(f, 'patents');
  return (
    <StepForm step="patents" onSubmit={onSubmit}>
      <p>{t('listingForm.patentsLead')}</p>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {fields.length === 0 ? <p className="hint">{t('listingForm.noPatents')}</p> : null}
      {fields.map((field, index) => (
        <PatentRow
          key={field.id}
          form={f}
          index={index}
          row={field as PatentRowValues}
          onRemove={() => remove(index)}
        />
      ))}
      <button
        type="submit"
        name="addPatent"
        value="1"
        className="button button--secondary"
        onClick={(event) => {
          event.preventDefault();
          append(EMPTY_ROW);
        }}
      >
        {t('listingForm.addPatent')}
      </button>
    </StepForm>
  );
}
