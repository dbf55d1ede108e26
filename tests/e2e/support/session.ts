import { expect, type Page } from '@playwright/test';

// Logging in and out through the pages, as a person would, in either language.

const LABELS = {
  en: { email: 'E-mail address', password: 'Password', logIn: 'Log in', logOut: 'Log out' },
  'zh-CN': { email: '电子邮箱', password: '密码', logIn: '登录', logOut: '退出登录' },
} as const;

export type PageLocale = keyof typeof LABELS;

export async function logIn(page: Page, locale: PageLocale, email: string, password: string) {
  const labels = LABELS[locale];
  await page.goto('/login');
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.logIn, exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
}

export async function logOut(page: Page, locale: PageLocale) {
  const labels = LABELS[locale];
  await page.getByRole('button', { name: labels.logOut, exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: labels.logIn })).toBeVisible();
}
