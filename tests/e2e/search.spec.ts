import { expect, test, type Browser, type Page } from '@playwright/test';

// The search-driven browse page against the demo data: words in either
// language (and misspelt), facets whose counts say what ticking gives, filter
// chips, zero results that explain themselves, patent numbers however they are
// spaced, live results while typing, and the same form without JavaScript.
// Expectations come from what the page shows, never from the seed's internals.

const LABELS = {
  en: {
    box: 'Search listings',
    search: 'Search',
    apply: 'Apply filters',
    type: 'Type',
    field: 'Field',
    patent: 'Patent',
    removePatent: 'Remove Type: Patent',
    removeWords: /^Search without the words/,
  },
  'zh-CN': {
    box: '搜索挂牌项目',
    search: '搜索',
    apply: '应用筛选',
    type: '类型',
    field: '领域',
    patent: '专利',
    removePatent: '移除 类型：专利',
    removeWords: /^去掉搜索词/,
  },
} as const;
type Locale = keyof typeof LABELS;

async function open(browser: Browser, locale: Locale, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({
    locale,
    javaScriptEnabled,
    extraHTTPHeaders: { 'Accept-Language': locale },
  });
  return { context, page: await context.newPage() };
}

/** The number in the results heading ("24 listings", "共 24 项"). */
async function resultCount(page: Page): Promise<number> {
  const text = await page.locator('#results-title').textContent();
  return Number(text!.replace(/\D/g, ''));
}

/** What the results heading must come to say, once the page has settled. */
async function expectResultCount(page: Page, expected: number | ((n: number) => boolean)) {
  await expect(page.locator('.results')).not.toHaveAttribute('aria-busy', 'true');
  if (typeof expected === 'number') await expect.poll(() => resultCount(page)).toBe(expected);
  else await expect.poll(async () => expected(await resultCount(page))).toBe(true);
}

/** The count shown beside a facet checkbox. */
async function facetCount(page: Page, group: string, name: string): Promise<number> {
  const option = page
    .getByRole('group', { name: group, exact: true })
    .locator('.facet-option')
    .filter({ has: page.getByRole('checkbox', { name, exact: true }) });
  const count = option.locator('.facet-option__count');
  return Number((await count.textContent())!.replace(/\D/g, ''));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Searches with the box and its button, and waits for the page to show the answer (its title names the words). */
async function searchFor(page: Page, locale: Locale, words: string) {
  await page.getByRole('combobox', { name: LABELS[locale].box }).fill(words);
  await page.getByRole('button', { name: LABELS[locale].search, exact: true }).click();
  await expect(page).toHaveTitle(new RegExp(escapeRegExp(words)));
  await expect(page.locator('.results')).not.toHaveAttribute('aria-busy', 'true');
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`Chinese, English and misspelt words find listings (${locale})`, async ({ browser }) => {
    const { context, page } = await open(browser, locale);
    await page.goto('/listings');
    const all = await resultCount(page);
    for (const [words, marked] of [
      ['超声', locale === 'zh-CN' ? /超声/ : null],
      ['ultrasound', locale === 'en' ? /ultrasound/i : null],
      ['cathter', locale === 'en' ? /catheter/i : null],
    ] as const) {
      await searchFor(page, locale, words);
      await expectResultCount(page, (n) => n > 0 && n < all);
      // The matches are marked in the reader's language (a Chinese word marks the Chinese text).
      if (marked) await expect(page.locator('.card mark').first()).toHaveText(marked);
    }
    await context.close();
  });

  test(`a ticked facet gives the count shown beside it, and its chip removes it (${locale})`, async ({ browser }) => {
    const labels = LABELS[locale];
    const { context, page } = await open(browser, locale);
    await page.goto('/listings');
    await searchFor(page, locale, 'catheter');
    const before = await resultCount(page);
    const expected = await facetCount(page, labels.type, labels.patent);
    expect(expected).toBeGreaterThan(0);

    // With JavaScript the box submits at once; no button needed.
    await page.getByRole('checkbox', { name: labels.patent, exact: true }).check();
    await expect(page).toHaveURL(/kind=patent/);
    await expectResultCount(page, expected);
    await expect(page.getByRole('combobox', { name: labels.box })).toHaveValue('catheter');

    await page.getByRole('link', { name: labels.removePatent }).click();
    await expect(page).not.toHaveURL(/kind=patent/);
    await expect(page).toHaveURL(/q=catheter/);
    await expectResultCount(page, before);
    await expect(page.getByRole('checkbox', { name: labels.patent, exact: true })).not.toBeChecked();
    await context.close();
  });

  test(`zero results offer to remove each filter, with what that gives (${locale})`, async ({ browser }) => {
    const labels = LABELS[locale];
    const { context, page } = await open(browser, locale);
    await page.goto('/listings?q=catheter');
    const withWordsOnly = await resultCount(page);
    // A field that the words never meet: its box is shown disabled, with a count of 0.
    const empty = page
      .getByRole('group', { name: labels.field, exact: true })
      .getByRole('checkbox', { disabled: true });
    const category = await empty.first().getAttribute('value');
    const name = (await page.locator(`label[for="${await empty.first().getAttribute('id')}"]`).textContent())!;

    await page.goto(`/listings?q=catheter&category=${category}`);
    await expectResultCount(page, 0);
    const explanation = page.locator('.no-results');
    await expect(explanation).toContainText('catheter');
    await expect(explanation.getByRole('link', { name: labels.removeWords })).toBeVisible();
    // The facet counts tell how many listings removing the field gives.
    const option = explanation.getByRole('listitem').filter({ hasText: name });
    await expect(option).toContainText(String(withWordsOnly));
    const remove = option.getByRole('link');
    await remove.click();
    await expect(page).not.toHaveURL(/category=/);
    await expectResultCount(page, withWordsOnly);
    await context.close();
  });
}

test('without JavaScript the form searches and filters, and chips are plain links', async ({ browser }) => {
  const labels = LABELS.en;
  const { context, page } = await open(browser, 'en', { javaScriptEnabled: false });
  await page.goto('/listings');
  await searchFor(page, 'en', 'ultrasound');
  const expected = await facetCount(page, labels.type, labels.patent);
  const withWordsOnly = await resultCount(page);

  await page.getByRole('checkbox', { name: labels.patent, exact: true }).check();
  await page.getByRole('button', { name: labels.apply }).click();
  await expect(page).toHaveURL(/q=ultrasound/);
  await expect(page).toHaveURL(/kind=patent/);
  expect(await resultCount(page)).toBe(expected);
  await expect(page.locator('.card').first()).toContainText('Patent');

  await page.getByRole('link', { name: labels.removePatent }).click();
  await expect(page).not.toHaveURL(/kind=patent/);
  expect(await resultCount(page)).toBe(withWordsOnly);
  await context.close();
});

test('typing updates the results, suggests titles, and keeps the history short', async ({ browser }) => {
  const labels = LABELS.en;
  const { context, page } = await open(browser, 'en');
  await page.goto('/listings');
  const all = await resultCount(page);
  const box = page.getByRole('combobox', { name: labels.box });

  // Slower than the debounce, so several searches run; no Enter.
  await box.pressSequentially('catheter', { delay: 300 });
  await expect(page).toHaveURL(/q=catheter$/);
  await expectResultCount(page, (n) => n > 0 && n < all);
  await expect(page.locator('.card mark').first()).toHaveText(/catheter/i);

  const suggestions = page.getByRole('listbox');
  await expect(suggestions).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await box.press('ArrowDown');
  const first = suggestions.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  const title = (await first.textContent())!;
  await box.press('Enter');
  await expect(page).toHaveURL(/\/listings\/[a-f0-9]{24}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // Back to the typed search, then one step more to where the typing began.
  await page.goBack();
  await expect(page).toHaveURL(/q=catheter$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/listings$/);
  await context.close();
});

test('a patent number finds its listing however it is spaced', async ({ browser }) => {
  const { context, page } = await open(browser, 'zh-CN');
  await page.goto('/listings?kind=patent');
  const links = await page.locator('.card h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  let found: { href: string; number: string } | undefined;
  for (const href of links) {
    await page.goto(href);
    const numbers = await page.locator('.patents code').allTextContents();
    const number = numbers.find((n) => /^CN\d{12}\.[\dX]$/.test(n));
    if (number) {
      found = { href, number };
      break;
    }
  }
  expect(found, 'a demo patent listing with a Chinese application number').toBeDefined();
  // CN202110123456.7 as people type it: CN 2021 1 0123456.7
  const [, year, type, serial] = found!.number.match(/^CN(\d{4})(\d)(\d{7}\.[\dX])$/)!;
  await page.goto('/listings');
  await searchFor(page, 'zh-CN', `CN ${year} ${type} ${serial}`);
  await expect(page.locator(`.card a[href="${found!.href}"]`)).toBeVisible();
  await context.close();
});
