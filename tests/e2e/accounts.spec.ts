import { expect, test } from '@playwright/test';
import { logIn, logOut } from './support/session.ts';

// The whole account story in the browser, in Chinese: sign up, confirm the
// e-mail from the outbox, log out and in; an operator verifies the organization.

const stamp = Date.now().toString(36);
const user = { email: `wang-${stamp}@example.com`, password: 'Suzhou-ivus-catheter-26', name: '王小明' };
const orgName = `苏州超声医学工程研究所 ${stamp}`;
const operator = { email: 'operator@demo.medip.cn', password: 'medip-demo-2026' };

test.use({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN' } });
test.describe.configure({ mode: 'serial' });

test('wrong or missing fields get a message each, in Chinese, before anything is sent', async ({ page }) => {
  await page.goto('/signup');
  await page.getByRole('button', { name: '创建账户' }).click();
  await expect(page.getByText('必填。').first()).toBeVisible();
  await page.getByLabel('密码').fill('short');
  await page.getByLabel('密码').blur();
  await expect(page.getByText('密码长度须为 10 至 200 个字符。')).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test('a new user signs up in Chinese and lands on the account page as owner', async ({ page }) => {
  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('注册账户');
  await page.getByLabel('您的姓名').fill(user.name);
  await page.getByLabel('电子邮箱').fill(user.email);
  await page.getByLabel('密码').fill(user.password);
  await page.getByLabel('中文名称').fill(orgName);
  await page.getByLabel('单位类型').selectOption('engineering_institute');
  await page.getByLabel('城市').fill('苏州');
  await page.getByRole('button', { name: '创建账户' }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('role')).toHaveText('所有者');
  await expect(page.getByText('请确认您的电子邮箱')).toBeVisible();
  await expect(page.getByText('待认证')).toBeVisible();

  // The same address cannot sign up twice.
  await logOut(page, 'zh-CN');
  await page.goto('/signup');
  await page.getByLabel('您的姓名').fill('Someone');
  await page.getByLabel('电子邮箱').fill(user.email.toUpperCase());
  await page.getByLabel('密码').fill(user.password);
  await page.getByLabel('英文名称').fill('Duplicate Org');
  await page.getByRole('button', { name: '创建账户' }).click();
  await expect(page.getByText('该电子邮箱已注册。')).toBeVisible();
});

test('the confirmation mail waits in the outbox; its link confirms the address', async ({ page }) => {
  await logIn(page, 'zh-CN', operator.email, operator.password);
  await page.getByRole('link', { name: '邮件发件箱' }).click();
  const mail = page.locator('article', { hasText: user.email }).first();
  const link = (await mail.locator('pre').textContent())!.match(/https?:\/\/\S+\/verify-email\?token=\S+/)![0];
  await logOut(page, 'zh-CN');

  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText('谢谢，您的电子邮箱已确认。')).toBeVisible();
});

test('an operator verifies the organization from the queue', async ({ page }) => {
  await logIn(page, 'zh-CN', operator.email, operator.password);
  await page.getByRole('link', { name: '认证审核' }).click();
  const item = page.locator('section.queue-item', { hasText: orgName });
  await item.getByRole('button', { name: '通过认证' }).click();
  await expect(page.locator('section.queue-item', { hasText: orgName })).toHaveCount(0);
  await logOut(page, 'zh-CN');
});

test('the user logs in again and sees the verified organization and their role', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(user.email);
  await page.getByLabel('密码').fill('not-the-password-at-all');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('电子邮箱或密码不正确。')).toBeVisible();

  await logIn(page, 'zh-CN', user.email, user.password);
  await expect(page.getByTestId('role')).toHaveText('所有者');
  await expect(page.getByText('已认证', { exact: true })).toBeVisible();
  await expect(page.getByText('请确认您的电子邮箱')).toHaveCount(0);
  await logOut(page, 'zh-CN');
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});
