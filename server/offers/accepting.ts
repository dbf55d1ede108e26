import type { Actor } from '../auth/permissions.ts';
import { createDeal } from '../deals/index.ts';
import { conflict, isDomainError } from '../errors.ts';
import { tellSide } from './delivery.ts';
import { toOfferDto, type OfferDto } from './dto.ts';
import { Offer, type OfferDoc } from './model.ts';
import { pendingOfferFor } from './service.ts';
import { transition } from './transitions.ts';

// Accepting spans two documents (the offer and the deal) with no transaction,
// so it is three steps, each safe to repeat:
//   1. pending → accepting, guarded by status and version: of two accepts, an
//      accept and a withdrawal, or an accept and the expiry, one wins here;
//   2. createDeal with source { kind: 'offer', id }: idempotent by source, so
//      running it again returns the same deal;
//   3. accepting → accepted with the deal's id.
// A failure at step 2 that is a refusal (409: an exclusive deal already took
// the listing) moves the offer on to `rejected` (cause `listing_taken`); any
// other refusal by the deals module moves it back to `pending`: never is it
// left `accepting` or `accepted` without a deal. Any other failure,
// or a crash, leaves it `accepting`: the sweep (sweep.ts) repeats steps 2–3
// for offers accepting for longer than a minute, reaching the same end.

/** Steps 2 and 3 for an offer already `accepting`; returns the offer as it ends. */
export async function finishAccepting(offer: OfferDoc): Promise<OfferDoc> {
  let dealId: string;
  try {
    const { deal } = await createDeal({
      source: { kind: 'offer', id: offer._id },
      listingId: offer.listing,
      sellerOrganizationId: offer.owner.organization,
      buyerOrganizationId: offer.bidder.organization,
      terms: offer.terms,
      priceSetBy: 'agreement',
      createdBy: offer.acceptedBy ?? offer.createdBy,
    });
    dealId = deal.id;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'conflict') {
      const taken = await transition(offer, 'rejected', { rejection: { cause: 'listing_taken', reason: '' } });
      if (taken) await Promise.all([tellSide(taken, 'bidder', 'ended'), tellSide(taken, 'owner', 'ended')]);
    } else {
      // Refused for another reason (the listing lost its patents…): no deal, so the offer is open again.
      await transition(offer, 'pending', { acceptedBy: null });
    }
    throw error;
  }
  const accepted = await transition(offer, 'accepted', { dealId });
  if (!accepted) {
    // Someone else (a twin request or the sweep) finished it first.
    return (await Offer.findById(offer._id).lean<OfferDoc>())!;
  }
  await tellSide(accepted, accepted.madeBy, 'accepted');
  return accepted;
}

/** The receiver of the latest pending offer accepts it: a deal at its terms. */
export async function acceptOffer(actor: Actor, offerId: string): Promise<OfferDto> {
  const offer = await pendingOfferFor(actor, offerId, 'offer:respond');
  const accepting = await transition(offer, 'accepting', { acceptedBy: actor!.userId });
  if (!accepting) throw conflict('errors.offers.notPending');
  return toOfferDto(await finishAccepting(accepting));
}
