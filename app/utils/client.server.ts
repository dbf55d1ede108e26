import type { AppLoadContext } from '@remix-run/node';
import type { ClientContext } from '../../server/auth/index.ts';
import { getLocale } from '~/utils/locale.server';

/** The caller's address (set by server/main.ts from Express) and language. */
export async function clientContext(request: Request, context: AppLoadContext): Promise<ClientContext> {
  const ip = typeof context.clientIp === 'string' ? context.clientIp : '';
  return { ip, locale: await getLocale(request) };
}
