import { expect, test, type Browser, type Page } from '@playwright/test';

// The search-driven browse page against the demo data: words in either
// language (and misspelt), facets whose counts say what ticking gives, filter
// chips, zero results that explain themselves, patent numbers however they are
// spaced, live results while typing, the same form without JavaScript, and a
// phone layout that puts the results first. Which listing a search must find is
// written out (the demo seed, seed/listings.ts, is deterministic); counts are
// checked against what the page itself shows after ticking.

const LABELS = {
  en: {
    box: 'Search listings',
    search: 'Search',
    apply: 'Apply filters',
    type: 'Type',
    field: 'Field',
    patent: 'Patent',
    filters: 'Filters',
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
    filters: '筛选',
    removePatent: '移除 类型：专利',
    removeWords: /^去掉搜索词/,
  },
} as const;
type Locale = keyof typeof LABELS;

/** A phone held upright. */
const PHONE = { width: 390, height: 844 };

async function open(
  browser: Browser,
  locale: Locale,
  { javaScriptEnabled = true, viewport }: { javaScriptEnabled?: boolean; viewport?: typeof PHONE } = {},
) {
  const context = await browser.newContext({
    locale,
    javaScriptEnabled,
    viewport,
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

/** The counts shown beside every value of a facet group, and the option with the fewest results above none. */
async function facetCounts(page: Page, group: string) {
  const options = page.getByRole('group', { name: group, exact: true }).locator('.facet-option');
  const counts = (await options.locator('.facet-option__count').allTextContents()).map((text) =>
    Number(text.replace(/\D/g, '')),
  );
  const fewest = counts.indexOf(Math.min(...counts.filter((n) => n > 0)));
  return { counts, fewest: { count: counts[fewest]!, checkbox: options.nth(fewest).getByRole('checkbox') } };
}

/**
 * The facet counts tell the truth about the results shown: a single-valued
 * facet's counts add up to the total, and ticking a value gives the count
 * shown beside it.
 */
async function expectTruthfulFacets(page: Page, locale: Locale) {
  const labels = LABELS[locale];
  const total = await resultCount(page);
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  expect(sum((await facetCounts(page, labels.type)).counts), 'the Type counts add up to the results').toBe(total);
  const field = await facetCounts(page, labels.field);
  expect(sum(field.counts), 'the Field counts add up to the results').toBe(total);

  await field.fewest.checkbox.check();
  await expect(page).toHaveURL(/category=/);
  await expectResultCount(page, field.fewest.count);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Searches with the box and its button, and waits for the page to show the answer (its title names the words). */
async function searchFor(page: Page, locale: Locale, words: string) {
  await page.getByRole('combobox', { name: LABELS[locale].box }).fill(words);
  await page.getByRole('button', { name: LABELS[locale].search, exact: true }).click();
  await expect(page).toHaveTitle(new RegExp(escapeRegExp(words)));
  await expect(page.locator('.results')).not.toHaveAttribute('aria-busy', 'true');
}

/**
 * Searches that must find a given demo listing, each shown under its title in
 * the reader's language. A patent number is written as people type it, with
 * spaces and its check digit (the listing holds CN201718001145.8).
 */
const FINDS = [
  {
    rule: 'a Chinese word',
    words: '骨密度',
    title: { 'zh-CN': '跟骨定量超声骨密度仪', en: 'Calcaneal quantitative ultrasound bone densitometer' },
  },
  {
    rule: 'an English word',
    words: 'microbubbles',
    title: { 'zh-CN': '靶向超声造影微泡', en: 'Targeted ultrasound contrast microbubbles' },
  },
  {
    rule: 'a misspelt English word',
    words: 'cathter',
    title: { 'zh-CN': '双频血管内超声导管', en: 'Dual-frequency intravascular ultrasound (IVUS) catheter' },
  },
  {
    rule: 'a spaced patent number',
    words: 'CN 2017 1 8001145.8',
    title: { 'zh-CN': '无线掌上超声诊断仪', en: 'Wireless handheld ultrasound scanner' },
  },
] as const;

/** A result card's title link. */
const resultTitled = (page: Page, title: string) =>
  page.locator('.card__title').getByRole('link', { name: title, exact: true });

for (const locale of ['zh-CN', 'en'] as const) {
  for (const { rule, words, title } of FINDS) {
    test(`${rule} finds its listing, with truthful facet counts (${locale})`, async ({ browser }) => {
      const { context, page } = await open(browser, locale);
      await page.goto('/listings');
      await searchFor(page, locale, words);
      await expect(resultTitled(page, title[locale])).toBeVisible();
      await expectTruthfulFacets(page, locale);
      await context.close();
    });
  }

  test(`matches are marked in the reader's language (${locale})`, async ({ browser }) => {
    const { context, page } = await open(browser, locale);
    await page.goto('/listings');
    // A Chinese word marks the Chinese text; a misspelt word marks what it meant.
    const [words, marked] = locale === 'zh-CN' ? ['超声', /超声/] : ['cathter', /catheter/i];
    await searchFor(page, locale, words);
    await expect(page.locator('.card mark').first()).toHaveText(marked);
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

test('typing fast searches once per pause, and back returns to the previous query', async ({ browser }) => {
  const { context, page } = await open(browser, 'en');
  await page.goto('/listings?q=cathter');
  const searches: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/listings' && url.searchParams.get('_data') === 'routes/listings._index') {
      searches.push(url.searchParams.get('q') ?? '');
    }
  });
  const box = page.getByRole('combobox', { name: LABELS.en.box });

  // 20 ms between keys, well inside the form's 250 ms pause.
  await box.press('ControlOrMeta+a');
  await box.pressSequentially('microbubbles', { delay: 20 });
  await expect(page).toHaveURL(/q=microbubbles$/);
  await expect(resultTitled(page, 'Targeted ultrasound contrast microbubbles')).toBeVisible();
  // Long enough for any search still pending to have been sent.
  await page.waitForTimeout(1000);
  expect(searches).toEqual(['microbubbles']);

  // The box still has focus, as after the browser's back button: it must show the earlier words too.
  await page.goBack();
  await expect(page).toHaveURL(/q=cathter$/);
  await expect(box).toHaveValue('cathter');
  await expect(resultTitled(page, 'Dual-frequency intravascular ultrasound (IVUS) catheter')).toBeVisible();
  await context.close();
});

test('on a phone the results come first and the filters wait behind a button', async ({ browser }) => {
  const labels = LABELS['zh-CN'];
  const { context, page } = await open(browser, 'zh-CN', { viewport: PHONE });
  await page.goto('/listings?q=cathter');
  await expect(page.locator('.card').first()).toBeInViewport();
  const types = page.getByRole('group', { name: labels.type, exact: true });
  await expect(types).toBeHidden();

  await page.locator('summary', { hasText: labels.filters }).click();
  await expect(types).toBeVisible();
  await context.close();
});
