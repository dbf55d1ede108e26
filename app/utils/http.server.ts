import { json } from '@remix-run/node';
import { DomainError } from '~/services/errors.server';
import { logger } from '~/services/logger.server';

// One mapping from domain errors to HTTP, for pages (thrown responses caught by
// the error boundaries) and for the API (RFC 9457 problem+json).

const STATUS: Record<DomainError['code'], number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

export function problem(status: number, title: string, extra: Record<string, unknown> = {}, headers?: HeadersInit) {
  return json(
    { type: 'about:blank', title, status, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers } },
  );
}

/** Runs an API handler; domain errors become problem+json, anything else a 500 without details. */
export async function apiHandler(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error instanceof DomainError) {
      return problem(STATUS[error.code], error.message, error.code === 'invalid' ? { errors: error.fieldErrors } : {});
    }
    logger.error({ err: error }, 'API request failed');
    return problem(500, 'Internal Server Error');
  }
}

/** For page loaders: a domain error becomes a thrown response for the error boundary. */
export async function pageHandler<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) {
      throw json({ message: error.message, errors: error.fieldErrors }, { status: STATUS[error.code] });
    }
    throw error;
  }
}
