import { logger } from '../logger.ts';
import { notifyOrganization } from '../notifications/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { formatMajorUnits, type Money } from '../shared/money.ts';

// What an auction tells organizations (`notifications.types.auction.<event>`):
// the outbid bidder; at the close, the seller (sold, or ended without sale)
// and every bidder (won, lost, or ended without sale). Sent after the change is stored; a
// failed delivery is logged and never undoes it.

export type AuctionEvent = 'outbid' | 'won' | 'lost' | 'sold' | 'ended';

/** One text for both languages' notifications: the currency code and the amount in major units. */
const amountText = (m: Money) => `${m.currency} ${formatMajorUnits(m.amount, m.currency)}`;

export async function tellAuction(
  organizationId: string,
  event: AuctionEvent,
  listing: { id: string; title: Bilingual },
  amount: Money | null,
): Promise<void> {
  try {
    await notifyOrganization(organizationId, {
      type: `auction.${event}`,
      params: {
        listingTitle_zh: listing.title.zh ?? '',
        listingTitle_en: listing.title.en ?? '',
        amount: amount ? amountText(amount) : '',
      },
      link: `/listings/${listing.id}/auction`,
    });
  } catch (err) {
    logger.error({ err, listing: listing.id, event }, 'auction notification failed');
  }
}
