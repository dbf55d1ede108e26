import type Stripe from 'stripe';
import { logger } from '../../logger.ts';
import type { StripeEventHandlers } from '../stripe/handlers.ts';
import { StripeAccount } from './model.ts';
import { applyAccountState } from './state.ts';

// What Stripe's events about sellers' connected accounts do. Each event carries
// the whole account, stamped with its `created` time: applying one twice is
// harmless, and one older than the stored state changes nothing.

const eventTime = (event: Stripe.Event) => new Date(event.created * 1000);

async function accountUpdated(event: Stripe.Event): Promise<void> {
  const account = event.data.object as Stripe.Account;
  const organizationId = account.metadata?.organization;
  // Accounts we did not create (or the first update, racing our own insert of the account) are
  // not written: the seller's return from Stripe reads the account afresh.
  const applied =
    typeof organizationId === 'string' && (await applyAccountState(organizationId, account, eventTime(event)));
  if (!applied)
    logger.info(
      { event: event.id, account: account.id },
      'account.updated not applied (unknown, disconnected or older)',
    );
}

/** The account left the platform: deals stop routing money to it, and the seller may set payouts up again. */
async function accountDeauthorized(event: Stripe.Event): Promise<void> {
  if (!event.account) return;
  const at = eventTime(event);
  await StripeAccount.updateOne(
    { account: event.account, disconnectedAt: null },
    { $set: { disconnectedAt: at, chargesEnabled: false, payoutsEnabled: false, updatedAt: new Date() } },
  );
}

export const connectEventHandlers: StripeEventHandlers = {
  'account.updated': accountUpdated,
  'account.application.deauthorized': accountDeauthorized,
};
