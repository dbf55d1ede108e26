// npm run bench:webhooks — how fast /webhooks/stripe answers Stripe on the
// embedded database: a first delivery that pays a deal (claim, payment, deal,
// receipt mails), a repeated delivery (answered from the claim), and bursts of
// parallel duplicates of one event. Stripe is stripe-mock; events are signed
// as Stripe signs them. Prints medians over BENCH_ROUNDS rounds (machines here
// are shared and noisy: compare medians and ratios, not single runs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import Stripe from 'stripe';
import { config } from '../../server/config.ts';
import { ensureIndexes } from '../../server/db/indexes.ts';
import { startEmbeddedDatabase } from '../../server/db/embedded.ts';
import { createDeal, payDeal } from '../../server/deals/index.ts';
import { Payment, receiveStripeWebhook, type PaymentDoc } from '../../server/payments/index.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { checkoutPaid } from '../support/stripe-events.ts';
import { startStripeMock } from '../support/stripe-mock.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DEALS_PER_ROUND = 20;
const BURST = 10;
const SECRET = 'whsec_bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(op: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await op();
  return performance.now() - started;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'medip-bench-webhooks-'));
const db = await startEmbeddedDatabase({ dataDir });
const mock = await startStripeMock();
try {
  Object.assign(config(), {
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_API_BASE: mock.apiBase,
    STRIPE_WEBHOOK_SECRET: SECRET,
  });
  await mongoose.connect(db.uri, { dbName: 'bench' });
  // The app's services register every model (and the deals' payment listener).
  await import('../../server/app-context.ts');
  await ensureIndexes();
  const sdk = new Stripe('sk_test_bench');
  const signed = (event: object) => {
    const body = JSON.stringify(event);
    return {
      body: Buffer.from(body),
      signature: sdk.webhooks.generateTestHeaderString({ payload: body, secret: SECRET }),
    };
  };
  const [seller, buyer] = await Promise.all([
    createOrganization({ kind: 'company' }),
    createOrganization({ kind: 'company' }),
  ]);
  const buyerActor = {
    userId: new mongoose.Types.ObjectId().toHexString(),
    organizationId: String(buyer._id),
    organizationKind: 'company' as const,
    organizationVerified: true,
    role: 'owner' as const,
  };
  let sources = 0;

  /** A deal awaiting payment with its Checkout Session open, and Stripe's report that it was paid. */
  async function paidEvent() {
    const listing = await createListing(seller._id);
    const { deal } = await createDeal({
      source: { kind: 'offer', id: `bench-${++sources}` },
      listingId: String(listing._id),
      sellerOrganizationId: String(seller._id),
      buyerOrganizationId: String(buyer._id),
      terms: { dealType: 'assignment', price: { amount: 250_000_00, currency: 'USD' } },
      priceSetBy: 'listing',
      createdBy: buyerActor.userId,
    });
    await payDeal(buyerActor, deal.id, { locale: 'en' });
    const payment = (await Payment.findOne({ deal: deal.id }).lean<PaymentDoc>())!;
    return checkoutPaid(payment, `pi_bench_${sources}`);
  }

  const samples: Record<string, number[]> = {
    'first delivery (pays the deal)': [],
    'repeated delivery (duplicate)': [],
    [`${BURST} parallel deliveries of one event, whole burst`]: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < DEALS_PER_ROUND; i++) {
      const delivery = signed(await paidEvent());
      samples['first delivery (pays the deal)']!.push(
        await timed(() => receiveStripeWebhook(delivery.body, delivery.signature)),
      );
      samples['repeated delivery (duplicate)']!.push(
        await timed(() => receiveStripeWebhook(delivery.body, delivery.signature)),
      );
    }
    const burst = signed(await paidEvent());
    samples[`${BURST} parallel deliveries of one event, whole burst`]!.push(
      await timed(() =>
        Promise.all(Array.from({ length: BURST }, () => receiveStripeWebhook(burst.body, burst.signature))),
      ),
    );
  }
  console.log(`\nStripe webhooks on the embedded database (${ROUNDS} rounds; ms)\n`);
  console.table(
    Object.fromEntries(
      Object.entries(samples).map(([name, xs]) => [
        name,
        { samples: xs.length, median: Number(median(xs).toFixed(1)), max: Number(Math.max(...xs).toFixed(1)) },
      ]),
    ),
  );
} finally {
  await mongoose.disconnect();
  await mock.stop();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
