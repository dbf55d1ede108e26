import type { AppLoadContext } from '@remix-run/node';
import type { ClientContext } from '~/domain';
import { getLocale } from '~/utils/locale.server';

/** The caller's address (set by server/main.ts from Express) and language. */
export async function clientContext(request: Request, context: AppLoadContext): Promise<ClientContext> {
  return { ip: context.clientIp, locale: await getLocale(request) };
}
