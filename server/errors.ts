// Typed domain errors. Services throw them; app/utils/http.server.ts maps them
// to HTTP statuses and problem+json once, for pages and the API alike. Messages
// and field messages that start with `validation.` or `errors.` are locale keys.

export type FieldErrors = Record<string, string[]>;

export type DomainErrorCode = 'not_found' | 'forbidden' | 'unauthorized' | 'conflict' | 'invalid' | 'rate_limited';

// The Remix bundle carries its own copy of this pure module, so `instanceof`
// cannot tell a service's error from one made in app/: a registry-wide symbol can.
const DOMAIN_ERROR = Symbol.for('medip.DomainError');

export class DomainError extends Error {
  readonly [DOMAIN_ERROR] = true;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[DOMAIN_ERROR] === true;
}

export const notFound = (what = 'resource') => new DomainError('not_found', `${what} not found`);
export const forbidden = (message = 'errors.forbidden') => new DomainError('forbidden', message);
export const unauthorized = (message = 'errors.unauthorized') => new DomainError('unauthorized', message);
export const conflict = (message: string, fieldErrors: FieldErrors = {}) =>
  new DomainError('conflict', message, fieldErrors);
export const invalid = (fieldErrors: FieldErrors, message = 'errors.badRequestTitle') =>
  new DomainError('invalid', message, fieldErrors);
export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError('rate_limited', 'errors.rateLimited', {}, retryAfterSeconds);

/** A zod parse's problems by field (`patents.0.number`; `fallback` for the whole input): an `invalid` error's fields. */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fallback = '_',
): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) (fieldErrors[issue.path.map(String).join('.') || fallback] ??= []).push(issue.message);
  return fieldErrors;
}
