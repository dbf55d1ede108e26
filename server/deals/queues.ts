import { can, type Actor } from '../auth/permissions.ts';
import { forbidden, unauthorized } from '../errors.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import { toDealDto, type DealDto } from './dto.ts';
import { Deal, DealNotice, DealPaymentDue, type DealDoc } from './model.ts';
import { endNotice } from './steps.ts';
import { amountDue, type DealTerms } from './terms.ts';

// The lists read from the small collections of deals in flight, then each
// deal by `_id`: never a filter on the deals collection.

/** A deal as /notices publishes it (公示): name, parties, price and terms. */
export interface NoticeDto {
  id: string;
  listing: { id: string; title: Bilingual };
  seller: { id: string; name: Bilingual };
  buyer: { id: string; name: Bilingual };
  price: Money | null;
  terms: DealTerms;
  noticeEndsAt: string;
  openObjections: number;
}

/** At most this many rows per list (far above the deals in flight at once). */
const LIMIT = 500;

async function dealsOf(ids: string[]): Promise<DealDoc[]> {
  const deals = await Promise.all(ids.map((id) => Deal.findById(id).lean<DealDoc>()));
  return deals.filter((d): d is DealDoc => d !== null);
}

const toNotice = (deal: DealDoc): NoticeDto => ({
  id: String(deal._id),
  listing: { id: deal.listing.id, title: deal.listing.title },
  seller: { id: deal.seller.organization, name: deal.seller.name },
  buyer: { id: deal.buyer.organization, name: deal.buyer.name },
  price: amountDue(deal.terms),
  terms: deal.terms,
  noticeEndsAt: deal.noticeEndsAt!.toISOString(),
  openObjections: deal.objections.filter((o) => o.status === 'open').length,
});

/** Deals in public notice, the soonest-ending first: public (the law asks for publication). */
export async function listNotices(): Promise<NoticeDto[]> {
  const notices = await DealNotice.find().sort({ endsAt: 1 }).limit(LIMIT).lean();
  const deals = await dealsOf(notices.map((n) => String(n._id)));
  return deals.filter((d) => d.status === 'public_notice').map(toNotice);
}

/** /operator/deals: payments to confirm (oldest first) and notices held by an open objection. */
export async function operatorDealQueue(actor: Actor): Promise<{ payments: DealDto[]; objections: NoticeDto[] }> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'deal:confirm_payment' })) throw forbidden();
  const due = await DealPaymentDue.find().sort({ since: 1 }).limit(LIMIT).lean();
  const payments = (await dealsOf(due.map((d) => String(d._id))))
    .filter((d) => d.status === 'awaiting_payment')
    .map(toDealDto);
  const objections = (await listNotices()).filter((n) => n.openObjections > 0);
  return { payments, objections };
}

/** The notice-period job: ends every notice that ran out with no open objection (the guarded step makes it once). */
export async function endDueNotices(now = new Date()): Promise<number> {
  const due = await DealNotice.find({ endsAt: { $lte: now } })
    .limit(LIMIT)
    .lean();
  let ended = 0;
  for (const notice of due) if (await endNotice(String(notice._id), now)) ended++;
  return ended;
}
