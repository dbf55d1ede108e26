import { isDomainError } from '../errors.ts';
import { logger } from '../logger.ts';
import { finishAccepting } from './accepting.ts';
import { tellSide } from './delivery.ts';
import { Offer, OpenOffer, OPEN_STATUSES, type OfferDoc, type OpenOfferDoc } from './model.ts';
import { transition } from './transitions.ts';

const MINUTE = 60_000;
/** An acceptance younger than this is still in its request; older, it was interrupted. */
const ACCEPTING_GRACE_MS = MINUTE;
/** An OpenOffer entry whose offer never got written (a crash between the two inserts). */
const ORPHAN_GRACE_MS = 5 * MINUTE;

// The periodic pass over the open offers (the small OpenOffer collection, never
// the offers): pending offers past their expiry become `expired`; offers left
// `accepting` by a crash or a failure are finished (see accepting.ts); entries
// whose offer is closed or was never written are removed. Each change is the
// guarded transition, so two instances sweeping at once expire an offer once:
// the second one's update matches nothing.

export interface SweepResult {
  expired: number;
  finished: number;
}

async function sweepOne(open: OpenOfferDoc, now: Date, result: SweepResult): Promise<void> {
  const offer = await Offer.findById(open._id).lean<OfferDoc>();
  if (!offer) {
    if (now.getTime() - open.createdAt.getTime() > ORPHAN_GRACE_MS) await OpenOffer.deleteOne({ _id: open._id });
    return;
  }
  if (!OPEN_STATUSES.includes(offer.status)) {
    await OpenOffer.deleteOne({ _id: open._id });
  } else if (offer.status === 'pending' && offer.expiresAt <= now) {
    const expired = await transition(offer, 'expired');
    if (!expired) return;
    result.expired++;
    await Promise.all([tellSide(expired, 'bidder', 'expired'), tellSide(expired, 'owner', 'expired')]);
  } else if (offer.status === 'accepting' && now.getTime() - offer.changedAt.getTime() > ACCEPTING_GRACE_MS) {
    // A refusal by the deals module is an end too: finishAccepting has closed or reopened the offer.
    await finishAccepting(offer).catch((error: unknown) => {
      if (!isDomainError(error)) throw error;
    });
    result.finished++;
  }
}

export async function sweepOffers(now = new Date()): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, finished: 0 };
  const open = await OpenOffer.find({}).lean<OpenOfferDoc[]>();
  for (const entry of open) {
    await sweepOne(entry, now, result).catch((err: unknown) =>
      logger.error({ err, offerId: entry._id }, 'offer sweep failed for one offer'),
    );
  }
  return result;
}
