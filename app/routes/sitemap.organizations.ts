import type { LoaderFunctionArgs } from '@remix-run/node';
import { pageHandler } from '~/utils/http.server';
import { getActor } from '~/utils/session.server';
import { urlSet, xmlResponse } from '~/utils/sitemap.server';

/** GET /sitemap/organizations: every verified member organization's public page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(async () => {
    const orgs = await context.orgs.sitemap(actor);
    return xmlResponse(
      urlSet(
        context.publicUrl,
        orgs.map((o) => ({ path: `/orgs/${o.id}`, updatedAt: o.updatedAt })),
      ),
    );
  });
}
