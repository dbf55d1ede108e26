import type Stripe from 'stripe';
import { MAX_REQUIREMENTS_KEPT, StripeAccount, type StripeAccountDoc } from './model.ts';

// A connected account's state as we keep it, and what it means for the seller:
// written from account events and from our own read when the seller returns
// from Stripe; read by the payouts page and by deal checkout (payoutDestination).

/** What the seller sees: nothing yet; Stripe needs more; Stripe is checking; money can flow; the account left us. */
export const CONNECT_STAGES = [
  'not_started',
  'details_needed',
  'under_review',
  'payouts_enabled',
  'disconnected',
] as const;
export type ConnectStage = (typeof CONNECT_STAGES)[number];

export interface ConnectStatus {
  stage: ConnectStage;
  /** `acct_…`, or null before onboarding started. */
  account: string | null;
  requirementsDue: number;
  /** ISO time of the last change we recorded. */
  updatedAt: string | null;
}

/** The fields of a Stripe account we keep. */
export function accountState(account: Stripe.Account) {
  return {
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
    requirementsDue: (account.requirements?.currently_due ?? []).slice(0, MAX_REQUIREMENTS_KEPT),
    country: account.country ?? null,
  };
}

/**
 * Stores the account's state as of `asOf`, unless the organization's stored
 * account is another one, has been disconnected, or already holds a newer
 * state. Answers whether anything was written. Equal times apply: two
 * snapshots of the same second cannot be ordered, and the later delivery wins.
 */
export async function applyAccountState(organizationId: string, account: Stripe.Account, asOf: Date): Promise<boolean> {
  const result = await StripeAccount.updateOne(
    { _id: organizationId, account: account.id, disconnectedAt: null, stateAsOf: { $lte: asOf } },
    { $set: { ...accountState(account), stateAsOf: asOf, updatedAt: new Date() } },
  );
  return result.modifiedCount > 0;
}

function stageOf(doc: StripeAccountDoc): ConnectStage {
  if (doc.disconnectedAt) return 'disconnected';
  if (doc.chargesEnabled && doc.payoutsEnabled) return 'payouts_enabled';
  if (!doc.detailsSubmitted || doc.requirementsDue.length > 0) return 'details_needed';
  return 'under_review';
}

export function statusOf(doc: StripeAccountDoc | null): ConnectStatus {
  if (!doc) return { stage: 'not_started', account: null, requirementsDue: 0, updatedAt: null };
  return {
    stage: stageOf(doc),
    account: doc.account,
    requirementsDue: doc.requirementsDue.length,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** The organization's payout account as last recorded, for display. */
export async function connectStatus(organizationId: string): Promise<ConnectStatus> {
  return statusOf(await StripeAccount.findById(organizationId).lean<StripeAccountDoc>());
}

/**
 * The connected account (`acct_…`) a deal's funds go to: only one Stripe lets
 * take charges and pay out. Null: the operator pays the seller offline.
 */
export async function payoutDestination(organizationId: string): Promise<string | null> {
  const doc = await StripeAccount.findById(organizationId).lean<StripeAccountDoc>();
  return doc && stageOf(doc) === 'payouts_enabled' ? doc.account : null;
}
