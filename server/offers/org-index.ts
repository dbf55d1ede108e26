import { versionedWrite } from '../db/versioned-write.ts';
import { OfferIndex, type OfferDoc, type OfferIndexDoc } from './model.ts';

// Each organization's list of the offers it made or received (one document,
// `_id` = the organization's id): `/offers` and a thread page read it instead
// of filtering the offers collection.

/** Adds the offer to both organizations' lists (idempotent: an entry already there stays). */
export async function indexOffer(offer: OfferDoc): Promise<void> {
  const entry = { offerId: offer._id, threadId: offer.threadId, at: offer.createdAt };
  await Promise.all(
    [offer.bidder.organization, offer.owner.organization].map((organizationId) =>
      versionedWrite<OfferIndexDoc, void>(OfferIndex, organizationId, (index) => {
        if (!index) return { insert: { offers: [entry] }, result: undefined };
        if (index.offers.some((e) => e.offerId === entry.offerId)) return { result: undefined };
        return { update: { $set: { offers: [entry, ...index.offers] } }, result: undefined };
      }),
    ),
  );
}

/** The ids of the offers the organization made or received, newest first. */
export async function indexedOffers(organizationId: string): Promise<OfferIndexDoc['offers']> {
  const index = await OfferIndex.findById(organizationId).lean<OfferIndexDoc>();
  return index?.offers ?? [];
}
