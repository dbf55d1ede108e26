import type { DealTerms } from '../deals/terms.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { OfferDoc, OfferSide, OfferStatus, RejectionCause } from './model.ts';

export interface OfferDto {
  id: string;
  listingId: string;
  listingTitle: Bilingual;
  threadId: string;
  previousOfferId: string | null;
  bidder: { id: string; name: Bilingual };
  owner: { id: string; name: Bilingual };
  madeBy: OfferSide;
  terms: DealTerms;
  message: string;
  status: OfferStatus;
  expiresAt: string;
  createdAt: string;
  rejection: { cause: RejectionCause; reason: string } | null;
  dealId: string | null;
}

export const toOfferDto = (o: OfferDoc): OfferDto => ({
  id: o._id,
  listingId: o.listing,
  listingTitle: o.listingTitle,
  threadId: o.threadId,
  previousOfferId: o.previousOfferId,
  bidder: { id: o.bidder.organization, name: o.bidder.name },
  owner: { id: o.owner.organization, name: o.owner.name },
  madeBy: o.madeBy,
  terms: o.terms,
  message: o.message,
  status: o.status,
  expiresAt: o.expiresAt.toISOString(),
  createdAt: o.createdAt.toISOString(),
  rejection: o.rejection ? { cause: o.rejection.cause, reason: o.rejection.reason } : null,
  dealId: o.dealId,
});
