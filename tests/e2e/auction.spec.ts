import { expect, test, type Page } from '@playwright/test';
import {
  demoMember,
  endAuctionOf,
  operatorApi,
  pageOf,
  patentNumber,
  publishedListing,
  signUp,
  uniqueStamp,
  verify,
  type Member,
} from './support/deals.ts';

// Issue 9's auction story in the browser: an institute's patent auctioned with
// a reserve, three bidders (in English with JavaScript, in Chinese without it,
// and a new company), the owner seeing who bid, and the closing job turning
// the highest bid into a deal once the end has passed.

/** Places a bid on the listing's auction page (typed in yuan, as a person would). */
async function placeBid(page: Page, listingId: string, yuan: string, labels: { bid: RegExp; button: string }) {
  await page.goto(`/listings/${listingId}/auction`);
  await page.getByLabel(labels.bid).fill(yuan);
  await page.getByRole('button', { name: labels.button }).click();
}

const EN = { bid: /^Your bid/, button: 'Place a bid' };
const ZH = { bid: /^您的出价/, button: '出价' };

test('an auction with three bidders ends with the highest bid above the reserve as the deal, the others told they lost', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const stamp = uniqueStamp();
  const operator = await operatorApi(baseURL!);
  const institute = await demoMember(baseURL!, 'engineering_institute');
  const company = await demoMember(baseURL!, 'company');
  const investor = await demoMember(baseURL!, 'investor', 'zh-CN');
  const newcomer: Member = await signUp(baseURL!, 'company', {
    zh: `常州介入器械 ${stamp}`,
    en: `Changzhou Interventional Devices ${stamp}`,
  });
  await verify(operator, newcomer);
  const title = `Magnetic navigation guidewire ${stamp}`;
  const listing = await publishedListing(institute, operator, {
    kind: 'patent',
    title: { zh: `磁导航导丝 ${stamp}`, en: title },
    patents: [
      {
        number: patentNumber(),
        jurisdiction: 'CN',
        type: 'invention',
        status: 'granted',
        filingDate: '2023-05-04',
        grantDate: '2025-01-10',
      },
    ],
    dealTypes: ['assignment'],
    auction: {
      startingPrice: { amount: 10_000_000, currency: 'CNY' },
      minimumIncrement: { amount: 1_000_000, currency: 'CNY' },
      reserve: { amount: 15_000_000, currency: 'CNY' },
      endsAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    },
  });

  // The company finds the auction on the listing page and opens the bidding at the starting price.
  const first = await pageOf(browser, company);
  await first.goto(`/listings/${listing.id}`);
  await expect(first.getByRole('heading', { name: 'Auction' })).toBeVisible();
  await expect(first.getByText('A reserve price applies')).toBeVisible();
  await first.getByRole('link', { name: 'Place a bid' }).click();
  await placeBid(first, listing.id, '100,000', EN);
  await expect(first.getByText('Your organization has the highest bid.')).toBeVisible();

  // The investor, in Chinese and without JavaScript, outbids it.
  const second = await pageOf(browser, investor, { javaScriptEnabled: false });
  await placeBid(second, listing.id, '120000', ZH);
  await expect(second.getByText('贵机构目前出价最高。')).toBeVisible();
  await expect(second.getByText('2 位竞买人共出价 2 次')).toBeVisible();

  // The newcomer's first bid does not beat the highest by the increment: a field error; then it leads.
  const third = await pageOf(browser, newcomer);
  await placeBid(third, listing.id, '125000', EN);
  await expect(third.getByText('Your bid must be at least the next minimum.')).toBeVisible();
  await placeBid(third, listing.id, '160000', EN);
  await expect(third.getByText('Your organization has the highest bid.')).toBeVisible();
  await placeBid(first, listing.id, '170000', EN);
  await placeBid(third, listing.id, '185000', EN);
  await expect(third.getByText('5 bids from 3 bidders')).toBeVisible();

  // Bidders see amounts, not who bid; the owner sees who bid what, and the reserve.
  await first.goto(`/listings/${listing.id}/auction`);
  await expect(first.getByRole('columnheader', { name: 'Bidder' })).toHaveCount(0);
  await expect(first.getByText('Reserve price', { exact: true })).toHaveCount(0);
  const owner = await pageOf(browser, institute);
  await owner.goto(`/listings/${listing.id}/auction`);
  const newest = owner.getByRole('row').nth(1);
  await expect(newest).toContainText('CN¥185,000.00');
  await expect(newest).toContainText(newcomer.organization.name.en);
  await expect(owner.getByText('CN¥150,000.00')).toBeVisible();

  // The end comes; the closing job makes the deal for the highest bid.
  await endAuctionOf(listing.id);
  await expect(async () => {
    await third.reload();
    await expect(third.getByText('Your organization won this auction.')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await third.getByRole('link', { name: 'Go to the deal' }).click();
  await expect(third).toHaveURL(/\/deals\/[a-f0-9]{24}$/);
  await expect(third.getByText('Awaiting payment').first()).toBeVisible();
  await expect(third.getByText('CN¥185,000.00').first()).toBeVisible();

  // The others see the result and the reserve; the company is told another bidder won.
  await first.goto(`/listings/${listing.id}/auction`);
  await expect(first.getByText('Sold', { exact: true })).toBeVisible();
  await expect(first.getByRole('link', { name: 'Go to the deal' })).toHaveCount(0);
  await first.goto('/notifications');
  await expect(first.getByText(`The auction for “${title}” ended: another bidder won with CNY 185000.`)).toBeVisible();
});
