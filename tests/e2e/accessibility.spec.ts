import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// Every public page, in both languages, passes axe's WCAG 2.1 A/AA rules.

const pages = [
  '/',
  '/listings',
  '/listings?category=cardiovascular&kind=patent',
  '/signup',
  '/login',
  '/forgot-password',
];

for (const locale of ['zh-CN', 'en'] as const) {
  test(`public pages have no WCAG A/AA violations (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale, extraHTTPHeaders: { 'Accept-Language': locale } });
    const page = await context.newPage();
    await page.goto('/listings');
    const detail = await page.locator('.card a').first().getAttribute('href');
    for (const path of [...pages, detail!]) {
      await page.goto(path);
      const { violations, passes } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(passes.map((p) => p.id)).toEqual(
        expect.arrayContaining(['color-contrast', 'html-has-lang', 'button-name']),
      );
      expect(
        violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.help}`),
        `axe on ${path}`,
      ).toEqual([]);
    }
    await context.close();
  });
}
