import { z } from 'zod';
import type { Locale } from '~/i18n';
import { DomainError, fieldErrorsOf } from '~/domain';

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

/**
 * Parses input with a domain schema, or throws an `invalid` DomainError with a
 * message per field: zod's built-in messages come from its locale packs, our
 * own are locale keys that http.server.ts translates.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(input, { error: zodLocales[locale].localeError });
  if (result.success) return result.data;
  throw new DomainError('invalid', 'errors.badRequestTitle', fieldErrorsOf(result.error.issues));
}

/** The query string as an object, repeated keys as arrays (`?kind=a&kind=b`); no prototype, so `?__proto__=…` is a plain key. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

/** Path segments that would reach an object's prototype chain if ever used as keys. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
/** Far more than any of our forms has; a body with more fields is not one of ours. */
export const MAX_FORM_FIELDS = 1000;
/** Deepest dotted name (`organization.name.zh` is 3). */
const MAX_FIELD_DEPTH = 8;

const badForm = () => new DomainError('invalid', 'errors.badForm', { _: ['errors.badForm'] });

const isNode = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Form fields named with dots (`organization.name.zh`) as a nested object.
 * Every object is made without a prototype, and a name with a `__proto__`,
 * `prototype` or `constructor` segment is refused (400), so no field name can
 * reach Object.prototype. A name used both as a value and as a parent
 * (`organization=x&organization.name.zh=y`) is a field error on that name.
 * Repeated names keep their last value.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  let count = 0;
  for (const [name, value] of form.entries()) {
    if (++count > MAX_FORM_FIELDS) throw badForm();
    const path = name.split('.');
    if (path.length > MAX_FIELD_DEPTH || path.some((key) => FORBIDDEN_KEYS.has(key))) throw badForm();
    if (typeof value !== 'string') continue;
    let node = out;
    for (const [depth, key] of path.slice(0, -1).entries()) {
      const child = Object.hasOwn(node, key) ? node[key] : (node[key] = Object.create(null));
      if (!isNode(child)) throw conflictingField(path.slice(0, depth + 1).join('.'));
      node = child;
    }
    const leaf = path.at(-1)!;
    if (Object.hasOwn(node, leaf) && isNode(node[leaf])) throw conflictingField(name);
    node[leaf] = value;
  }
  return out;
}

function conflictingField(field: string) {
  return new DomainError('invalid', 'errors.badRequestTitle', { [field]: ['validation.fieldConflict'] });
}

/**
 * A field an action reads itself (an id, an intent, a button), as text: '' when
 * it was not sent. A name sent only with dots (`id.x=1`) reads as a group: that
 * is a 400 field error on the name, never a group taken for text (String() of a
 * prototype-less object throws) nor for an absent field (another branch).
 */
export function formText(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  throw new DomainError('invalid', 'errors.badRequestTitle', { [name]: ['validation.textExpected'] });
}

/**
 * A form post's fields as a nested object (see formDataToObject). A body that
 * is not form data (JSON, another or no content type, malformed multipart, a
 * body cut short) is an `invalid` error with the form message `errors.badForm`.
 */
export async function readForm(request: Request): Promise<Record<string, unknown>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') throw badForm();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw badForm();
  }
  return rememberFields(request, formDataToObject(form));
}

const fieldsRead = new WeakMap<Request, Record<string, unknown>>();

/** Notes the fields a request's form post carried (what `fieldsSent` answers). */
export function rememberFields(request: Request, fields: Record<string, unknown>): Record<string, unknown> {
  fieldsRead.set(request, fields);
  return fields;
}

/** The fields read from this request's form post, if it was read. */
export const fieldsSent = (request: Request): Record<string, unknown> | null => fieldsRead.get(request) ?? null;

/** A JSON request body as an object, or an `invalid` error saying it is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new DomainError('invalid', 'errors.badJson', { _: ['errors.badJson'] });
  }
}

/** A JSON body for actions whose fields are all optional: no body at all reads as `{}`. */
export async function readOptionalJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('invalid', 'errors.badJson', { _: ['errors.badJson'] });
  }
}
