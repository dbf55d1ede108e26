import type { DealResource } from '../auth/permissions.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import {
  amountsPublicationOf,
  type AmountsPublication,
  type DealDoc,
  type DealEventType,
  type DealStatus,
  type PriceSetter,
} from './model.ts';
import { amountDue, type DealTerms } from './terms.ts';

export interface DealPartyDto {
  id: string;
  name: Bilingual;
  kind: string;
}

/** A deal as its parties and the operators see it (API and /deals/:id). */
export interface DealDto {
  id: string;
  type: DealTerms['dealType'];
  status: DealStatus;
  listing: { id: string; title: Bilingual };
  seller: DealPartyDto;
  buyer: DealPartyDto;
  terms: DealTerms;
  exclusive: boolean;
  priceSetBy: PriceSetter;
  /** What the buyer pays at signing; null when nothing is. */
  amountDue: Money | null;
  noticeEndsAt: string | null;
  /** The payment's reference and amount; its provider, fee, refunds and payout are the view's `payment`. */
  payment: { reference: string; amount: Money; status: 'pending' | 'received' } | null;
  registrationNumber: string | null;
  cancelProposedBy: string | null;
  cancelReason: string | null;
  /** Which sides agreed to show the amounts on the public ledger (both must, by completion). */
  publishAmounts: AmountsPublication;
  objections: {
    id: string;
    text: string;
    at: string;
    status: 'open' | 'dismissed' | 'upheld';
    resolution: string | null;
  }[];
  /** The timeline, oldest first. */
  events: { at: string; type: DealEventType; status: DealStatus; note: string | null }[];
  createdAt: string;
  completedAt: string | null;
}

const party = (p: DealDoc['seller']): DealPartyDto => ({ id: p.organization, name: p.name, kind: p.kind });

const PAID: readonly DealStatus[] = ['paid', 'completed'];

export function toDealDto(deal: DealDoc): DealDto {
  return {
    id: String(deal._id),
    type: deal.terms.dealType,
    status: deal.status,
    listing: { id: deal.listing.id, title: deal.listing.title },
    seller: party(deal.seller),
    buyer: party(deal.buyer),
    terms: deal.terms,
    exclusive: deal.exclusive,
    priceSetBy: deal.priceSetBy,
    amountDue: amountDue(deal.terms),
    noticeEndsAt: deal.noticeEndsAt?.toISOString() ?? null,
    payment: deal.payment && {
      reference: deal.payment.reference,
      amount: deal.payment.amount,
      status: PAID.includes(deal.status) ? 'received' : 'pending',
    },
    registrationNumber: deal.registrationNumber,
    cancelProposedBy: deal.cancelProposedBy,
    cancelReason: deal.cancelReason,
    publishAmounts: amountsPublicationOf(deal),
    objections: deal.objections.map((o) => ({
      id: o.id,
      text: o.text,
      at: o.at.toISOString(),
      status: o.status,
      resolution: o.resolution,
    })),
    events: deal.events.map((e) => ({ at: e.at.toISOString(), type: e.type, status: e.status, note: e.note })),
    createdAt: deal.createdAt.toISOString(),
    completedAt: deal.completedAt?.toISOString() ?? null,
  };
}

export const resourceOf = (deal: DealDoc): DealResource => ({
  sellerOrganizationId: deal.seller.organization,
  buyerOrganizationId: deal.buyer.organization,
});
