import { zodResolver } from '@hookform/resolvers/zod';
import { Form, useActionData, useNavigation, useSubmit } from '@remix-run/react';
import { useId, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { useForm, type FieldValues, type UseFormReturn, type DefaultValues, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useLocale } from '~/root';

// Forms: react-hook-form validates with the same zod schema the server parses
// again; the browser then submits the ordinary form, so the no-JavaScript path
// and the JavaScript path send the same fields (dotted names for nesting).

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

export interface ActionErrors {
  formError: string | null;
  fieldErrors: Record<string, string[]>;
}

export function useValidatedForm<T extends FieldValues>(schema: z.ZodType, defaultValues?: DefaultValues<T>) {
  const locale = useLocale();
  const submit = useSubmit();
  const form = useForm<T>({
    // The resolver's generics cannot see through our transforms; the values it returns are not used.
    resolver: zodResolver(schema as never, { error: zodLocales[locale].localeError } as never) as never,
    mode: 'onTouched',
    // Fields that are not on screen are not submitted either; keep the check in step.
    shouldUnregister: true,
    defaultValues,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The button pressed is part of the submission (Next, Back, Save…), as without JavaScript.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const element = submitter instanceof HTMLButtonElement ? submitter : event.currentTarget;
    void form.handleSubmit(() => submit(element))(event);
  };
  return { form, onSubmit };
}

function messageAt(errors: unknown, path: string): string | undefined {
  const node = path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], errors);
  return (node as { message?: string } | undefined)?.message;
}

/** The error to show for a field: the browser's check first, else the server's answer. */
export function useFieldError(form: UseFormReturn<FieldValues> | undefined, name: string): string | undefined {
  const { t } = useTranslation();
  const actionData = useActionData<ActionErrors>();
  const client = form ? messageAt(form.formState.errors, name) : undefined;
  if (client) return client.startsWith('validation.') ? String(t(client)) : client;
  return actionData?.fieldErrors?.[name]?.[0];
}

export function FieldMessage({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {error}
    </p>
  );
}

type FieldProps<Element extends 'input' | 'textarea'> = Omit<ComponentProps<Element>, 'name' | 'form'> & {
  form?: UseFormReturn<FieldValues>;
  name: string;
  label: string;
  hint?: string;
};

/** The error of a field or group, and the ids that tie it and the hint to their control for screen readers. */
export function useFieldMessages(form: UseFormReturn<FieldValues> | undefined, name: string, hint: string | undefined) {
  const id = useId();
  const error = useFieldError(form, name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy };
}

/** useFieldMessages, and the control's registration with the form. */
function useFieldWiring(form: UseFormReturn<FieldValues> | undefined, name: string, hint: string | undefined) {
  const { id, error, describedBy } = useFieldMessages(form, name, hint);
  const registered = form ? form.register(name as FieldPath<FieldValues>) : { name };
  return {
    id,
    error,
    control: { id, ...registered, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy },
  };
}

export function FieldHint({ id, hint }: { id: string; hint: string | undefined }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  );
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ form, name, label, hint, ...input }: FieldProps<'input'>) {
  const { id, error, control } = useFieldWiring(form, name, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
      <input {...input} {...control} />
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

/** TextField for longer text. */
export function TextAreaField({ form, name, label, hint, ...textarea }: FieldProps<'textarea'>) {
  const { id, error, control } = useFieldWiring(form, name, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
      <textarea {...textarea} {...control} />
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

/** A checkbox that posts `true` when ticked (and nothing when not), its label beside it. */
export function CheckboxField({ form, name, label, hint, ...input }: Omit<FieldProps<'input'>, 'type' | 'value'>) {
  const { id, error, control } = useFieldWiring(form, name, hint);
  return (
    <div className="field field--checkbox">
      <div className="checkbox">
        <input {...input} {...control} type="checkbox" value="true" />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldHint id={id} hint={hint} />
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

export function SelectField({
  form,
  name,
  label,
  options,
  defaultValue,
}: {
  form?: UseFormReturn<FieldValues>;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const id = useId();
  const error = useFieldError(form, name);
  const registered = form ? form.register(name as FieldPath<FieldValues>) : { name };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        defaultValue={defaultValue}
        {...registered}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

/** The form-level message (wrong password, too many attempts) from the last submission. */
export function FormError() {
  const actionData = useActionData<ActionErrors>();
  if (!actionData?.formError) return null;
  return (
    <p className="form-error" role="alert">
      {actionData.formError}
    </p>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  const navigation = useNavigation();
  return (
    <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
      {children}
    </button>
  );
}

export { Form };
