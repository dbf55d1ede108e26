import { onDealCreated, type DealCreated } from '../deals/index.ts';
import { tellSide } from './delivery.ts';
import { Offer, OpenOffer, type OfferDoc, type OpenOfferDoc } from './model.ts';
import { transition } from './transitions.ts';

// An exclusive deal (assignment, exclusive licence, IP for equity) takes the
// listing: every other pending offer on it ends, `rejected` with the cause
// `listing_taken`, and its bidder is told. Offers being accepted meanwhile
// end the same way when their own deal is refused (accepting.ts). Should this
// listener not run (a crash), such an offer still cannot become a deal: its
// accept is refused by the deals module and ends it then.

export async function endOffersOnTakenListing(event: DealCreated): Promise<number> {
  if (!event.exclusive) return 0;
  const open = await OpenOffer.find({ listing: event.listingId }).lean<OpenOfferDoc[]>();
  let ended = 0;
  for (const entry of open) {
    if (event.source.kind === 'offer' && event.source.id === entry._id) continue;
    const offer = await Offer.findById(entry._id).lean<OfferDoc>();
    if (offer?.status !== 'pending') continue;
    const closed = await transition(offer, 'rejected', { rejection: { cause: 'listing_taken', reason: '' } });
    if (!closed) continue;
    ended++;
    await tellSide(closed, 'bidder', 'ended');
  }
  return ended;
}

// The feed logs a listener's failure; the deal stands either way.
onDealCreated(async (event) => {
  await endOffersOnTakenListing(event);
});
