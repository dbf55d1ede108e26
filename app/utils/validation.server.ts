import { z } from 'zod';
import type { Locale } from '~/i18n';
import { DomainError, type FieldErrors } from '~/services/errors.server';

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

/**
 * Parses input with a domain schema, or throws an `invalid` DomainError with a
 * message per field: zod's built-in messages come from its locale packs, our
 * own are locale keys that http.server.ts translates.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(input, { error: zodLocales[locale].localeError });
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new DomainError('invalid', 'errors.badRequestTitle', fieldErrors);
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

/** Form fields named with dots (`organization.name.zh`) as a nested object. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    const path = name.split('.');
    let node = out;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = value;
  }
  return out;
}

/** A JSON request body as an object, or an `invalid` error saying it is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new DomainError('invalid', 'errors.badJson', { _: ['errors.badJson'] });
  }
}
