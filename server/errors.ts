// Typed domain errors. Services throw them; app/utils/http.server.ts maps them
// to HTTP statuses and problem+json once, for pages and the API alike. Messages
// and field messages that start with `validation.` or `errors.` are locale keys.

export type FieldErrors = Record<string, string[]>;

export type DomainErrorCode = 'not_found' | 'forbidden' | 'unauthorized' | 'conflict' | 'invalid' | 'rate_limited';

export class DomainError extends Error {
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

export const notFound = (what = 'resource') => new DomainError('not_found', `${what} not found`);
export const forbidden = (message = 'errors.forbidden') => new DomainError('forbidden', message);
export const unauthorized = (message = 'errors.unauthorized') => new DomainError('unauthorized', message);
export const conflict = (message: string, fieldErrors: FieldErrors = {}) =>
  new DomainError('conflict', message, fieldErrors);
export const invalid = (fieldErrors: FieldErrors, message = 'errors.badRequestTitle') =>
  new DomainError('invalid', message, fieldErrors);
export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError('rate_limited', 'errors.rateLimited', {}, retryAfterSeconds);
