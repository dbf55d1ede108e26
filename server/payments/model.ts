import mongoose, { Schema } from 'mongoose';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import { PAYMENT_STATUSES, type PaymentStatus } from './schemas.ts';

// A payment is one document under its reference (`_id`): what is owed, by whom
// to whom, which provider took the money, its refunds and the payout to the
// seller. Every change is one write guarded by `version` (see ./transition.ts).
// Look-ups from Stripe's side go through `stripe_links` (a Stripe object id to
// our reference), so nothing here is queried by anything but `_id`; what jobs
// and the operator page scan are the small in-flight collections below.

export const PAYMENT_PURPOSES = ['deal', 'membership'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];
export const PAYMENT_PROVIDERS = ['offline', 'stripe'] as const;
export type PaymentProviderKind = (typeof PAYMENT_PROVIDERS)[number];

// The statuses are in ./schemas.ts, which the pages import too.
export { PAYMENT_STATUSES, type PaymentStatus } from './schemas.ts';

export interface PaymentParty {
  organization: string;
  name: Bilingual;
}

export interface StoredRefund {
  /** Our refund's id: the receipt's address, and Stripe's idempotency key. */
  id: string;
  amount: Money;
  provider: PaymentProviderKind;
  /** Stripe's `re_…`, or the bank's reference the operator typed. */
  reference: string | null;
  status: 'pending' | 'succeeded' | 'failed';
  reason: string;
  by: string | null;
  at: Date;
}

export interface StoredPayout {
  method: 'stripe_transfer' | 'offline';
  amount: Money;
  /** The connected account (`acct_…`) or the bank reference of the operator's transfer. */
  reference: string | null;
  status: 'pending' | 'paid' | 'reversed';
  by: string | null;
  at: Date;
}

export interface PaymentEvent {
  at: Date;
  type: string;
  by: string | null;
  note: string | null;
}

export interface StripeIds {
  checkoutSessionId: string | null;
  checkoutUrl: string | null;
  checkoutExpiresAt: Date | null;
  paymentIntentId: string | null;
  chargeId: string | null;
  /** The seller's connected account the funds were routed to, if any. */
  destination: string | null;
  customerId: string | null;
  subscriptionId: string | null;
  invoiceId: string | null;
}

export interface PaymentDoc {
  /** The reference the money carries: `MIX-<DEAL ID>` for a deal. */
  _id: string;
  purpose: PaymentPurpose;
  deal: string | null;
  payer: PaymentParty;
  /** Null: the alliance itself (membership fees). */
  payee: PaymentParty | null;
  description: Bilingual;
  amount: Money;
  /** The platform fee and the seller's share, fixed when the payment is taken. */
  fee: Money | null;
  net: Money | null;
  /** Which provider took the money; null until one did. */
  provider: PaymentProviderKind | null;
  status: PaymentStatus;
  stripe: StripeIds;
  /** The operator who confirmed a bank transfer, and the bank's reference. */
  offline: { by: string; at: Date; bankReference: string | null } | null;
  refunds: StoredRefund[];
  /** Sum of the succeeded refunds, in `amount`'s currency. */
  refunded: number;
  /** Owed back to the payer (its deal was cancelled after payment) and not refunded yet; null: nothing owed. */
  refundDue: number | null;
  payout: StoredPayout | null;
  /** A disagreement between our record and the provider's, for the operator (null: none known). */
  mismatch: string | null;
  events: PaymentEvent[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  paidAt: Date | null;
}

export const NO_STRIPE_IDS: StripeIds = {
  checkoutSessionId: null,
  checkoutUrl: null,
  checkoutExpiresAt: null,
  paymentIntentId: null,
  chargeId: null,
  destination: null,
  customerId: null,
  subscriptionId: null,
  invoiceId: null,
};

const paymentSchema = new Schema(
  {
    _id: { type: String, required: true },
    purpose: { type: String, enum: PAYMENT_PURPOSES, required: true },
    deal: { type: String, default: null },
    payer: { type: Schema.Types.Mixed, required: true },
    payee: { type: Schema.Types.Mixed, default: null },
    description: { type: Schema.Types.Mixed, required: true },
    amount: { type: Schema.Types.Mixed, required: true },
    fee: { type: Schema.Types.Mixed, default: null },
    net: { type: Schema.Types.Mixed, default: null },
    provider: { type: String, enum: [...PAYMENT_PROVIDERS, null], default: null },
    status: { type: String, enum: PAYMENT_STATUSES, required: true },
    stripe: { type: Schema.Types.Mixed, default: () => ({ ...NO_STRIPE_IDS }) },
    offline: { type: Schema.Types.Mixed, default: null },
    refunds: { type: [Schema.Types.Mixed], default: [] },
    refunded: { type: Number, default: 0 },
    refundDue: { type: Number, default: null },
    payout: { type: Schema.Types.Mixed, default: null },
    mismatch: { type: String, default: null },
    events: { type: [Schema.Types.Mixed], default: [] },
    version: { type: Number, required: true, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    paidAt: { type: Date, default: null },
  },
  { minimize: false, versionKey: false },
);
export const Payment = mongoose.model('Payment', paymentSchema, 'payments');

/** `_id` = a Stripe object id (`cs_…`, `pi_…`, `ch_…`, `in_…`, `sub_…`): the payment it belongs to. */
export const StripeLink = mongoose.model(
  'StripeLink',
  new Schema({ _id: String, payment: { type: String, required: true } }, { versionKey: false }),
  'stripe_links',
);

/**
 * `_id` = the Stripe event id: inserted before an event is acted on, so each is
 * processed once. `processedAt` null with an old `claimedAt`: the process died
 * on it, and Stripe's next delivery takes it over.
 */
export const StripeEventClaim = mongoose.model(
  'StripeEventClaim',
  new Schema(
    {
      _id: String,
      type: { type: String, required: true },
      claimedAt: { type: Date, required: true },
      processedAt: { type: Date, default: null },
    },
    { versionKey: false },
  ),
  'stripe_events',
);

/** Stripe payments not settled yet: what the reconciliation job asks Stripe about (`since`: when they started). */
export const PaymentOpen = mongoose.model(
  'PaymentOpen',
  new Schema({ _id: String, since: { type: Date, required: true } }, { versionKey: false }),
  'payments_open',
);

/** `_id` = an organization id: its Stripe customer (`cus_…`), created once for Checkout and the billing portal. */
export const StripeCustomer = mongoose.model(
  'StripeCustomer',
  new Schema({ _id: String, customer: { type: String, required: true } }, { versionKey: false }),
  'stripe_customers',
);
