import { expect, request, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import mongoose from 'mongoose';
import { cnCheckDigit } from '../../../server/listings/patents.ts';
import { E2E_DB_PORT } from './ports.ts';
import type { PageLocale } from './session.ts';

// Set-up for the deal stories, through the API as an integration would do it:
// organizations signed up and verified by the operator, a listing submitted and
// published. What the story is about then happens in the pages.

const DEMO_PASSWORD = 'medip-demo-2026';
const PASSWORD = 'Hangzhou-ultrasound-probe-26';

export interface Member {
  api: APIRequestContext;
  locale: PageLocale;
  organization: { id: string; name: { zh: string; en: string } };
}

/** A unique suffix per call, so every test has its own organizations, listings and patent numbers. */
export function uniqueStamp(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** An API client that sends what a same-origin browser would (the CSRF guard refuses a cookie without it). */
function apiClient(baseURL: string, locale: PageLocale): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL, 'Accept-Language': locale } });
}

interface Account {
  organization: { id: string; name: { zh: string; en: string } };
}

/** The answer's JSON, after checking it succeeded (the message names the call and what it said). */
async function ok<T>(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Signs up a new member with a new organization of that kind (the operator verifies it: `verify`). */
export async function signUp(
  baseURL: string,
  kind: string,
  name: { zh: string; en: string },
  locale: PageLocale = 'en',
): Promise<Member> {
  const api = await apiClient(baseURL, locale);
  const email = `${kind.replace(/_/g, '-')}-${uniqueStamp()}@example.com`;
  const account = await ok<Account>(
    await api.post('/api/v1/auth/signup', {
      data: { email, password: PASSWORD, name: 'Deal Tester', locale, organization: { name, kind } },
    }),
  );
  return { api, locale, organization: { id: account.organization.id, name } };
}

/** A demo account (`<kind>@demo.medip.cn`, verified by the seed), signed in through the API. */
export async function demoMember(baseURL: string, kind: string, locale: PageLocale = 'en'): Promise<Member> {
  const api = await apiClient(baseURL, locale);
  const account = await ok<Account>(
    await api.post('/api/v1/auth/login', {
      data: { email: `${kind.replace(/_/g, '-')}@demo.medip.cn`, password: DEMO_PASSWORD },
    }),
  );
  return { api, locale, organization: { id: account.organization.id, name: account.organization.name } };
}

/** The demo operator, signed in through the API. */
export const operatorApi = (baseURL: string, locale: PageLocale = 'en') => demoMember(baseURL, 'operator', locale);

export async function verify(operator: Member, ...members: Member[]): Promise<void> {
  for (const member of members) await ok(await operator.api.post(`/api/v1/orgs/${member.organization.id}/verify`));
}

/** A CN invention patent number with a valid check digit, unique per call. */
export function patentNumber(): string {
  const digits = `2024${String(Date.now() % 1e8).padStart(8, '0')}`;
  return `CN${digits}.${cnCheckDigit(digits)}`;
}

/** A listing of the owner's, submitted and published by the operator. */
export async function publishedListing(
  owner: Member,
  operator: Member,
  fields: Record<string, unknown>,
): Promise<{ id: string }> {
  const listing = await ok<{ id: string }>(
    await owner.api.post('/api/v1/listings', {
      data: {
        summary: {
          zh: '一种用于心血管介入的医疗器械技术。',
          en: 'A device technology for cardiovascular intervention.',
        },
        category: 'cardiovascular',
        nmpaClass: 'III',
        trl: 5,
        stage: 'animal_study',
        ...fields,
      },
    }),
  );
  await ok(await owner.api.post(`/api/v1/listings/${listing.id}/submit`));
  await ok(await operator.api.post(`/api/v1/listings/${listing.id}/publish`));
  return { id: listing.id };
}

/** A browser page signed in as the member (their API session's cookie), in their language. */
export async function pageOf(browser: Browser, member: Member, { javaScriptEnabled = true } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled,
    storageState: await member.api.storageState(),
    locale: member.locale === 'en' ? 'en-GB' : 'zh-CN',
    extraHTTPHeaders: { 'Accept-Language': member.locale },
  });
  return context.newPage();
}

/**
 * Time passes: the deal's public notice (PUBLIC_NOTICE_DAYS, 15 days) ends now.
 * Its end is moved in the database, on the deal and in the notice queue the job
 * reads, exactly as 15 days would leave them; the app does the rest itself.
 */
export async function endNoticePeriodOf(dealId: string): Promise<void> {
  await withDatabase(async (db) => {
    const now = new Date(Date.now() - 1_000);
    const deal = await db
      .collection('deals')
      .updateOne(
        { _id: new mongoose.Types.ObjectId(dealId), status: 'public_notice' },
        { $set: { noticeEndsAt: now } },
      );
    const notice = await db
      .collection<{ _id: string }>('deal_notices')
      .updateOne({ _id: dealId }, { $set: { endsAt: now } });
    expect([deal.matchedCount, notice.matchedCount]).toEqual([1, 1]);
  });
}

/** The test database, for moving time forward (see endNoticePeriodOf, endAuctionOf). */
export async function withDatabase<T>(work: (db: mongoose.Connection) => Promise<T>): Promise<T> {
  const connection = await mongoose
    .createConnection(`mongodb://127.0.0.1:${E2E_DB_PORT}/`, { dbName: 'medip', serverSelectionTimeoutMS: 5_000 })
    .asPromise();
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

/**
 * Time passes: the listing's auction ends now. Its end (after the extensions
 * the bids made) is moved in the database, on its head and in the closing
 * job's set, as the passing hours would leave them; the app does the rest.
 */
export async function endAuctionOf(listingId: string): Promise<void> {
  await withDatabase(async (db) => {
    const now = new Date(Date.now() - 1_000);
    const head = await db
      .collection<{ _id: string }>('auction_heads')
      .updateOne({ _id: listingId }, { $set: { endsAt: now } });
    const open = await db
      .collection<{ _id: string }>('open_auctions')
      .updateOne({ _id: listingId }, { $set: { endsAt: now } });
    expect([head.matchedCount, open.matchedCount]).toEqual([1, 1]);
  });
}

export const dealIdOf = (page: Page): string => /\/deals\/([a-f0-9]{24})$/.exec(page.url())![1]!;
