// Sitemap XML (sitemaps.org) with one alternate per language (`?lang=`).

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const LANGUAGES = ['zh-CN', 'en'] as const;

export function xmlResponse(body: string): Response {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=600' },
  });
}

/** A <urlset> of pages under `publicUrl`, each with its zh-CN and English alternates. */
export function urlSet(publicUrl: string, pages: { path: string; updatedAt: string }[]): string {
  const urls = pages.map(({ path, updatedAt }) => {
    const alternates = LANGUAGES.map(
      (lang) =>
        `<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(`${publicUrl}${path}?lang=${lang}`)}"/>`,
    ).join('');
    return `<url><loc>${escapeXml(publicUrl + path)}</loc><lastmod>${updatedAt}</lastmod>${alternates}</url>`;
  });
  return `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>`;
}

export function sitemapIndex(locations: string[]): string {
  const entries = locations.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>`;
}
