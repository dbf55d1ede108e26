import { randomBytes } from 'node:crypto';
import { bootstrapOperator, loadAuthenticatedUser, login } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { createDeal } from '../../server/deals/index.ts';
import { requirePayment } from '../../server/payments/transition.ts';
import { recordSucceeded } from '../../server/payments/settle.ts';
import type { Money } from '../../server/shared/money.ts';
import { createListing } from './factories.ts';

// Deal payments for the payment pages' tests, made the way the product makes
// them: a deal (which creates its payment) and, for a paid one, the operator's
// confirmation of the bank transfer.

export interface SignedInOperator {
  cookie: string;
  userId: string;
  actor: NonNullable<Actor>;
}

/** An operator signed in: its session cookie, user id and actor (for calling services directly). */
export async function signedInOperator(): Promise<SignedInOperator> {
  const email = `ops-${randomBytes(4).toString('hex')}@example.com`;
  await bootstrapOperator(email, 'operator-passphrase-1');
  const { sessionId, userId } = await login(
    { email, password: 'operator-passphrase-1' },
    { ip: '127.0.0.1', locale: 'en' },
  );
  const { actor } = (await loadAuthenticatedUser(userId))!;
  return { cookie: `medip_session=${sessionId}`, userId, actor: actor! };
}

/** A deal between the two organizations at `price`; returns its payment's reference (pending). */
export async function dealPayment(
  seller: { organizationId: string },
  buyer: { organizationId: string; userId: string },
  price: Money,
) {
  const listingId = String((await createListing(seller.organizationId))._id);
  const { deal } = await createDeal({
    source: { kind: 'offer', id: `payment-test-${randomBytes(4).toString('hex')}` },
    listingId,
    sellerOrganizationId: seller.organizationId,
    buyerOrganizationId: buyer.organizationId,
    terms: { dealType: 'assignment', price },
    priceSetBy: 'listing',
    createdBy: buyer.userId,
  });
  const reference = `MIX-${deal.id.toUpperCase()}`;
  await requirePayment(reference);
  return { reference, dealId: deal.id };
}

/** The operator confirmed the buyer's bank transfer (reference `bankReference`). */
export async function payOffline(reference: string, operatorId: string, bankReference = 'BANK-IN-1') {
  const { payment } = await recordSucceeded(reference, {
    provider: 'offline',
    by: operatorId,
    note: bankReference,
    offline: { by: operatorId, at: new Date(), bankReference },
  });
  return payment;
}
