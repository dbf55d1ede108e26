import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { cnCheckDigit } from '../../server/listings/patents.ts';
import { logIn, logOut } from './support/session.ts';

// Issue 7's whole story in a browser, with JavaScript and without: an
// institute member lists a bilingual patent with two patents and a
// confidential PDF and submits it; the operator publishes it; a company member
// sees the public part, accepts the NDA, downloads the stamped PDF and asks a
// question; the owner answers and sees who downloaded.

const DEMO_PASSWORD = 'medip-demo-2026';
const INSTITUTE = 'basic-institute@demo.medip.cn';
const OPERATOR = 'operator@demo.medip.cn';
const COMPANY = 'company@demo.medip.cn';
const CONFIDENTIAL_DETAILS = 'Sensitivity 98.2% against angiography in 40 pigs';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en' } });
test.describe.configure({ mode: 'serial' });

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const cn = (digits: string) => `CN${digits}.${cnCheckDigit(digits)}`;

async function next(page: Page, step: string) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(new RegExp(`/${step}$`));
}

/** A two-page report to upload, written where the browser can pick it. */
async function reportPdf(name: string): Promise<{ file: string; pages: number }> {
  const doc = await PDFDocument.create();
  for (const n of [1, 2]) doc.addPage([595, 842]).drawText(`Animal study report, page ${n}`, { x: 50, y: 780 });
  const file = path.join(tmpdir(), `${name}.pdf`);
  await writeFile(file, await doc.save());
  return { file, pages: 2 };
}

async function createAndSubmit(page: Page, title: string, digits: [string, string], report: string) {
  await logIn(page, 'en', INSTITUTE, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'New listing' }).click();
  await page.getByRole('button', { name: 'Start a new listing' }).click();
  await page.getByLabel('Type of listing').selectOption('patent');
  await group(page, 'Title').getByLabel('Chinese').fill(`血管内超声导管 ${title}`);
  await group(page, 'Title').getByLabel('English').fill(title);
  await group(page, 'Non-confidential summary').getByLabel('Chinese').fill('一种高分辨率的血管内超声成像导管。');
  await group(page, 'Non-confidential summary').getByLabel('English').fill('A high-resolution IVUS catheter.');
  await next(page, 'technology');

  await page.getByLabel('Field', { exact: true }).selectOption('medical_acoustics');
  await page.getByLabel('NMPA device class').selectOption('III');
  await page.getByLabel('Technology readiness level (TRL)').selectOption('5');
  await page.getByLabel('Stage of development').selectOption('animal_study');
  await page.getByLabel('Confidential details').fill(CONFIDENTIAL_DETAILS);
  await next(page, 'patents');

  await group(page, 'Patent 1').getByLabel('Number').fill(cn(digits[0]));
  await group(page, 'Patent 1').getByLabel('Filing date').fill('2024-03-01');
  await page.getByRole('button', { name: 'Add a patent row' }).click();
  await group(page, 'Patent 2').getByLabel('Number').fill(cn(digits[1]));
  await group(page, 'Patent 2').getByLabel('Filing date').fill('2023-06-15');
  await next(page, 'terms');

  await page.getByRole('checkbox', { name: 'Exclusive license', exact: true }).check();
  await page.getByLabel('Asking price (yuan)').fill('500,000');
  await next(page, 'documents');

  await page.getByLabel('File', { exact: true }).setInputFiles(report);
  await page.getByLabel("Name shown (optional: the file's name)").fill('Animal study report');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('group', { name: /^Document 1/ }).getByLabel('Name shown')).toHaveValue(
    'Animal study report',
  );
  await next(page, 'review');

  await expect(page.getByText('Animal study report (Confidential (after the NDA))')).toBeVisible();
  await page.getByRole('button', { name: 'Save and submit for review' }).click();
  await expect(page).toHaveURL(/\/listings\/[a-f0-9]{24}$/);
  const url = page.url();
  await logOut(page, 'en');
  return url;
}

async function publish(page: Page, title: string) {
  await logIn(page, 'en', OPERATOR, DEMO_PASSWORD);
  await page.goto('/operator/listings');
  await page.getByRole('region', { name: title }).getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText(`“${title}” is published.`)).toBeVisible();
  await logOut(page, 'en');
}

async function acceptDownloadAndAsk(page: Page, url: string, pages: number, question: string) {
  await logIn(page, 'en', COMPANY, DEMO_PASSWORD);
  await page.goto(url);
  // The public part, and the data room still closed.
  await expect(page.getByRole('heading', { name: 'Patents' })).toBeVisible();
  await expect(page.getByText(CONFIDENTIAL_DETAILS)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Animal study report' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Accept the NDA for my organisation' }).click();

  await expect(page.getByText(CONFIDENTIAL_DETAILS)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Animal study report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Animal study report.pdf');
  const stamped = await PDFDocument.load(await readFile((await download.path())!));
  expect(stamped.getPageCount()).toBe(pages);

  await page.getByLabel('Your question').fill(question);
  await page.getByRole('button', { name: 'Send question' }).click();
  await expect(page).toHaveURL(/\/inquiries\/[^/]+$/);
  await expect(page.getByText(question)).toBeVisible();
  await logOut(page, 'en');
}

async function answerAndReview(page: Page, url: string, title: string, question: string, answer: string) {
  await logIn(page, 'en', INSTITUTE, DEMO_PASSWORD);
  await page.goto('/inquiries');
  // The thread is named by the listing's title, in the reader's language.
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByText(question)).toBeVisible();
  await page.getByLabel('Your reply').fill(answer);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText(answer)).toBeVisible();

  await page.goto(url);
  const downloads = page.getByRole('table', { name: 'Downloads' });
  await expect(downloads.getByRole('row').filter({ hasText: 'Animal study report' })).toContainText(COMPANY);
  await expect(page.getByRole('table', { name: 'NDA acceptances' })).toContainText(COMPANY);
  await logOut(page, 'en');
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('create with a confidential PDF → review → publish → NDA → stamped download → question → answer', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const stamp = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
      const title = `Data room IVUS catheter ${stamp}`;
      const base = javaScriptEnabled ? '2024101' : '2024102';
      const serial = String(Date.now() % 100000).padStart(5, '0');
      const { file, pages } = await reportPdf(`report-${stamp}`);
      const url = await createAndSubmit(
        page,
        title,
        [`${base}${serial}`, `${base}${serial.split('').reverse().join('')}`],
        file,
      );
      await publish(page, title);
      const question = `Is the catheter compatible with 6F guides? (${stamp})`;
      await acceptDownloadAndAsk(page, url, pages, question);
      await answerAndReview(page, url, title, question, `Yes, 6F and larger (${stamp}).`);
    });
  });
}
