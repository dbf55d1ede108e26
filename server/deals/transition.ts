import mongoose from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { conflict, notFound, unauthorized } from '../errors.ts';
import { resourceOf } from './dto.ts';
import { Deal, type DealDoc, type DealEventType, type DealStatus, type StoredObjection } from './model.ts';

// Every change of a deal is one write guarded by the status and version read
// (`{ _id, status, version }`), with its event pushed onto the timeline in the
// same write. A lost race reads again and decides again, so of two parallel
// steps each applies to the state its author saw or not at all.

export interface Step {
  type: DealEventType;
  by: string | null;
  to?: DealStatus;
  note?: string | null;
  set?: Partial<
    Pick<
      DealDoc,
      'objections' | 'registrationNumber' | 'cancelProposedBy' | 'cancelReason' | 'completedAt' | 'publishAmounts'
    >
  >;
  objection?: StoredObjection;
}

/** A lost race re-reads; more than this many in a row is not a race. */
const ATTEMPTS = 8;

/** The deal by `_id`; a malformed id is as unknown as a missing one. */
export async function findDeal(id: string): Promise<DealDoc> {
  if (!/^[a-f0-9]{24}$/.test(id) || !mongoose.isValidObjectId(id)) throw notFound('deal');
  const deal = await Deal.findById(id).lean<DealDoc>();
  if (!deal) throw notFound('deal');
  return deal;
}

/** A deal the actor may see: its two organizations and the operators; for anyone else it does not exist. */
export async function visibleDeal(actor: Actor, id: string): Promise<DealDoc> {
  if (!actor) throw unauthorized();
  const deal = await findDeal(id);
  if (!can(actor, { action: 'deal:view', deal: resourceOf(deal) })) throw notFound('deal');
  return deal;
}

/**
 * Applies the step `decide` picks for the deal as read (null: nothing to do,
 * e.g. a repeated request). Returns the deal after, and whether this call changed it.
 */
export async function transition(
  id: string,
  decide: (deal: DealDoc) => Step | null,
): Promise<{ deal: DealDoc; before: DealDoc; changed: boolean }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await findDeal(id);
    const step = decide(before);
    if (!step) return { deal: before, before, changed: false };
    const status = step.to ?? before.status;
    const event = { at: new Date(), type: step.type, by: step.by, status, note: step.note ?? null };
    const deal = await Deal.findOneAndUpdate(
      { _id: before._id, status: before.status, version: before.version },
      {
        $set: { ...step.set, status },
        $inc: { version: 1 },
        $push: step.objection ? { events: event, objections: step.objection } : { events: event },
      },
      { returnDocument: 'after' },
    ).lean<DealDoc>();
    if (deal) return { deal, before, changed: true };
  }
  throw conflict('errors.deals.busy');
}
