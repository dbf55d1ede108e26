export { DomainError, type FieldErrors } from '../../server/errors.ts';
