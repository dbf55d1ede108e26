import { logger } from '../logger.ts';
import { notifyOrganization } from '../notifications/index.ts';
import type { OfferDoc, OfferSide } from './model.ts';

// Every change to an offer is news for one side: its organization's members
// get an in-app notification (`notifications.types.offer.<event>`), and those
// with a confirmed address the same words by mail (notifications/mail-queue.ts).
// Sent after the change is stored, so a failed delivery is logged and never undoes it.

export type OfferEvent = 'received' | 'countered' | 'accepted' | 'rejected' | 'expired' | 'withdrawn' | 'ended';

export const offerPath = (offerId: string) => `/offers/${offerId}`;

export async function tellSide(offer: OfferDoc, side: OfferSide, event: OfferEvent): Promise<void> {
  const other = offer[side === 'bidder' ? 'owner' : 'bidder'];
  try {
    await notifyOrganization(offer[side].organization, {
      type: `offer.${event}`,
      params: {
        listingTitle_zh: offer.listingTitle.zh ?? '',
        listingTitle_en: offer.listingTitle.en ?? '',
        organizationName_zh: other.name.zh ?? '',
        organizationName_en: other.name.en ?? '',
      },
      link: offerPath(offer._id),
    });
  } catch (err) {
    logger.error({ err, offerId: offer._id, event }, 'offer notification failed');
  }
}
