import { OpenOffer, Offer, OPEN_STATUSES, type OfferDoc, type OfferStatus } from './model.ts';

// Every change of an offer's status is one conditional update guarded by the
// status and version the caller read: of two racing changes (accept and
// withdraw, two accepts, accept and expiry) exactly one matches, and the
// other gets null and answers 409.

export async function transition(
  offer: OfferDoc,
  to: OfferStatus,
  set: Partial<Pick<OfferDoc, 'rejection' | 'dealId' | 'acceptedBy'>> = {},
): Promise<OfferDoc | null> {
  const changed = await Offer.findOneAndUpdate(
    { _id: offer._id, status: offer.status, version: offer.version },
    { $set: { status: to, changedAt: new Date(), ...set }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean<OfferDoc>();
  // Out of the open states: the sweep and the listing's open offers need it no more.
  if (changed && !OPEN_STATUSES.includes(to)) await OpenOffer.deleteOne({ _id: offer._id });
  return changed;
}
