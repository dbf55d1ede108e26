import * as robots from '../../app/routes/robots[.]txt.ts';
import * as sitemapIndex from '../../app/routes/sitemap[.]xml.ts';
import * as listingSitemap from '../../app/routes/sitemap.listings.$page.ts';
import * as organizationSitemap from '../../app/routes/sitemap.organizations.ts';
import { syncListing } from '../../server/search/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { call } from '../support/requests.ts';
import { useTestSearch } from '../support/search.ts';

useTestDatabase();
useTestSearch();

let published: string;
let draft: string;
let verifiedOrg: string;
let pendingOrg: string;
beforeAll(async () => {
  verifiedOrg = String((await createOrganization())._id);
  pendingOrg = String((await createOrganization({ verified: false, verification: { status: 'pending' } }))._id);
  published = String((await createListing(verifiedOrg))._id);
  draft = String((await createListing(verifiedOrg, { status: 'draft', publishedAt: null }))._id);
  await Promise.all([syncListing(published), syncListing(draft)]);
});

test('robots.txt keeps private pages out and names the sitemap', async () => {
  const text = await (await call(robots.loader, '/robots.txt')).text();
  for (const path of ['/account', '/operator', '/api/', '/login']) expect(text).toContain(`Disallow: ${path}`);
  expect(text).toMatch(/^Sitemap: http.*\/sitemap\.xml$/m);
});

test('the sitemap index points at the organization sitemap and the listing sitemaps', async () => {
  const xml = await (await call(sitemapIndex.loader, '/sitemap.xml')).text();
  expect(xml).toContain('<sitemapindex');
  expect(xml).toMatch(/<loc>http[^<]*\/sitemap\/organizations<\/loc>/);
  expect(xml).toMatch(/<loc>http[^<]*\/sitemap\/listings\/1<\/loc>/);
});

test('the listing sitemap lists published listings with both languages, never a draft', async () => {
  const response = await call(listingSitemap.loader, '/sitemap/listings/1', { params: { page: '1' } });
  expect(response.headers.get('Content-Type')).toMatch(/^application\/xml/);
  const xml = await response.text();
  expect(xml).toContain(`/listings/${published}</loc>`);
  expect(xml).toContain(`hreflang="zh-CN" href="`);
  expect(xml).toContain(`/listings/${published}?lang=en"`);
  expect(xml).not.toContain(draft);
});

test('a listing sitemap page past the end, or not a number, is a 404', async () => {
  for (const page of ['2', '0', 'x', '-1']) {
    const answer = await call(listingSitemap.loader, `/sitemap/listings/${page}`, { params: { page } }).catch(
      (thrown: unknown) => thrown as Response,
    );
    expect(answer.status, page).toBe(404);
  }
});

test('the organization sitemap lists verified organizations only', async () => {
  const xml = await (await call(organizationSitemap.loader, '/sitemap/organizations')).text();
  expect(xml).toContain(`/orgs/${verifiedOrg}</loc>`);
  expect(xml).not.toContain(pendingOrg);
});
