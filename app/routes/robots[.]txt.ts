import type { LoaderFunctionArgs } from '@remix-run/node';

/** GET /robots.txt: public pages are crawled; accounts, the operator's pages, forms and the API are not. */
export function loader({ context }: LoaderFunctionArgs) {
  const lines = [
    'User-agent: *',
    'Disallow: /account',
    'Disallow: /operator',
    'Disallow: /api/',
    'Disallow: /login',
    'Disallow: /signup',
    'Disallow: /logout',
    'Disallow: /forgot-password',
    'Disallow: /reset-password',
    'Disallow: /verify-email',
    'Disallow: /locale',
    'Disallow: /listings/suggest',
    'Disallow: /listings/new',
    'Disallow: /listings/drafts/',
    'Disallow: /listings/*/edit',
    `Sitemap: ${context.publicUrl}/sitemap.xml`,
  ];
  return new Response(`${lines.join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
