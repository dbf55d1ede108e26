import type { TFunction } from 'i18next';
import { z } from 'zod';
import { DomainError, type FieldErrors } from '~/services/errors.server';
import type { Locale } from '~/i18n';

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

/**
 * Parses input with a domain schema and throws an `invalid` DomainError whose
 * field errors are in the reader's language: our own messages are locale keys
 * (`validation.*`), zod's built-in ones come from its locale packs.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale, t: TFunction): z.output<S> {
  const result = schema.safeParse(input, { error: zodLocales[locale].localeError });
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    const params = issue.code === 'custom' ? (issue.params ?? {}) : {};
    const message = issue.message.startsWith('validation.') ? String(t(issue.message, params)) : issue.message;
    (fieldErrors[field] ??= []).push(message);
  }
  throw new DomainError('invalid', t('errors.badRequestTitle'), fieldErrors);
}

/** The query string as an object, repeated keys as arrays (`?kind=a&kind=b`). */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}
