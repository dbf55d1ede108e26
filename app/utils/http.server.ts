import type { AppLoadContext } from '@remix-run/node';
import { json } from '@remix-run/node';
import { isDomainError, type DomainError, type FieldErrors } from '~/domain';
import { translatorFor, type Locale } from '~/i18n';
import { fieldsSent } from '~/utils/validation.server';
import { getLocale } from '~/utils/locale.server';

// One mapping from domain errors to HTTP, for pages, forms and the API
// (RFC 9457 problem+json), and the one place their locale keys are translated.

const STATUS: Record<DomainError['code'], number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

const isKey = (message: string) => /^(validation|errors)\.[\w.]+$/.test(message);

function translateMessage(message: string, locale: Locale): string {
  return isKey(message) ? String(translatorFor(locale)(message)) : message;
}

function translateFieldErrors(fieldErrors: FieldErrors, locale: Locale): FieldErrors {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((m) => translateMessage(m, locale))]),
  );
}

function errorHeaders(error: DomainError): Record<string, string> {
  return error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}, headers?: HeadersInit) {
  return json(
    { type: 'about:blank', title, status, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers } },
  );
}

/** Runs an API handler; domain errors become problem+json, anything else a 500 without details. */
export async function apiHandler(
  { request, context }: { request: Request; context: AppLoadContext },
  run: () => Promise<Response>,
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Response) throw error;
    if (isDomainError(error)) {
      const locale = await getLocale(request);
      return problem(
        STATUS[error.code],
        translateMessage(error.message, locale),
        error.code === 'invalid' || error.code === 'conflict'
          ? { errors: translateFieldErrors(error.fieldErrors, locale) }
          : {},
        errorHeaders(error),
      );
    }
    context.logger.error({ err: error }, 'API request failed');
    return problem(500, 'Internal Server Error');
  }
}

/** For page loaders: a domain error becomes a thrown response for the error boundary. */
export async function pageHandler<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error)) {
      throw json({ message: error.message }, { status: STATUS[error.code], headers: errorHeaders(error) });
    }
    throw error;
  }
}

export interface FormErrors {
  formError: string | null;
  fieldErrors: FieldErrors;
  /** With `keepInput`: the fields as sent, so the form shows them again beside the messages. */
  values?: Record<string, unknown>;
}

/**
 * For form actions: domain errors come back as the form's data, translated,
 * with their status, so the page shows them beside the fields. `keepInput`
 * sends the fields back too (nothing typed is lost); never for forms with a
 * password, which must not travel back into the page.
 */
export async function formHandler(
  request: Request,
  run: () => Promise<Response>,
  { keepInput = false }: { keepInput?: boolean } = {},
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const locale = await getLocale(request);
    const fieldErrors = translateFieldErrors(error.fieldErrors, locale);
    const hasFields = Object.keys(fieldErrors).length > 0;
    const values = keepInput ? fieldsSent(request) : null;
    return json<FormErrors>(
      {
        formError: hasFields && error.code === 'invalid' ? null : translateMessage(error.message, locale),
        fieldErrors,
        ...(values ? { values } : {}),
      },
      { status: STATUS[error.code], headers: errorHeaders(error) },
    );
  }
}

export function methodNotAllowed(allow: string) {
  return problem(405, 'Method Not Allowed', {}, { Allow: allow });
}
