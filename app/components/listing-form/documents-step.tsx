import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, useValidatedForm } from '~/components/forms';
import { DOCUMENT_VISIBILITIES, listingFormSteps, rowsOf, STANDARD_NDA, type DocumentRowValues } from '~/domain';
import { useLocale } from '~/root';
import { formatFileSize } from '~/utils/format';
import { BilingualField, type AnyForm } from './fields';
import { StepForm } from './step-form';
import type { StepProps } from './step-props';

const ACCEPTED = 'application/pdf,image/png,image/jpeg,image/webp,.pdf,.png,.jpg,.jpeg,.webp';

interface DocumentRowProps {
  form: AnyForm;
  index: number;
  row: DocumentRowValues;
  onRemove: () => void;
}

/** An uploaded document: its name and who may see it; the file itself is fixed (remove and upload again to replace it). */
function DocumentRow({ form, index, row, onRemove }: DocumentRowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = (field: string) => `documents.${index}.${field}`;
  return (
    <fieldset className="document-row">
      <legend>
        {t('documents.row', { n: index + 1 })}{' '}
        <span className="hint">
          {row.contentType ? t(`documents.types.${row.contentType}`, { defaultValue: row.contentType }) : null}
          {row.size ? ` · ${formatFileSize(row.size, locale)}` : null}
        </span>
      </legend>
      {row.id ? <input type="hidden" {...form.register(name('id'))} defaultValue={row.id} /> : null}
      <input type="hidden" {...form.register(name('file'))} defaultValue={row.file} />
      <div className="step-form__columns">
        <TextField
          form={form}
          name={name('name')}
          label={t('documents.name')}
          maxLength={200}
          defaultValue={row.name}
        />
        <SelectField
          form={form}
          name={name('visibility')}
          label={t('documents.visibility')}
          options={DOCUMENT_VISIBILITIES.map((v) => ({ value: v, label: t(`documents.visibilities.${v}`) }))}
          defaultValue={row.visibility}
        />
      </div>
      {/* Without JavaScript a round trip to the server; with it, removed here. */}
      <button
        type="submit"
        name="removeDocument"
        value={index}
        className="link-button"
        onClick={(event) => {
          event.preventDefault();
          onRemove();
        }}
      >
        {t('documents.remove', { name: row.name })}
      </button>
    </fieldset>
  );
}

/** Step 5: the documents (public, or confidential behind the NDA) and the NDA's text. */
export function DocumentsStep({ values, uploadLimitMb }: StepProps & { uploadLimitMb: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = rowsOf(values.documents);
  const { form, onSubmit } = useValidatedForm(listingFormSteps.documents, {
    nda: values.nda ?? {},
    documents: rows,
  } as never);
  const f = form as unknown as AnyForm;
  const { fields, remove } = useFieldArray({ control: f.control, name: 'documents' });
  return (
    <StepForm step="documents" onSubmit={onSubmit} encType="multipart/form-data">
      <p>{t('documents.lead')}</p>
      {fields.length === 0 ? <p className="hint">{t('documents.none')}</p> : null}
      {fields.map((field, index) => (
        <DocumentRow
          key={field.id}
          form={f}
          index={index}
          row={field as DocumentRowValues}
          onRemove={() => remove(index)}
        />
      ))}
      <fieldset className="group upload">
        <legend>{t('documents.upload')}</legend>
        <TextField
          name="file"
          type="file"
          accept={ACCEPTED}
          label={t('documents.file')}
          hint={t('documents.fileHint', { mb: uploadLimitMb })}
        />
        <div className="step-form__columns">
          <TextField name="upload.name" label={t('documents.nameOptional')} maxLength={200} />
          <SelectField
            name="upload.visibility"
            label={t('documents.visibility')}
            options={DOCUMENT_VISIBILITIES.map((v) => ({ value: v, label: t(`documents.visibilities.${v}`) }))}
            defaultValue="confidential"
          />
        </div>
        <button type="submit" name="goto" value="documents" className="button button--secondary">
          {t('documents.uploadButton')}
        </button>
      </fieldset>
      <BilingualField
        form={f}
        values={values}
        name="nda.text"
        label={t('documents.ndaText')}
        hint={t('documents.ndaHint')}
        multiline
        maxLength={20_000}
      />
      <details className="standard-nda">
        <summary>{t('documents.standardNda')}</summary>
        <p className="prewrap" lang={locale === 'zh-CN' ? 'zh-CN' : 'en'}>
          {locale === 'zh-CN' ? STANDARD_NDA.zh : STANDARD_NDA.en}
        </p>
      </details>
    </StepForm>
  );
}
