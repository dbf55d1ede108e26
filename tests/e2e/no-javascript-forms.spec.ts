import { expect, test, type Page } from '@playwright/test';
import { logIn, logOut } from './support/session.ts';

// Every form works in a real browser with JavaScript off: plain HTML posts,
// answered by the server's redirects and re-rendered pages. (Under the old
// `Referrer-Policy: no-referrer` Chromium posted them with `Origin: null` and
// Remix answered 500.)

const stamp = Date.now().toString(36);
const DEMO_PASSWORD = 'medip-demo-2026';
const user = { email: `nojs-${stamp}@example.com`, password: 'Ningbo-stent-graft-2026', name: 'Chen Jing' };
const newPassword = 'Xiamen-oximeter-probe-27';
const orgName = `No-Script Imaging Lab ${stamp}`;
const operator = 'operator@demo.medip.cn';

test.use({ javaScriptEnabled: false, locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en' } });
test.describe.configure({ mode: 'serial' });

/** No page of the story may answer with the error page. */
function failOnServerErrors(page: Page) {
  const errors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
  });
  return errors;
}

test('a demo account logs in and out', async ({ page }) => {
  const errors = failOnServerErrors(page);
  await logIn(page, 'en', 'company@demo.medip.cn', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  await expect(page.getByTestId('role')).toBeVisible();
  await logOut(page, 'en');
  expect(errors).toEqual([]);
});

test('a failed log-in shows the localised form error and field errors, in English and in Chinese', async ({
  page,
  browser,
}) => {
  const errors = failOnServerErrors(page);
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill('company@demo.medip.cn');
  await page.getByLabel('Password').fill('not-the-password-at-all');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByText('E-mail address or password is incorrect.')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);

  // Nothing filled in: a message at each field, from the server.
  await page.getByLabel('E-mail address').fill('');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByText('Required.').first()).toBeVisible();
  expect(errors).toEqual([]);

  const zh = await browser.newContext({
    javaScriptEnabled: false,
    locale: 'zh-CN',
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN' },
  });
  const zhPage = await zh.newPage();
  await zhPage.goto('/login');
  await zhPage.getByLabel('电子邮箱').fill('company@demo.medip.cn');
  await zhPage.getByLabel('密码').fill('not-the-password-at-all');
  await zhPage.getByRole('button', { name: '登录', exact: true }).click();
  await expect(zhPage.getByText('电子邮箱或密码不正确。')).toBeVisible();
  await zh.close();
});

test('a new account with a new organisation signs up', async ({ page }) => {
  const errors = failOnServerErrors(page);
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(user.name);
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByLabel('Name in English').fill(orgName);
  await page.getByLabel('Type of organisation').selectOption('hospital');
  await page.getByLabel('City').fill('Ningbo');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(orgName)).toBeVisible();
  await expect(page.getByText('Please confirm your e-mail address')).toBeVisible();
  await logOut(page, 'en');
  expect(errors).toEqual([]);
});

test('a control character in a name is a localised field error', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Evil\u202Egnp.exe');
  await page.getByLabel('E-mail address').fill(`bidi-${stamp}@example.com`);
  await page.getByLabel('Password').fill(user.password);
  await page.getByLabel('Name in English').fill('Fine Org');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Remove control or text-direction characters.')).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test('a password reset: request, the link from the outbox, a new password', async ({ page }) => {
  const errors = failOnServerErrors(page);
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByText('If that address is registered, a reset link is on its way.')).toBeVisible();

  await logIn(page, 'en', operator, DEMO_PASSWORD);
  await page.goto('/operator/outbox');
  const mail = page.locator('article', { hasText: user.email }).filter({ hasText: '/reset-password?token=' }).first();
  const link = (await mail.locator('pre').textContent())!.match(/https?:\/\/\S+\/reset-password\?token=\S+/)![0];
  await logOut(page, 'en');

  const url = new URL(link);
  await page.goto(url.pathname + url.search);
  await page.getByRole('textbox', { name: 'New password' }).fill(newPassword);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await logOut(page, 'en');

  await logIn(page, 'en', user.email, newPassword);
  await logOut(page, 'en');
  expect(errors).toEqual([]);
});

test('the language switch posts and comes back to the same page', async ({ page }) => {
  await page.goto('/listings?kind=patent');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: '切换到中文' }).click();
  await expect(page).toHaveURL(/\/listings\?kind=patent$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('even where a browser posts with Origin: null (no-referrer), forms work and nothing answers 500', async ({
  page,
}) => {
  // Reproduce the original failure's conditions: every answer says no-referrer,
  // so Chromium sends `Origin: null` with each form post.
  // Pages only: the referrer policy of a page decides its forms' Origin.
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    await route.fulfill({ response, headers: { ...response.headers(), 'referrer-policy': 'no-referrer' } });
  });
  const origins: (string | null)[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') origins.push(request.headers()['origin'] ?? null);
  });
  const errors = failOnServerErrors(page);
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill('company@demo.medip.cn');
  await page.getByLabel('Password').fill('not-the-password-at-all');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByText('E-mail address or password is incorrect.')).toBeVisible();
  await logIn(page, 'en', 'hospital@demo.medip.cn', DEMO_PASSWORD);
  await logOut(page, 'en');
  expect(origins).toContain('null');
  expect(errors).toEqual([]);
  // A stylesheet still in flight must not outlive the test.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
