import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cnCheckDigit } from '../../server/listings/patents.ts';
import { logIn, logOut } from './support/session.ts';

// The multi-step listing form in a browser: an institute member lists a patent
// and submits it, the operator publishes it and search finds it; then the same
// steps as plain HTML forms with JavaScript off.

const DEMO_PASSWORD = 'medip-demo-2026';
const INSTITUTE = 'basic-institute@demo.medip.cn';
const OPERATOR = 'operator@demo.medip.cn';
const stamp = Date.now().toString(36);

const cn = (digits: string) => `CN${digits}.${cnCheckDigit(digits)}`;

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en' } });
test.describe.configure({ mode: 'serial' });

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

async function startListing(page: Page) {
  await page.getByRole('link', { name: 'New listing' }).click();
  await page.getByRole('button', { name: 'Start a new listing' }).click();
  await expect(page).toHaveURL(/\/listings\/drafts\/[a-f0-9]{24}\/basics$/);
}

/** Each step passes axe's WCAG 2.1 A/AA rules, as the public pages do. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

async function next(page: Page, step: string) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(new RegExp(`/${step}$`));
}

test('with JavaScript: a bilingual patent listing with two patents is submitted, published and found', async ({
  page,
}) => {
  const title = `Rotational IVUS catheter ${stamp}`;
  await logIn(page, 'en', INSTITUTE, DEMO_PASSWORD);
  await startListing(page);

  const score = page.getByTestId('completeness-score');
  await expect(score).toHaveText('0% complete');
  await expect(page.getByRole('button', { name: /Basics/ })).toHaveAttribute('aria-current', 'step');
  await page.getByLabel('Type of listing').selectOption('patent');
  await group(page, 'Title').getByLabel('Chinese').fill(`旋转式血管内超声导管 ${stamp}`);
  await group(page, 'Title').getByLabel('English').fill(title);
  // Scored as one types: one of the ten checks a patent listing gets.
  await expect(score).toHaveText('10% complete');
  await group(page, 'Non-confidential summary').getByLabel('Chinese').fill('一种高分辨率的血管内超声成像导管。');
  await group(page, 'Non-confidential summary').getByLabel('English').fill('A high-resolution IVUS catheter.');
  await group(page, 'Problem solved').getByLabel('English').fill('Distal coronary vessels image poorly.');
  await group(page, 'Advantages over existing solutions').getByLabel('English').fill('Twice the resolution.');
  await group(page, 'Intended clinical use').getByLabel('English').fill('Imaging during PCI; animal study done.');
  await group(page, 'Partner sought').getByLabel('English').fill('An imaging device maker.');
  await expect(score).toHaveText('60% complete');
  await expectAccessible(page);
  await next(page, 'technology');

  await page.getByLabel('Field', { exact: true }).selectOption('medical_acoustics');
  await page.getByLabel('NMPA device class').selectOption('III');
  await page.getByLabel('Technology readiness level (TRL)').selectOption('5');
  await page.getByLabel('Stage of development').selectOption('animal_study');
  await next(page, 'patents');

  const first = group(page, 'Patent 1');
  await first.getByLabel('Number').fill(cn('202410123456'));
  await first.getByLabel('Filing date').fill('2024-03-01');
  await first.getByLabel('IPC classes').fill('A61B 8/12');
  await expect(first.getByText(/Remaining life: \d+\.\d years/)).toBeVisible();
  await page.getByRole('button', { name: 'Add a patent row' }).click();
  const second = group(page, 'Patent 2');
  await second.getByLabel('Number').fill(cn('202320456789'));
  await second.getByLabel('Type', { exact: true }).selectOption('utility_model');
  await second.getByLabel('Status', { exact: true }).selectOption('granted');
  await second.getByLabel('Filing date').fill('2023-06-15');
  await second.getByLabel('Grant date').fill('2024-01-09');
  await expectAccessible(page);
  await next(page, 'terms');

  await page.getByRole('checkbox', { name: 'Assignment', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Exclusive license', exact: true }).check();
  await page.getByLabel('Asking price (yuan)').fill('800,000');
  await page.getByLabel('Royalty (% of net sales)').fill('3');
  await expectAccessible(page);
  await next(page, 'documents');
  await expectAccessible(page);
  await next(page, 'review');

  await expect(score).toHaveText('100% complete');
  await expect(page.getByText(cn('202320456789'))).toBeVisible();
  await expect(page.getByText('¥800,000.00')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save and submit for review' }).click();
  await expect(page).toHaveURL(/\/listings\/[a-f0-9]{24}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Under review')).toBeVisible();
  // Its owner may still change it through the form.
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveAttribute('href', /\/edit$/);
  await logOut(page, 'en');

  await logIn(page, 'en', OPERATOR, DEMO_PASSWORD);
  await page.goto('/operator/listings');
  const queued = page.getByRole('region', { name: title });
  await queued.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText(`“${title}” is published.`)).toBeVisible();

  await page.goto(`/listings?q=${stamp}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the steps are plain forms: a patent row is added on the server and a wrong check digit is named at its field', async ({
    page,
  }) => {
    await logIn(page, 'en', INSTITUTE, DEMO_PASSWORD);
    await startListing(page);
    await group(page, 'Title').getByLabel('English').fill(`Wearable ECG patch ${stamp}`);
    await group(page, 'Non-confidential summary').getByLabel('English').fill('A seven-day ECG patch.');
    await next(page, 'technology');
    await page.getByLabel('Field', { exact: true }).selectOption('medical_electronics');
    await page.getByLabel('NMPA device class').selectOption('II');
    await page.getByLabel('Technology readiness level (TRL)').selectOption('6');
    await page.getByLabel('Stage of development').selectOption('verification');
    await next(page, 'patents');

    const digits = '202410987654';
    const wrong = `CN${digits}.${(Number(cnCheckDigit(digits)) + 1) % 10}`;
    await group(page, 'Patent 1').getByLabel('Number').fill(wrong);
    await group(page, 'Patent 1').getByLabel('Filing date').fill('2024-08-20');
    await page.getByRole('button', { name: 'Add a patent row' }).click();
    // Back from the server with one more row, and what was typed still there.
    await expect(group(page, 'Patent 2')).toBeVisible();
    await expect(group(page, 'Patent 1').getByLabel('Number')).toHaveValue(wrong);

    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page).toHaveURL(/\/patents$/);
    const number = group(page, 'Patent 1').getByLabel('Number');
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveAccessibleDescription(/check digit after the dot does not match/);
    await expect(number).toHaveValue(wrong);
  });
});
