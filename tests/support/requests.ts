import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { createAppServices } from '../../server/app-context.ts';

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<Response> | Response;

export interface CallOptions {
  method?: string;
  json?: unknown;
  form?: Record<string, string>;
  /** A multipart body (uploads); fetch sets its Content-Type with the boundary. */
  multipart?: FormData;
  /** A body sent byte for byte as given (signed webhooks). */
  raw?: string;
  headers?: Record<string, string>;
  cookie?: string | null;
  params?: Record<string, string>;
  ip?: string;
}

const services = createAppServices();

/** Calls a route's loader or action as Remix would, with a real Request and the server's load context. */
export async function call(handler: Handler, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set('Cookie', options.cookie);
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = new URLSearchParams(options.form);
  } else if (options.multipart) {
    body = options.multipart;
  } else if (options.raw !== undefined) {
    body = options.raw;
  }
  const request = new Request(`http://localhost${path}`, {
    method: options.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
  });
  try {
    const context = { ...services, clientIp: options.ip ?? '203.0.113.7', cspNonce: '' };
    return await handler({ request, params: options.params ?? {}, context });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The `name=value` part of the session cookie a response sets. */
export function sessionFrom(response: Response): string | null {
  const header = response.headers.get('Set-Cookie') ?? '';
  const match = /medip_session=([^;]*)/.exec(header);
  return match && match[1] ? `medip_session=${match[1]}` : null;
}
