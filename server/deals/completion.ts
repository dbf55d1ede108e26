import { insertOnce } from '../db/insert-once.ts';
import { appendLedgerEntry, type LedgerAppendInput } from '../ledger/index.ts';
import { moveListingForDeal } from '../listings/index.ts';
import { logger } from '../logger.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { amountsPublicationOf, Deal, DealCompletionPending, type DealDoc, type DealParty } from './model.ts';
import { equityStakeBasisPoints } from './terms.ts';

// Completing a deal spans documents (the deal, its ledger entry, the listing),
// so it is a sequence of repeatable steps: a marker in the small
// deal_completions_pending collection, the guarded status change, the ledger
// append (idempotent per deal and type, decision 006), the listing closed, the
// marker removed. A process that dies in between leaves the marker, and
// start-up recovery (recoverCompletions) finishes from it.

/** Markers of deals that never became completed (their completion lost to a cancellation) are dropped after this. */
const STALE_MARKER_MS = 60 * 60_000;

/** A name as the ledger takes it: absent languages left out, not empty. */
const nameOf = (name: Bilingual) => ({ ...(name.zh ? { zh: name.zh } : {}), ...(name.en ? { en: name.en } : {}) });

const ledgerParty = (p: DealParty) => ({
  organizationId: p.organization,
  kind: p.kind as LedgerAppendInput['parties']['seller']['kind'],
  name: nameOf(p.name),
});

/** The ledger entry a completed deal appends, or null for a type the ledger does not record (co-development). */
export function ledgerEntryOf(deal: DealDoc): LedgerAppendInput | null {
  const publication = amountsPublicationOf(deal);
  const common = {
    dealId: String(deal._id),
    listing: { id: deal.listing.id, title: nameOf(deal.listing.title) },
    parties: { seller: ledgerParty(deal.seller), buyer: ledgerParty(deal.buyer) },
    // Shown only when both sides agreed by completion (no agreement changes after it); else private, bound by their digest.
    publishAmounts: publication.seller && publication.buyer,
    at: deal.completedAt ?? undefined,
  };
  const patents = deal.listing.patents;
  const t = deal.terms;
  switch (t.dealType) {
    case 'assignment':
      return { type: 'ip_assignment', ...common, payload: { patents }, amounts: { price: t.price } };
    case 'exclusive_license':
    case 'non_exclusive_license': {
      const currency = (t.upfront ?? t.minimumAnnual)?.currency ?? 'CNY';
      return {
        type: 'license_grant',
        ...common,
        payload: {
          patents,
          exclusivity: t.dealType === 'exclusive_license' ? 'exclusive' : 'non_exclusive',
          fieldOfUse: t.fieldOfUse,
          territory: t.territory,
          termYears: t.termYears,
        },
        amounts: {
          upfront: t.upfront ?? { amount: 0, currency },
          ...(t.minimumAnnual ? { minimumAnnual: t.minimumAnnual } : {}),
        },
      };
    }
    case 'equity':
      return {
        type: 'equity_investment',
        ...common,
        payload: { stakeBasisPoints: equityStakeBasisPoints(t) },
        amounts: { investment: t.amount },
      };
    case 'ip_for_equity':
      return {
        type: 'ip_for_equity',
        ...common,
        payload: {
          patents,
          stakeBasisPoints: Math.round(t.stakePercent * 100),
          appraisal: { appraiser: t.appraiser, reportReference: t.appraisalReport },
        },
        amounts: { appraisedValue: t.appraisedValue },
      };
    case 'co_development':
      return null;
  }
}

/** Sets the marker before the status change that needs it (a repeat finds it there). */
export async function markCompleting(dealId: string): Promise<void> {
  await insertOnce(DealCompletionPending, { _id: dealId }, { _id: dealId, since: new Date() });
}

/** What follows `completed`, each part safe to repeat: the ledger entry, the listing closed, the marker gone. */
export async function finishCompletion(deal: DealDoc): Promise<void> {
  const entry = ledgerEntryOf(deal);
  if (entry) await appendLedgerEntry(entry);
  if (deal.exclusive) {
    await moveListingForDeal(deal.listing.id, 'under_offer', 'closed', deal.createdBy);
  }
  await DealCompletionPending.deleteOne({ _id: String(deal._id) });
}

/** Start-up: finishes every deal whose completion a dead process left half-done; returns how many. */
export async function recoverCompletions(): Promise<number> {
  const markers = await DealCompletionPending.find().lean();
  let finished = 0;
  for (const marker of markers) {
    const deal = await Deal.findById(marker._id).lean<DealDoc>();
    if (deal?.status === 'completed') {
      await finishCompletion(deal);
      finished++;
    } else if (!deal || Date.now() - (marker as unknown as { since: Date }).since.getTime() > STALE_MARKER_MS) {
      await DealCompletionPending.deleteOne({ _id: marker._id });
    }
  }
  if (finished) logger.warn({ finished }, 'deal completions recovered');
  return finished;
}
