import { useId, type ReactNode } from 'react';
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldHint, FieldMessage, TextAreaField, TextField, useFieldMessages } from '~/components/forms';
import { isTicked, type ListingFormValues } from '~/domain';
import { fieldAt, valueAt } from '~/utils/form-values';

// Inputs the listing form repeats: a text in both languages side by side, an
// amount in major units, a group of inputs with one message for the group.
// Every input shows its value from the server as well (`defaultValue`), so the
// form is filled in without JavaScript too.

export type AnyForm = UseFormReturn<FieldValues>;

type Values = ListingFormValues | Record<string, unknown>;

/** Whether the checkbox at a dotted path is ticked. */
export const tickedAt = (values: Values, path: string) => isTicked(fieldAt(values, path));

interface BilingualFieldProps {
  form: AnyForm;
  values: Values;
  name: string;
  label: string;
  hint?: string;
  multiline?: boolean;
  maxLength: number;
}

/** One text in Chinese and English, side by side (stacked on a phone); the rules ask for at least one. */
export function BilingualField({ form, values, name, label, hint, multiline = false, maxLength }: BilingualFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const languages = [
    { key: 'zh', lang: 'zh-CN', label: t('listingForm.zh') },
    { key: 'en', lang: 'en', label: t('listingForm.en') },
  ] as const;
  return (
    <fieldset className="bilingual" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{label}</legend>
      <FieldHint id={id} hint={hint} />
      <div className="bilingual__pair">
        {languages.map(({ key, lang, label: language }) => {
          const field = {
            form,
            name: `${name}.${key}`,
            label: language,
            lang,
            maxLength,
            defaultValue: valueAt(values, `${name}.${key}`),
          };
          return multiline ? <TextAreaField key={key} {...field} rows={4} /> : <TextField key={key} {...field} />;
        })}
      </div>
    </fieldset>
  );
}

interface MoneyFieldProps {
  form: AnyForm;
  values: Values;
  /** The money's path (`askingPrice`); its inputs are `.amount` and a hidden `.currency`. */
  name: string;
  label: string;
  hint?: string;
}

/** An amount typed in major units (yuan), in the currency the listing already uses (CNY for a new one). */
export function MoneyField({ form, values, name, label, hint }: MoneyFieldProps) {
  const { t } = useTranslation();
  const currency = valueAt(values, `${name}.currency`) || 'CNY';
  const currencyInput = form.register(`${name}.currency` as FieldPath<FieldValues>);
  return (
    <>
      <TextField
        form={form}
        name={`${name}.amount`}
        label={t('listingForm.moneyLabel', { label, currency: t(`listingForm.currencies.${currency}`) })}
        hint={hint}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={valueAt(values, `${name}.amount`)}
      />
      <input type="hidden" {...currencyInput} defaultValue={currency} />
    </>
  );
}

interface FieldGroupProps {
  form: AnyForm;
  /** Where the group's own messages arrive (`dealTypes`, `auction`). */
  name: string;
  legend: string;
  hint?: string;
  children: ReactNode;
}

/** A fieldset whose rules span its inputs (choose at least one, an auction needs a sale): their message shows under the legend. */
export function FieldGroup({ form, name, legend, hint, children }: FieldGroupProps) {
  const { id, error, describedBy } = useFieldMessages(form, name, hint);
  return (
    <fieldset className="group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldMessage id={`${id}-error`} error={error} />
      {children}
    </fieldset>
  );
}
