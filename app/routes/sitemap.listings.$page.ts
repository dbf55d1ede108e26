import type { LoaderFunctionArgs } from '@remix-run/node';
import { SITEMAP_PAGE_SIZE } from '~/domain';
import { pageHandler } from '~/utils/http.server';
import { getActor } from '~/utils/session.server';
import { urlSet, xmlResponse } from '~/utils/sitemap.server';

/** GET /sitemap/listings/:page: up to 50,000 published listings, newest changes first. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(async () => {
    const page = /^[1-9]\d{0,5}$/.test(params.page ?? '') ? Number(params.page) : 0;
    const listings = await context.search.sitemap(actor);
    const slice = listings.slice((page - 1) * SITEMAP_PAGE_SIZE, page * SITEMAP_PAGE_SIZE);
    if (page === 0 || (slice.length === 0 && page > 1)) throw new Response('Not Found', { status: 404 });
    return xmlResponse(
      urlSet(
        context.publicUrl,
        slice.map((l) => ({ path: `/listings/${l.id}`, updatedAt: l.updatedAt })),
      ),
    );
  });
}
