import { Form } from '@remix-run/react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '~/components/offer-terms';
import { SelectField, SubmitButton, TextAreaField, TextField, useValidatedForm } from '~/components/forms';
import { CURRENCIES, MONEY_FIELDS, OFFER_EXPIRY_DAYS, TEXT_FIELDS, offerForm, type DealTypeKey } from '~/domain';

export interface OfferFormProps {
  dealType: DealTypeKey;
  /** Where the form posts (the offer page, or the thread page for a counter). */
  action: string;
  /** A counter posts `intent=counter` to the thread page. */
  intent?: string;
  /** The offer a counter answers. */
  offerId?: string;
  submitLabel: string;
  /** The form's values: the last submission's, or the terms a counter starts from. */
  defaults?: Record<string, unknown>;
}

/**
 * The terms of one deal type, a message and the expiry, as a real form: it
 * posts without JavaScript, and with it react-hook-form checks it first with
 * the schema the server parses (offerForm). Amounts are typed in major units.
 */
export function OfferForm({ dealType, action, intent, offerId, submitLabel, defaults = {} }: OfferFormProps) {
  const { t } = useTranslation();
  const { form, onSubmit } = useValidatedForm<FieldValues>(offerForm, defaults);
  const text = (name: string) => {
    const value = name.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], defaults);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  return (
    <Form method="post" action={action} onSubmit={onSubmit} noValidate>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {offerId ? <input type="hidden" name="offerId" value={offerId} /> : null}
      <input type="hidden" {...form.register('terms.dealType')} defaultValue={dealType} />
      {MONEY_FIELDS[dealType].length > 0 ? (
        <SelectField
          form={form}
          name="currency"
          label={t('offers.fields.currency')}
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          defaultValue={text('currency') ?? 'CNY'}
        />
      ) : null}
      {MONEY_FIELDS[dealType].map(({ name, optional }) => (
        <TextField
          key={name}
          form={form}
          name={`terms.${name}.amount`}
          label={t(fieldLabel(name))}
          inputMode="decimal"
          required={!optional}
          defaultValue={text(`terms.${name}.amount`)}
        />
      ))}
      {TEXT_FIELDS[dealType].map(({ name, kind, optional }) => (
        <TextField
          key={name}
          form={form}
          name={`terms.${name}`}
          label={t(fieldLabel(name))}
          inputMode={kind === 'number' ? 'decimal' : undefined}
          required={!optional}
          defaultValue={text(`terms.${name}`)}
        />
      ))}
      <TextField
        form={form}
        name="expiresInDays"
        label={t('offers.make.expiresInDays')}
        hint={t('offers.make.expiresHint')}
        inputMode="numeric"
        defaultValue={text('expiresInDays') ?? String(OFFER_EXPIRY_DAYS.default)}
      />
      <TextAreaField
        form={form}
        name="message"
        label={t('offers.make.message')}
        rows={4}
        defaultValue={text('message')}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
