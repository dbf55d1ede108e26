import mongoose, { Schema } from 'mongoose';

// One document per seller organization (`_id` = its id): the Stripe Express
// account its deal money is routed to, and that account's state as Stripe last
// told us. Created by an insert under the organization's id, so parallel
// "set up payouts" clicks keep one account.

/** Stripe lists the requirements still due; more than this many say nothing more to the seller. */
export const MAX_REQUIREMENTS_KEPT = 50;

export interface StripeAccountDoc {
  _id: string;
  /** The connected account, `acct_…`. */
  account: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  /** Stripe's `requirements.currently_due`: what the seller must still provide. */
  requirementsDue: string[];
  country: string | null;
  /** When the account stopped being ours to use (`account.application.deauthorized`); null while connected. */
  disconnectedAt: Date | null;
  /**
   * The moment the stored state describes: the `created` time of the last account
   * event applied, or of our own read from Stripe. Anything older is ignored, so
   * events delivered out of order never roll the state back.
   */
  stateAsOf: Date;
  createdAt: Date;
  updatedAt: Date;
}

const stripeAccountSchema = new Schema(
  {
    _id: { type: String, required: true },
    account: { type: String, required: true },
    chargesEnabled: { type: Boolean, required: true, default: false },
    payoutsEnabled: { type: Boolean, required: true, default: false },
    detailsSubmitted: { type: Boolean, required: true, default: false },
    requirementsDue: { type: [String], default: [] },
    country: { type: String, default: null },
    disconnectedAt: { type: Date, default: null },
    stateAsOf: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
// `account.application.deauthorized` names only the account: its organization is found by it (a small collection).
stripeAccountSchema.index({ account: 1 });

export const StripeAccount = mongoose.model<StripeAccountDoc>('StripeAccount', stripeAccountSchema, 'stripe_accounts');
