import type Stripe from 'stripe';
import { config } from '../../config.ts';
import { isDuplicateKeyError } from '../../db/insert-once.ts';
import { logger } from '../../logger.ts';
import { StripeEventClaim } from '../model.ts';
import { stripe, stripeConfigured } from './client.ts';
import { handlerFor } from './events.ts';
import { RetryLater } from './handlers.ts';

// POST /webhooks/stripe. The signature is checked on the exact bytes received,
// then the event id is claimed by an insert: of parallel or repeated deliveries
// one processes it, the others answer without touching anything. A claim whose
// process died is taken over by a later delivery once its lease has passed.
// Handlers only write to our database (no calls to Stripe), so this answers fast.

/** Longer than any handler takes; a claim older than this with no `processedAt` was abandoned. */
const LEASE_MS = 2 * 60_000;

export type WebhookOutcome =
  | { status: 400; reason: 'not_configured' | 'bad_signature' }
  | { status: 200; outcome: 'processed' | 'duplicate' | 'ignored' }
  /** Another delivery is processing it, or it must wait for another event: Stripe retries later. */
  | { status: 409; outcome: 'in_progress' | 'retry_later' };

export function verifyStripeEvent(rawBody: Buffer, signature: string | null): Stripe.Event | null {
  const secret = config().STRIPE_WEBHOOK_SECRET;
  if (!stripeConfigured() || !secret || !signature) return null;
  try {
    return stripe().webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return null;
  }
}

/** Claims the event for this delivery: a new claim, or one whose lease ran out. */
async function claim(event: Stripe.Event): Promise<'claimed' | 'duplicate' | 'in_progress'> {
  const now = new Date();
  try {
    await StripeEventClaim.create({ _id: event.id, type: event.type, claimedAt: now, processedAt: null });
    return 'claimed';
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const existing = await StripeEventClaim.findById(event.id).lean();
  if (!existing || existing.processedAt) return 'duplicate';
  if (now.getTime() - existing.claimedAt.getTime() < LEASE_MS) return 'in_progress';
  const taken = await StripeEventClaim.findOneAndUpdate(
    { _id: event.id, claimedAt: existing.claimedAt, processedAt: null },
    { $set: { claimedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  return taken ? 'claimed' : 'in_progress';
}

export async function receiveStripeWebhook(rawBody: Buffer, signature: string | null): Promise<WebhookOutcome> {
  if (!stripeConfigured() || !config().STRIPE_WEBHOOK_SECRET) return { status: 400, reason: 'not_configured' };
  const event = verifyStripeEvent(rawBody, signature);
  if (!event) {
    logger.warn('Stripe webhook refused: bad or missing signature');
    return { status: 400, reason: 'bad_signature' };
  }
  const handler = handlerFor(event);
  if (!handler) return { status: 200, outcome: 'ignored' };
  const claimed = await claim(event);
  if (claimed !== 'claimed')
    return claimed === 'duplicate' ? { status: 200, outcome: 'duplicate' } : { status: 409, outcome: 'in_progress' };
  try {
    await handler(event);
  } catch (error) {
    // Released, so Stripe's next delivery processes it afresh.
    await StripeEventClaim.deleteOne({ _id: event.id, processedAt: null });
    if (error instanceof RetryLater) {
      logger.info({ event: event.id, type: event.type, reason: error.message }, 'Stripe event deferred');
      return { status: 409, outcome: 'retry_later' };
    }
    throw error;
  }
  await StripeEventClaim.updateOne({ _id: event.id }, { $set: { processedAt: new Date() } });
  logger.info({ event: event.id, type: event.type }, 'Stripe event processed');
  return { status: 200, outcome: 'processed' };
}

/** Stripe stops delivering an event after 3 days of retries: claims a month old guard nothing any more. */
const CLAIM_KEPT_MS = 30 * 86_400_000;

/** Drops processed claims past any redelivery, so the collection stays the size of a month of events. */
export async function purgeStripeEventClaims(now = new Date()): Promise<number> {
  const { deletedCount } = await StripeEventClaim.deleteMany({
    processedAt: { $ne: null, $lt: new Date(now.getTime() - CLAIM_KEPT_MS) },
  });
  return deletedCount;
}
