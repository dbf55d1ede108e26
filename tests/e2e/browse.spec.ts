import { expect, test } from '@playwright/test';

for (const [locale, text] of [
  ['zh-CN', { nav: '挂牌项目', results: /共 [\d,]+ 项/, patents: '专利', remaining: '剩余保护期', kind: '专利' }],
  [
    'en',
    { nav: 'Listings', results: /[\d,]+ listings/, patents: 'Patents', remaining: 'Remaining life', kind: 'Patent' },
  ],
] as const) {
  test(`browse home → listings → a listing, in ${locale}`, async ({ browser }) => {
    const context = await browser.newContext({ locale, extraHTTPHeaders: { 'Accept-Language': locale } });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: text.nav }).click();
    await expect(page).toHaveURL(/\/listings$/);
    await expect(page.getByRole('heading', { level: 2, name: text.results })).toBeVisible();

    // Narrow to patents with the filter form (a plain GET form, works without JS).
    await page.getByRole('checkbox', { name: text.kind, exact: true }).check();
    await page.getByRole('button', { name: locale === 'en' ? 'Apply filters' : '应用筛选' }).click();
    await expect(page).toHaveURL(/kind=patent/);

    const first = page.locator('.card').first();
    const title = (await first.getByRole('heading').textContent())!.trim();
    await first.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/listings\/[a-f0-9]{24}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('heading', { name: text.patents, exact: true })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: text.remaining })).toBeVisible();
    await context.close();
  });
}

test('the language switch keeps the page and remembers the choice', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN' } });
  const page = await context.newPage();
  await page.goto('/listings?category=cardiovascular');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('挂牌项目');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page).toHaveURL(/\/listings\?category=cardiovascular$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Listings');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});

test('unknown pages get the friendly 404 with a real status', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: /home page|返回首页/ })).toBeVisible();
  const missing = await page.goto('/listings/0123456789abcdef01234567');
  expect(missing?.status()).toBe(404);
});

test('pages work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'Accept-Language': 'en' } });
  const page = await context.newPage();
  await page.goto('/listings');
  await page.getByRole('checkbox', { name: 'Cardiovascular devices' }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/category=cardiovascular/);
  await expect(page.locator('.card').first()).toContainText('Cardiovascular devices');
  await page.getByRole('button', { name: '切换到中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('挂牌项目');
  await context.close();
});

test('a public listing tells search engines its title, canonical URL, languages and structured data', async ({
  page,
}) => {
  await page.goto('/listings?lang=en');
  const href = await page.locator('.card a').first().getAttribute('href');
  await page.goto(`${href}?lang=en`);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${href}\\?lang=en$`));
  await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', /\?lang=zh-CN$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    new RegExp(`^${title.slice(0, 20)}`),
  );
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Product', name: title });

  await page.goto(`${href}?lang=zh-CN`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
