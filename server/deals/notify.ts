import { logger } from '../logger.ts';
import { notifyOrganization } from '../notifications/index.ts';
import type { DealDoc } from './model.ts';

export type DealNotification = 'paid' | 'completed' | 'cancelled' | 'notice_ended';

/** Tells both organizations' members (but the one who acted) about a step of their deal, in the inbox and by mail; never fails the step. */
export async function tellParties(deal: DealDoc, what: DealNotification, except?: string | null): Promise<void> {
  const n = {
    type: `deal.${what}`,
    params: { listingTitle_zh: deal.listing.title.zh ?? '', listingTitle_en: deal.listing.title.en ?? '' },
    link: `/deals/${String(deal._id)}`,
  };
  const results = await Promise.allSettled(
    [deal.seller.organization, deal.buyer.organization].map((org) =>
      notifyOrganization(org, n, except ? { except } : {}),
    ),
  );
  for (const r of results)
    if (r.status === 'rejected') logger.error({ err: r.reason, deal: String(deal._id) }, 'deal notification failed');
}
