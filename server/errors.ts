// Typed domain errors. Services throw them; app/utils/http.server.ts maps them
// to HTTP statuses and problem+json once, for pages and the API alike.

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: 'not_found' | 'forbidden' | 'unauthorized' | 'conflict' | 'invalid',
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'resource') => new DomainError('not_found', `${what} not found`);
export const forbidden = (message = 'not allowed') => new DomainError('forbidden', message);
export const conflict = (message: string, fieldErrors: FieldErrors = {}) =>
  new DomainError('conflict', message, fieldErrors);
export const invalid = (fieldErrors: FieldErrors, message = 'invalid input') =>
  new DomainError('invalid', message, fieldErrors);
