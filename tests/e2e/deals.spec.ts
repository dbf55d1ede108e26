import { expect, test, type Page } from '@playwright/test';
import type { PageLocale } from './support/session.ts';
import {
  dealIdOf,
  endNoticePeriodOf,
  operatorApi,
  pageOf,
  patentNumber,
  publishedListing,
  signUp,
  uniqueStamp,
  verify,
  type Member,
} from './support/deals.ts';

// Issue 9's deal stories in the browser, each with its own organizations and
// listing (set up through the API, as an integration would): an assignment
// negotiated with a counter and held in public notice by an objection, with
// JavaScript; an investor's equity investment, in Chinese, and an institute's
// patent contributed to a spin-off for a stake, as plain HTML forms.

/** The deal page's status line. */
const statusOf = (page: Page, label: string) => page.locator(`dl.facts dt:text-is("${label}") + dd`);

/** The ledger's row for a listing. */
const ledgerRow = (page: Page, title: string) => page.getByRole('row').filter({ hasText: title });

/** A count on /stats: the row's cell under the column, in the table of one breakdown ("By category"…). */
async function statsCount(page: Page, table: string, row: string, column: string): Promise<number> {
  const figures = page.getByRole('table', { name: `Figures ${table}` });
  const columns = await figures.locator('thead th').allTextContents();
  const cells = figures.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row, exact: true }) });
  // Absent until the first deal of its kind.
  if ((await cells.count()) === 0) return 0;
  return Number((await cells.locator('td').nth(columns.indexOf(column)).textContent())!.replace(/\D/g, ''));
}

/** When /stats computed what it shows (it reuses its figures for a minute). */
async function statsCheckedAt(page: Page): Promise<number> {
  return Date.parse((await page.getByRole('main').locator('time').first().getAttribute('datetime'))!);
}

const LABELS = {
  en: { link: 'Make an offer', dealType: 'Deal type', choose: 'Continue' },
  'zh-CN': { link: '提交报价', dealType: '交易方式', choose: '继续' },
} as const;

/** On the listing page, "Make an offer", then the deal type: the offer page shows that type's form. */
async function startOffer(page: Page, locale: PageLocale, listingId: string, dealType: string) {
  const labels = LABELS[locale];
  await page.goto(`/listings/${listingId}`);
  await page.getByRole('link', { name: labels.link }).click();
  await expect(page).toHaveURL(new RegExp(`/listings/${listingId}/offer$`));
  await page.getByLabel(labels.dealType).selectOption(dealType);
  await page.getByRole('button', { name: labels.choose }).click();
}

/** A verified seller and buyer of the given kinds (their names carry a stamp), and the operator who verified them. */
async function twoParties(baseURL: string, locale: PageLocale, seller: [string, string], buyer: [string, string]) {
  const stamp = uniqueStamp();
  const named = (name: string) => ({ zh: `${name} ${stamp}`, en: `${name} ${stamp}` });
  const operator = await operatorApi(baseURL, locale);
  const sellerMember = await signUp(baseURL, seller[0], named(seller[1]), locale);
  const buyerMember = await signUp(baseURL, buyer[0], named(buyer[1]), locale);
  await verify(operator, sellerMember, buyerMember);
  return { stamp, operator, seller: sellerMember, buyer: buyerMember };
}

const nameOf = (member: Member) => member.organization.name.en;

test('an offer countered and accepted is held in public notice by an objection until the operator resolves it, then paid, completed and recorded', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const open = (member: Member) => pageOf(browser, member, { javaScriptEnabled: true });
  const { stamp, operator, seller, buyer } = await twoParties(
    baseURL!,
    'en',
    ['engineering_institute', 'Suzhou Institute of Biomedical Engineering'],
    ['company', 'Wuxi Vascular Devices'],
  );
  const objector = await signUp(baseURL!, 'hospital', {
    zh: `苏州第一医院 ${stamp}`,
    en: `Suzhou First Hospital ${stamp}`,
  });
  const title = `Drug-coated balloon catheter ${stamp}`;
  const patent = patentNumber();
  const listing = await publishedListing(seller, operator, {
    kind: 'patent',
    title: { zh: `药物涂层球囊导管 ${stamp}`, en: title },
    patents: [
      {
        number: patent,
        jurisdiction: 'CN',
        type: 'invention',
        status: 'granted',
        filingDate: '2024-02-01',
        grantDate: '2025-08-19',
      },
    ],
    dealTypes: ['assignment'],
    askingPrice: { amount: 50_000_000, currency: 'CNY' },
  });

  // The figures before: assignments of cardiovascular devices so far (a lower bound, however stale).
  const hospital = await open(objector);
  await hospital.goto('/stats');
  const assignmentsBefore = await statsCount(
    hospital,
    'By category',
    'Cardiovascular devices',
    'IP rights by assignment',
  );

  // The company offers ¥420,000.
  const company = await open(buyer);
  await startOffer(company, 'en', listing.id, 'assignment');
  await company.getByLabel('Price', { exact: true }).fill('420,000');
  await company.getByLabel('Message').fill('Ready to sign this month.');
  await company.getByRole('button', { name: 'Send offer' }).click();
  await expect(company).toHaveURL(/\/offers\/[a-f0-9]{24}$/);
  await expect(company.getByText('Pending', { exact: true })).toBeVisible();
  // The bidder may still withdraw it; only the institute answers it.
  await expect(company.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  await expect(company.getByRole('button', { name: 'Accept', exact: true })).toHaveCount(0);
  const offerUrl = company.url();

  // The institute counters at ¥460,000.
  const institute = await open(seller);
  await institute.goto(offerUrl);
  await expect(institute.getByText('Ready to sign this month.')).toBeVisible();
  await institute.getByLabel('Price', { exact: true }).fill('460,000');
  await institute.getByLabel('Message').fill('Our board approved 460,000.');
  await institute.getByRole('button', { name: 'Send counter-offer' }).click();
  // The counter is an offer of its own in the same thread.
  await expect(institute).not.toHaveURL(offerUrl);
  await expect(institute).toHaveURL(/\/offers\/[a-f0-9]{24}$/);
  const thread = institute.locator('ol.offer-thread > li');
  await expect(thread).toHaveCount(2);
  await expect(thread.nth(0)).toContainText('Countered');
  await expect(thread.nth(1)).toContainText('Pending');
  await expect(thread.nth(1)).toContainText('CN¥460,000.00');

  // The company accepts the counter: an institute's negotiated price goes into public notice.
  await company.goto(institute.url());
  await company.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(company).toHaveURL(/\/deals\/[a-f0-9]{24}$/);
  const dealUrl = company.url();
  const dealId = dealIdOf(company);
  await expect(statusOf(company, 'Status')).toHaveText('In public notice');
  await expect(statusOf(company, 'Public notice ends')).not.toBeEmpty();
  await expect(statusOf(company, 'Due at signing')).toHaveText('CN¥460,000.00');

  // Someone else, signed in, objects on /notices.
  await hospital.goto('/notices');
  const notice = hospital.getByRole('region', { name: title });
  await expect(notice).toContainText(`${nameOf(seller)} → ${nameOf(buyer)}`);
  await expect(notice).toContainText('Price: CN¥460,000.00');
  await notice.getByLabel('Your objection').fill('The price is below the appraisal our hospital saw.');
  await notice.getByRole('button', { name: 'Lodge objection' }).click();
  await expect(
    hospital.getByRole('status').filter({ hasText: 'Your objection was lodged. The operator will resolve it.' }),
  ).toBeVisible();
  await expect(hospital.getByRole('region', { name: title })).toContainText('1 open objection');

  // The notice period ends while the objection is open: the deal stays where it is.
  await endNoticePeriodOf(dealId);
  await hospital.waitForTimeout(3_000); // the notice job (every second here) has run since
  await company.reload();
  await expect(statusOf(company, 'Status')).toHaveText('In public notice');
  await expect(company.getByRole('region', { name: 'Objections' })).toContainText('Open');
  await expect(company.getByRole('region', { name: 'Payment' })).toHaveCount(0);

  // The operator finds it held, dismisses the objection, and the deal moves on at once.
  const operatorPage = await open(operator);
  await operatorPage.goto('/operator/deals');
  const held = operatorPage.getByRole('region', { name: 'Notices held by objections' });
  await expect(held.getByRole('listitem').filter({ hasText: title })).toContainText('1 open objection');
  await held.getByRole('link', { name: title }).click();
  await expect(operatorPage).toHaveURL(dealUrl);
  await operatorPage.getByLabel('Resolution', { exact: true }).fill('The appraisal cited predates the animal study.');
  await operatorPage.getByLabel('Outcome').selectOption('dismissed');
  await operatorPage.getByRole('button', { name: 'Resolve objection' }).click();
  await expect(statusOf(operatorPage, 'Status')).toHaveText('Awaiting payment');
  const objections = operatorPage.getByRole('region', { name: 'Objections' });
  await expect(objections).toContainText('Dismissed');
  await expect(objections).toContainText("Operator's resolution: The appraisal cited predates the animal study.");
  const timeline = operatorPage.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Objection lodged');
  await expect(timeline).toContainText('Public notice ended');

  // The buyer is told how to pay, with the reference the operator will see.
  await company.reload();
  const payment = company.getByRole('region', { name: 'Payment' });
  await expect(payment).toContainText('Transfer CN¥460,000.00 by bank transfer');
  const reference = (await payment.locator('code').textContent())!.trim();
  expect(reference).not.toBe('');

  // The operator confirms the transfer from the queue.
  await operatorPage.goto('/operator/deals');
  const due = operatorPage.getByRole('region', { name: 'Payments awaiting confirmation' });
  await expect(due.getByRole('listitem').filter({ hasText: title })).toContainText(reference);
  await due.getByRole('link', { name: title }).click();
  await operatorPage.getByRole('button', { name: 'Confirm the payment was received' }).click();
  await expect(statusOf(operatorPage, 'Status')).toHaveText('Paid');

  // A party completes it; the public record shows the assignment.
  await institute.goto(dealUrl);
  const completing = Date.now();
  await institute.getByRole('button', { name: 'Mark the deal completed' }).click();
  await expect(statusOf(institute, 'Status')).toHaveText('Completed');

  // /stats counts it once its figures are newer than the completion.
  await expect(async () => {
    await hospital.goto('/stats');
    expect(await statsCheckedAt(hospital)).toBeGreaterThanOrEqual(completing);
  }).toPass({ intervals: [2_000], timeout: 75_000 });
  expect(await statsCount(hospital, 'By category', 'Cardiovascular devices', 'IP rights by assignment')).toBe(
    assignmentsBefore + 1,
  );

  await hospital.goto('/ledger');
  const row = ledgerRow(hospital, title);
  await expect(row).toContainText('IP assignment');
  await expect(row).toContainText(`Assignor: ${nameOf(seller)}`);
  await expect(row).toContainText(`Assignee: ${nameOf(buyer)}`);
  await expect(row).toContainText(`Patents: ${patent}`);
});

test('投资机构对项目报价，项目方接受，运营方确认到账，交易完成并记入公示记录（股权投资）', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const open = (member: Member) => pageOf(browser, member, { javaScriptEnabled: false });
  const { stamp, operator, seller, buyer } = await twoParties(
    baseURL!,
    'zh-CN',
    ['company', '苏州微创影像科技'],
    ['investor', '元禾原点创业投资'],
  );
  const title = `血管内光学相干断层成像系统 ${stamp}`;
  const listing = await publishedListing(seller, operator, {
    kind: 'project',
    title: { zh: title, en: `Intravascular OCT system ${stamp}` },
    dealTypes: ['equity'],
    equityOffered: { percent: 10, valuation: { amount: 2_000_000_000, currency: 'CNY' } },
  });

  const investor = await open(buyer);
  await startOffer(investor, 'zh-CN', listing.id, 'equity');
  await investor.getByLabel('投资金额').fill('2,000,000');
  await investor.getByLabel('投后估值').fill('20,000,000');
  await investor.getByLabel('留言').fill('领投本轮，可在两周内完成尽调。');
  await investor.getByRole('button', { name: '发送报价' }).click();
  await expect(investor).toHaveURL(/\/offers\/[a-f0-9]{24}$/);
  await expect(investor.getByText('待答复', { exact: true })).toBeVisible();

  // A company sells: no public notice; the investment is due at once.
  const company = await open(seller);
  await company.goto(investor.url());
  await company.getByRole('button', { name: '接受', exact: true }).click();
  await expect(company).toHaveURL(/\/deals\/[a-f0-9]{24}$/);
  const dealUrl = company.url();
  await expect(statusOf(company, '状态')).toHaveText('待付款');

  await investor.goto(dealUrl);
  const payment = investor.getByRole('region', { name: '付款' });
  await expect(payment).toContainText('¥2,000,000.00');
  const reference = (await payment.locator('code').textContent())!.trim();

  const operatorPage = await open(operator);
  await operatorPage.goto('/operator/deals');
  const due = operatorPage.getByRole('region', { name: '待确认付款' });
  await expect(due.getByRole('listitem').filter({ hasText: title })).toContainText(reference);
  await due.getByRole('link', { name: title }).click();
  await operatorPage.getByRole('button', { name: '确认已收到付款' }).click();
  await expect(statusOf(operatorPage, '状态')).toHaveText('已付款');

  await investor.reload();
  await investor.getByRole('button', { name: '确认交易完成' }).click();
  await expect(statusOf(investor, '状态')).toHaveText('已完成');
  await expect(investor.getByRole('region', { name: '进程' })).toContainText('确认到账');

  await investor.goto('/ledger');
  const row = ledgerRow(investor, title);
  await expect(row).toContainText('股权投资');
  await expect(row).toContainText(`项目公司：${seller.organization.name.zh}`);
  await expect(row).toContainText(`投资方：${buyer.organization.name.zh}`);
  await expect(row).toContainText('股权比例：10%');
});

test('an institute contributes a patent to a spin-off for a stake at an appraised value, recorded as IP for equity', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const open = (member: Member) => pageOf(browser, member, { javaScriptEnabled: false });
  const { stamp, operator, seller, buyer } = await twoParties(
    baseURL!,
    'en',
    ['basic_institute', 'Institute of Medical Acoustics'],
    ['company', 'Acoustics Spin-off'],
  );
  const title = `Focused ultrasound transducer ${stamp}`;
  const patent = patentNumber();
  const listing = await publishedListing(seller, operator, {
    kind: 'patent',
    title: { zh: `聚焦超声换能器 ${stamp}`, en: title },
    patents: [{ number: patent, jurisdiction: 'CN', type: 'invention', status: 'filed', filingDate: '2024-09-12' }],
    dealTypes: ['ip_for_equity'],
  });

  const spinOff = await open(buyer);
  await startOffer(spinOff, 'en', listing.id, 'ip_for_equity');
  await spinOff.getByLabel('Appraised value').fill('3,000,000');
  await spinOff.getByLabel('Appraiser').fill('Jiangsu Zhongcheng Asset Appraisal');
  await spinOff.getByLabel('Appraisal report no.').fill(`SZPG-2026-${stamp}`);
  await spinOff.getByLabel('Stake received (%)').fill('30');
  await spinOff.getByLabel('Company', { exact: true }).fill(nameOf(buyer));
  await spinOff.getByRole('button', { name: 'Send offer' }).click();
  await expect(spinOff).toHaveURL(/\/offers\/[a-f0-9]{24}$/);

  const institute = await open(seller);
  await institute.goto(spinOff.url());
  await institute.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(institute).toHaveURL(/\/deals\/[a-f0-9]{24}$/);
  const dealId = dealIdOf(institute);
  // An institute's negotiated contribution is published first; the appraisal is among its frozen terms.
  await expect(statusOf(institute, 'Status')).toHaveText('In public notice');
  const terms = institute.getByRole('region', { name: 'Terms (frozen as agreed)' });
  await expect(terms).toContainText('CN¥3,000,000.00');
  await expect(terms).toContainText('Jiangsu Zhongcheng Asset Appraisal');

  // No objection: when the period ends, the notice job moves the deal on by itself; nothing is due at signing.
  await endNoticePeriodOf(dealId);
  await expect(async () => {
    await institute.reload();
    await expect(statusOf(institute, 'Status')).toHaveText('Awaiting completion (nothing due at signing)', {
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });

  // Both parties agree to publish the amounts, so the record shows the appraised value as well.
  const publication = (page: Page) => page.getByRole('region', { name: 'Publishing the amounts' });
  await institute.getByRole('button', { name: 'Agree to publish the amounts' }).click();
  await expect(publication(institute)).toContainText('Agreed');
  await spinOff.goto(institute.url());
  await spinOff.getByRole('button', { name: 'Agree to publish the amounts' }).click();
  await expect(publication(spinOff)).not.toContainText('Not agreed');

  await institute.reload();
  await institute.getByRole('button', { name: 'Mark the deal completed' }).click();
  await expect(statusOf(institute, 'Status')).toHaveText('Completed');

  await spinOff.goto('/ledger');
  const row = ledgerRow(spinOff, title);
  await expect(row).toContainText('IP for equity');
  await expect(row).toContainText(`Contributing institute: ${nameOf(seller)}`);
  await expect(row).toContainText(`Company: ${nameOf(buyer)}`);
  await expect(row).toContainText(`Patents: ${patent}`);
  await expect(row).toContainText('Stake: 30%');
  await expect(row).toContainText(`Appraised by Jiangsu Zhongcheng Asset Appraisal, report SZPG-2026-${stamp}`);
  await expect(row).toContainText('Appraised value: CN¥3,000,000.00');
});
