import type { LoaderFunctionArgs } from '@remix-run/node';
import { SITEMAP_PAGE_SIZE } from '~/domain';
import { pageHandler } from '~/utils/http.server';
import { getActor } from '~/utils/session.server';
import { sitemapIndex, xmlResponse } from '~/utils/sitemap.server';

/** GET /sitemap.xml: the index of the organization sitemap and the listing sitemaps (50,000 URLs each). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(async () => {
    const listings = await context.search.sitemap(actor);
    const pages = Math.max(1, Math.ceil(listings.length / SITEMAP_PAGE_SIZE));
    const base = context.publicUrl;
    return xmlResponse(
      sitemapIndex([
        `${base}/sitemap/organizations`,
        ...Array.from({ length: pages }, (_, i) => `${base}/sitemap/listings/${i + 1}`),
      ]),
    );
  });
}
