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
    const element = event.currentTarget;
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

function FieldMessage({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {error}
    </p>
  );
}

interface FieldProps extends Omit<ComponentProps<'input'>, 'name' | 'form'> {
  form?: UseFormReturn<FieldValues>;
  name: string;
  label: string;
  hint?: string;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ form, name, label, hint, ...input }: FieldProps) {
  const id = useId();
  const error = useFieldError(form, name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const registered = form ? form.register(name as FieldPath<FieldValues>) : { name };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        {...input}
        {...registered}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
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
