import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  operatorApi,
  pageOf,
  patentNumber,
  publishedListing,
  signUp,
  uniqueStamp,
  verify,
  type Member,
} from './support/deals.ts';
import { paymentOfDeal, sendWebhook, sessionPaid, stripeEvent } from './support/stripe.ts';

// Issue 10's story in the browser, against Stripe's own mock server: the
// buyer of a deal is sent to Stripe Checkout; Stripe's signed webhook marks the
// deal paid (a replayed one and a forged one change nothing); cancelling the
// paid deal refunds it through Stripe, and the public record still verifies.

/** A fact on the deal page, by its label. */
const fact = (page: Page, label: string) => page.locator(`dl.facts dt:text-is("${label}") + dd`).first();

/** The page at `path` passes axe's WCAG 2.1 A/AA rules. */
async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.help}`),
    `axe on ${path}`,
  ).toEqual([]);
}

async function ok<T>(response: Awaited<ReturnType<Member['api']['post']>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

test('a buyer pays a deal through Stripe Checkout; the signed webhook marks it paid; cancelling refunds it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const stamp = uniqueStamp();
  const operator = await operatorApi(baseURL!);
  const seller = await signUp(baseURL!, 'company', { zh: `波士顿影像 ${stamp}`, en: `Boston Imaging ${stamp}` });
  const buyer = await signUp(baseURL!, 'company', { zh: `柏林医疗 ${stamp}`, en: `Berlin Medical ${stamp}` });
  await verify(operator, seller, buyer);
  const listing = await publishedListing(seller, operator, {
    kind: 'patent',
    title: { zh: `血管内超声导管 ${stamp}`, en: `Intravascular ultrasound catheter ${stamp}` },
    patents: [
      {
        number: patentNumber(),
        jurisdiction: 'CN',
        type: 'invention',
        status: 'granted',
        filingDate: '2024-03-01',
        grantDate: '2025-09-01',
      },
    ],
    dealTypes: ['assignment'],
    askingPrice: { amount: 120_000_00, currency: 'USD' },
  });
  // Agreed through the API (issue 9's pages are tested elsewhere): $120,000, a company seller, so no notice.
  const { offer } = await ok<{ offer: { id: string } }>(
    await buyer.api.post(`/api/v1/listings/${listing.id}/offers`, {
      data: { terms: { dealType: 'assignment', price: { amount: 120_000_00, currency: 'USD' } }, message: 'Agreed.' },
    }),
  );
  const accepted = await ok<{ offer: { dealId: string } }>(await seller.api.post(`/api/v1/offers/${offer.id}/accept`));
  const dealId = accepted.offer.dealId;

  // The buyer sees both ways to pay and goes to Stripe Checkout (answered here by a stand-in page: no internet).
  const page = await pageOf(browser, buyer);
  await page.route('https://checkout.stripe.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Stripe Checkout</title><h1>Stripe Checkout (test)</h1>' }),
  );
  await page.goto(`/deals/${dealId}`);
  await expect(fact(page, 'Payment status')).toHaveText('Awaiting payment');
  await expect(page.getByText('quoting the reference below')).toBeVisible();
  await page.getByRole('button', { name: 'Pay online' }).click();
  await expect(page).toHaveURL(/^https:\/\/checkout\.stripe\.com\//);
  await expect(page.getByRole('heading', { name: 'Stripe Checkout (test)' })).toBeVisible();

  // Back on the deal page the buyer may continue the same session, not open a second one.
  await page.goto(`/deals/${dealId}?payment=cancelled`);
  await expect(page.getByText('The payment was not completed.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue the payment' })).toBeVisible();
  const payment = await paymentOfDeal(dealId);

  // A forged event (signed with another secret) is refused and changes nothing.
  const paid = sessionPaid(payment, dealId);
  const forged = await sendWebhook(operator.api, paid, 't=1,v1=' + '0'.repeat(64));
  expect(forged.status()).toBe(400);
  await page.reload();
  await expect(fact(page, 'Payment status')).toHaveText('Awaiting payment');

  // Stripe's signed event marks the deal paid.
  expect((await sendWebhook(operator.api, paid)).status()).toBe(200);
  await page.goto(`/deals/${dealId}`);
  await expect(fact(page, 'Status')).toHaveText('Paid');
  await expect(fact(page, 'Payment status')).toHaveText('Received (Stripe)');
  await expect(fact(page, 'Exchange service fee')).toHaveText(/^(US)?\$6,000\.00$/);
  await expect(page.getByRole('link', { name: 'Payment receipt' })).toBeVisible();
  const timeline = page.locator('ol.timeline > li');
  const steps = await timeline.count();

  // The same event delivered again changes nothing.
  const replay = await sendWebhook(operator.api, paid);
  expect(await replay.json()).toMatchObject({ outcome: 'duplicate' });
  await page.reload();
  await expect(timeline).toHaveCount(steps);

  // Both parties agree to cancel: the money goes back through Stripe.
  await page.getByLabel('Reason').fill('The licence was signed elsewhere.');
  await page.getByRole('button', { name: /Propose cancelling/ }).click();
  const sellerPage = await pageOf(browser, seller);
  await sellerPage.goto(`/deals/${dealId}`);
  await sellerPage.getByRole('button', { name: 'Agree to cancel' }).click();
  await expect(fact(sellerPage, 'Status')).toHaveText('Cancelled');
  await expect(sellerPage.getByText(/Refund of (US)?\$120,000\.00 under way/)).toBeVisible();

  // Stripe reports the charge refunded: the refund is settled and has its receipt.
  const refunded = stripeEvent('charge.refunded', {
    id: `ch_e2e_${stamp}`,
    object: 'charge',
    amount: 120_000_00,
    amount_refunded: 120_000_00,
    currency: 'usd',
    refunded: true,
    payment_intent: `pi_e2e_${dealId.slice(-10)}`,
    metadata: {},
  });
  expect((await sendWebhook(operator.api, refunded)).status()).toBe(200);
  await sellerPage.reload();
  await expect(fact(sellerPage, 'Refunded')).toHaveText(/^(US)?\$120,000\.00$/);
  await expect(sellerPage.getByRole('link', { name: /Refund receipt/ })).toBeVisible();

  // The public record is untouched and still verifies.
  const verification = await ok<{ ok: boolean }>(await operator.api.get('/api/v1/ledger/verify'));
  expect(verification.ok).toBe(true);

  // The pages of payments pass the accessibility rules: the parties' and the operator's.
  await expectAccessible(sellerPage, `/deals/${dealId}`);
  await expectAccessible(sellerPage, `/receipts/${payment._id}`);
  await expectAccessible(sellerPage, '/account/payouts');
  await expectAccessible(page, '/account/membership');
  const operatorPage = await pageOf(browser, operator);
  await expectAccessible(operatorPage, '/operator/payments');
  await expectAccessible(operatorPage, `/operator/payments/${payment._id}`);
  await expectAccessible(operatorPage, '/operator/memberships');
});
