import type Stripe from 'stripe';
import { config } from '../config.ts';
import { insertOnce } from '../db/insert-once.ts';
import { conflict } from '../errors.ts';
import { logger } from '../logger.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import { payoutDestination } from './connect/index.ts';
import { NO_STRIPE_IDS, Payment, PaymentOpen, StripeLink, type PaymentDoc, type PaymentParty } from './model.ts';
import { platformFee } from './fees.ts';
import { recordSucceeded, linkStripeIds } from './settle.ts';
import { toStripeAmount, withinStripeLimits } from './stripe/amounts.ts';
import { askStripe } from './stripe/ask.ts';
import { stripe, stripeConfigured } from './stripe/client.ts';
import { stripeCustomerFor } from './stripe/customers.ts';
import { changePayment, findPayment } from './transition.ts';

// A deal's payment: one document under the deal's reference, created with the
// deal. The buyer pays by bank transfer (the operator confirms) or, when Stripe
// takes the deal's currency and amount, through a Stripe Checkout Session. A
// session lives 24 hours; pressing "Pay" again reuses the open one, so one
// payment never has two open sessions and cannot be charged twice.

export interface DealPaymentFacts {
  dealId: string;
  reference: string;
  amount: Money;
  buyer: PaymentParty;
  seller: PaymentParty;
  title: Bilingual;
}

/** The deal's payment document, created on first need (deals made before payments were recorded have none). */
export async function ensureDealPayment(facts: DealPaymentFacts): Promise<PaymentDoc> {
  // Read first: every deal page view asks, and a refused insert would take the write lock each time.
  const known = await findPayment(facts.reference);
  if (known) return known;
  const now = new Date();
  const { doc } = await insertOnce(
    Payment,
    { _id: facts.reference },
    {
      _id: facts.reference,
      purpose: 'deal',
      deal: facts.dealId,
      payer: facts.buyer,
      payee: facts.seller,
      description: facts.title,
      amount: facts.amount,
      status: 'pending',
      stripe: { ...NO_STRIPE_IDS },
      createdAt: now,
      updatedAt: now,
      events: [{ at: now, type: 'created', by: null, note: null }],
    },
  );
  return doc as unknown as PaymentDoc;
}

/** Whether this amount can be paid through Stripe here (else: bank transfer only). */
export const stripeTakes = (amount: Money): boolean =>
  stripeConfigured() && config().STRIPE_CURRENCIES.includes(amount.currency) && withinStripeLimits(amount);

/** Stripe's bank-transfer type for a currency it takes into a customer balance (among ours). */
const BANK_TRANSFER_TYPES: Partial<
  Record<Money['currency'], Stripe.Checkout.SessionCreateParams.PaymentMethodOptions.CustomerBalance.BankTransfer.Type>
> = {
  USD: 'us_bank_transfer',
  JPY: 'jp_bank_transfer',
};

const SESSION_HOURS = 24;
/** Stripe refused or is unreachable: the page says so and offers the bank transfer. */
const CHECKOUT_ERRORS = { refused: 'errors.payments.stripeRefused', unavailable: 'errors.payments.stripeDown' };
/** A session about to expire is not handed out: the buyer needs time to pay. */
const SESSION_MARGIN_MS = 10 * 60_000;

export interface CheckoutRequest {
  facts: DealPaymentFacts;
  /** Checkout's language. */
  locale: 'zh' | 'en';
}

/** Parallel clicks settle within a round or two; more in a row is not a race. */
const CHECKOUT_ATTEMPTS = 4;

/** The URL of an open Checkout Session for the deal's payment: the one already open, or a new one. */
export async function startDealCheckout(request: CheckoutRequest): Promise<string> {
  const { facts } = request;
  if (!stripeTakes(facts.amount)) throw conflict('errors.payments.stripeUnavailable');
  for (let attempt = 0; attempt < CHECKOUT_ATTEMPTS; attempt++) {
    const payment = await ensureDealPayment(facts);
    if (payment.status === 'succeeded') throw conflict('errors.payments.alreadyPaid');
    if (payment.status === 'processing') throw conflict('errors.payments.processing');
    if (payment.status === 'cancelled') throw conflict('errors.payments.cancelled');
    const open = payment.stripe;
    if (
      open.checkoutUrl &&
      open.checkoutExpiresAt &&
      open.checkoutExpiresAt.getTime() - Date.now() > SESSION_MARGIN_MS
    ) {
      return open.checkoutUrl;
    }
    if (open.checkoutSessionId && (await askStripe(() => sessionWasPaid(payment), CHECKOUT_ERRORS))) {
      throw conflict('errors.payments.alreadyPaid');
    }
    const session = await askStripe(() => createSession(payment, request), CHECKOUT_ERRORS);
    const { changed } = await changePayment(payment._id, (p) =>
      p.version !== payment.version
        ? null
        : {
            type: 'checkout_opened',
            note: session.id,
            set: {
              status: 'pending',
              // The fee this session carries (Stripe takes it as the application fee when funds go to the seller).
              fee: session.fee,
              net: { amount: p.amount.amount - session.fee.amount, currency: p.amount.currency },
              stripe: {
                ...p.stripe,
                checkoutSessionId: session.id,
                checkoutUrl: session.url,
                checkoutExpiresAt: new Date(session.expires_at * 1000),
                destination: session.destination,
                customerId: session.customer,
              },
            },
          },
    );
    if (!changed) {
      // A parallel click at the same version got the same session from Stripe (same idempotency key)
      // and stored it first; a different one is ours alone, expired unpaid, and theirs is used.
      const stored = await findPayment(payment._id);
      if (stored?.stripe.checkoutSessionId === session.id) return session.url;
      await expireQuietly(session.id);
      continue;
    }
    await linkStripeIds(payment._id, [session.id]);
    await PaymentOpen.updateOne({ _id: payment._id }, { $setOnInsert: { since: new Date() } }, { upsert: true });
    logger.info({ payment: payment._id, session: session.id }, 'Checkout Session opened');
    return session.url;
  }
  throw conflict('errors.payments.busy');
}

/**
 * Before a new session replaces an old one, the old one is expired at Stripe;
 * if it turns out to have been paid (its webhook not here yet), the payment is
 * recorded instead and no second session is made.
 */
async function sessionWasPaid(payment: PaymentDoc): Promise<boolean> {
  const id = payment.stripe.checkoutSessionId!;
  const session = await stripe().checkout.sessions.retrieve(id);
  if (session.status === 'open') {
    await expireQuietly(id);
    const again = await stripe().checkout.sessions.retrieve(id);
    if (again.status !== 'complete') return false;
    return applyCompleted(payment._id, again);
  }
  return session.status === 'complete' ? applyCompleted(payment._id, session) : false;
}

async function applyCompleted(reference: string, session: Stripe.Checkout.Session): Promise<boolean> {
  if (session.payment_status !== 'paid') return session.status === 'complete';
  await recordSucceeded(reference, { provider: 'stripe', by: null, note: session.id, stripe: stripeIdsOf(session) });
  return true;
}

export const stripeIdsOf = (session: Stripe.Checkout.Session) => ({
  checkoutSessionId: session.id,
  paymentIntentId:
    typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null),
});

async function expireQuietly(id: string): Promise<void> {
  await stripe()
    .checkout.sessions.expire(id)
    .catch((error: unknown) => logger.warn({ err: error, session: id }, 'Checkout Session not expired'));
}

interface OpenedSession {
  id: string;
  url: string;
  expires_at: number;
  fee: Money;
  destination: string | null;
  customer: string | null;
}

async function createSession(payment: PaymentDoc, { facts, locale }: CheckoutRequest): Promise<OpenedSession> {
  const price = toStripeAmount(payment.amount);
  const destination = await payoutDestination(facts.seller.organization);
  const { fee } = platformFee(payment.amount);
  const bankTransfer = config().STRIPE_PAYMENT_METHODS.includes('customer_balance')
    ? BANK_TRANSFER_TYPES[payment.amount.currency]
    : undefined;
  const customer = bankTransfer
    ? await stripeCustomerFor({
        id: facts.buyer.organization,
        name: facts.buyer.name.en ?? facts.buyer.name.zh ?? facts.buyer.organization,
      })
    : null;
  const back = `${config().PUBLIC_URL}/deals/${facts.dealId}`;
  const metadata = { payment: payment._id, deal: facts.dealId };
  const title = locale === 'zh' ? (facts.title.zh ?? facts.title.en) : (facts.title.en ?? facts.title.zh);
  // Stripe's longest: the buyer's company may need a day to approve; the page hands the session out until then.
  const expiresAt = Math.floor(Date.now() / 1000) + SESSION_HOURS * 3600;
  const session = await stripe().checkout.sessions.create(
    {
      mode: 'payment',
      expires_at: expiresAt,
      client_reference_id: payment._id,
      metadata,
      locale,
      ...(customer && { customer }),
      payment_method_types: bankTransfer ? ['card', 'customer_balance'] : ['card'],
      ...(bankTransfer && {
        payment_method_options: {
          customer_balance: { funding_type: 'bank_transfer', bank_transfer: { type: bankTransfer } },
        },
      }),
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: price.currency,
            unit_amount: price.amount,
            product_data: { name: `${title ?? payment._id} · ${payment._id}`.slice(0, 250) },
          },
        },
      ],
      payment_intent_data: {
        metadata,
        description: `MedIP Exchange ${payment._id}`,
        ...(destination && {
          application_fee_amount: toStripeAmount(fee).amount,
          transfer_data: { destination },
        }),
      },
      success_url: `${back}?payment=success`,
      cancel_url: `${back}?payment=cancelled`,
    },
    // The same payment at the same version: a double click gets Stripe's one session back.
    { idempotencyKey: `checkout:${payment._id}:${payment.version}` },
  );
  if (!session.url) throw new Error(`Checkout Session ${session.id} came without a URL`);
  return {
    id: session.id,
    url: session.url,
    expires_at: expiresAt,
    fee,
    destination,
    customer: customer ?? null,
  };
}

/** The payment a Stripe object belongs to: our reference in its metadata, or the link stored when we met it. */
export async function referenceOf(metadata: Stripe.Metadata | null | undefined, ...ids: (string | null | undefined)[]) {
  const fromMetadata = metadata?.payment;
  if (fromMetadata && (await findPayment(fromMetadata))) return fromMetadata;
  for (const id of ids) {
    if (!id) continue;
    const link = await StripeLink.findById(id).lean();
    if (link) return link.payment;
  }
  return null;
}

/** A deal's payment as its parties and the operators see it on the deal page and in the API. */
export interface DealPaymentView {
  reference: string;
  amount: Money;
  status: PaymentDoc['status'];
  provider: PaymentDoc['provider'];
  fee: Money | null;
  net: Money | null;
  refunded: Money;
  refundDue: Money | null;
  payout: { method: 'stripe_transfer' | 'offline'; status: 'pending' | 'paid' | 'reversed' } | null;
  refunds: { id: string; amount: Money; status: 'pending' | 'succeeded' | 'failed'; at: string }[];
  /** Whether the buyer may pay online (Stripe takes this currency and amount, and it is not paid or settling). */
  stripeAvailable: boolean;
  /** A Checkout Session is open: "Pay" continues it. */
  checkoutOpen: boolean;
}

export function dealPaymentView(p: PaymentDoc): DealPaymentView {
  const money = (amount: number) => ({ amount, currency: p.amount.currency });
  return {
    reference: p._id,
    amount: p.amount,
    status: p.status,
    provider: p.provider,
    fee: p.fee,
    net: p.net,
    refunded: money(p.refunded),
    refundDue: p.refundDue === null ? null : money(p.refundDue - p.refunded),
    payout: p.payout && { method: p.payout.method, status: p.payout.status },
    refunds: p.refunds.map((r) => ({ id: r.id, amount: r.amount, status: r.status, at: r.at.toISOString() })),
    stripeAvailable: (p.status === 'pending' || p.status === 'failed') && stripeTakes(p.amount),
    checkoutOpen: Boolean(
      p.stripe.checkoutUrl && p.stripe.checkoutExpiresAt && p.stripe.checkoutExpiresAt > new Date(),
    ),
  };
}
