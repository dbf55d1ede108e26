import mongoose from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../errors.ts';
import { moveListingForDeal } from '../listings/index.ts';
import { logger } from '../logger.ts';
import {
  offlineProvider,
  payoutDestination,
  recordOfflinePayment,
  type DealPaymentView,
  type PaymentInstructions,
} from '../payments/index.ts';
import { finishCompletion, markCompleting } from './completion.ts';
import { afterNotice } from './create.ts';
import { resourceOf, toDealDto, type DealDto } from './dto.ts';
import {
  amountsPublicationOf,
  DealExclusiveClaim,
  DealNotice,
  DealPaymentDue,
  type DealDoc,
  type DealSide,
  type DealStatus,
  type StoredObjection,
} from './model.ts';
import { registrationStateOf, type RegistrationState } from './registration-state.ts';
import { tellParties } from './notify.ts';
import { paymentOf, paymentViewOf, settlePaymentOfCancelled } from './payment.ts';
import { OBJECTION_ID } from './schemas.ts';
import { transition, visibleDeal } from './transition.ts';

// The steps people take on a deal, each asking `can` first. The deal moves
// `public_notice → awaiting_payment | awaiting_completion`, `awaiting_payment →
// paid`, `paid | awaiting_completion → completed`, and to `cancelled` from any
// state before `completed`.

const OPEN: readonly DealStatus[] = ['public_notice', 'awaiting_payment', 'awaiting_completion', 'paid'];
const COMPLETABLE: readonly DealStatus[] = ['paid', 'awaiting_completion'];

/** The steps a deal page offers the viewer. */
export interface DealActions {
  complete: boolean;
  /** 'propose' (the first party), 'confirm' (the other party) or 'operator' (with a reason). */
  cancel: 'propose' | 'confirm' | 'operator' | null;
  confirmPayment: boolean;
  /** The buyer may pay online (Stripe Checkout); bank transfer is always open to it while payment is due. */
  pay: boolean;
  resolveObjections: boolean;
  recordRegistration: boolean;
  /** A party, until completion: agree to show the amounts on the public ledger, or withdraw its agreement. */
  publishAmounts: 'agree' | 'withdraw' | null;
}

export interface DealView {
  deal: DealDto;
  actions: DealActions;
  /** Shown to the buyer while the payment is due. */
  paymentInstructions: PaymentInstructions | null;
  /** The money's state: provider, fee, refunds, payout (null when nothing is paid at signing). */
  payment: DealPaymentView | null;
  /** The seller could be paid straight into a Stripe account it has not set up yet (/account/payouts). */
  suggestPayoutSetup: boolean;
  /** Whether the technology-contract registration data exists for this deal yet (/deals/:id/registration). */
  registration: RegistrationState;
}

export function actionsFor(
  actor: NonNullable<Actor>,
  deal: DealDoc,
  payment: DealPaymentView | null = null,
): DealActions {
  const party = can(actor, { action: 'deal:act', deal: resourceOf(deal) });
  const open = OPEN.includes(deal.status);
  let cancel: DealActions['cancel'] = null;
  if (open && can(actor, { action: 'deal:cancel_any' })) cancel = 'operator';
  else if (open && party && deal.cancelProposedBy !== actor.organizationId) {
    cancel = deal.cancelProposedBy ? 'confirm' : 'propose';
  }
  return {
    complete: party && COMPLETABLE.includes(deal.status),
    cancel,
    confirmPayment: deal.status === 'awaiting_payment' && can(actor, { action: 'deal:confirm_payment' }),
    pay:
      deal.status === 'awaiting_payment' &&
      Boolean(payment?.stripeAvailable) &&
      can(actor, { action: 'deal:pay', deal: resourceOf(deal) }),
    resolveObjections:
      deal.objections.some((o) => o.status === 'open') && can(actor, { action: 'deal:resolve_objection' }),
    recordRegistration: party && deal.status === 'completed' && deal.registrationNumber === null,
    publishAmounts: party && open ? (amountsPublicationOf(deal)[sideOf(actor, deal)] ? 'withdraw' : 'agree') : null,
  };
}

async function viewOf(actor: NonNullable<Actor>, deal: DealDoc): Promise<DealView> {
  const buyerSees = can(actor, { action: 'deal:view_side', deal: resourceOf(deal), side: 'buyer' });
  const payment = await paymentViewOf(deal);
  const sellerSees = can(actor, { action: 'deal:view_side', deal: resourceOf(deal), side: 'seller' });
  return {
    suggestPayoutSetup:
      sellerSees &&
      deal.status === 'awaiting_payment' &&
      Boolean(payment?.stripeAvailable) &&
      (await payoutDestination(deal.seller.organization)) === null,
    deal: toDealDto(deal),
    actions: actionsFor(actor, deal, payment),
    payment,
    paymentInstructions:
      deal.status === 'awaiting_payment' && deal.payment && buyerSees
        ? offlineProvider.instructions(deal.payment)
        : null,
    registration: registrationStateOf(deal),
  };
}

export async function getDeal(actor: Actor, id: string): Promise<DealView> {
  const deal = await visibleDeal(actor, id);
  return viewOf(actor!, deal);
}

/** Anyone signed in objects to a deal in notice (a deal not in notice is not public: not found). */
export async function lodgeObjection(
  actor: Actor,
  id: string,
  input: { text: string },
): Promise<{ objectionId: string }> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'deal:object' })) throw forbidden();
  const objection: StoredObjection = {
    id: new mongoose.Types.ObjectId().toHexString(),
    by: actor.userId,
    organization: actor.organizationId,
    text: input.text,
    at: new Date(),
    status: 'open',
    resolution: null,
    resolvedAt: null,
  };
  await transition(id, (deal) => {
    if (deal.status !== 'public_notice') {
      if (can(actor, { action: 'deal:view', deal: resourceOf(deal) })) throw conflict('errors.deals.notInNotice');
      throw notFound('deal');
    }
    return { type: 'objection_lodged', by: actor.userId, objection };
  });
  logger.info({ deal: id, objection: objection.id, by: actor.userId }, 'deal objection lodged');
  return { objectionId: objection.id };
}

/** The operator decides an objection: dismissed lets the notice run out; upheld cancels the deal. */
export async function resolveObjection(
  actor: Actor,
  id: string,
  objectionId: string,
  input: { resolution: string; outcome: 'dismissed' | 'upheld' },
): Promise<DealView> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'deal:resolve_objection' })) throw forbidden();
  if (!OBJECTION_ID.test(objectionId)) throw notFound('objection');
  const { deal, changed } = await transition(id, (deal) => {
    const objection = deal.objections.find((o) => o.id === objectionId);
    if (!objection) throw notFound('objection');
    if (objection.status !== 'open') return null; // decided already (a retried request)
    const objections = deal.objections.map((o) =>
      o.id === objectionId ? { ...o, status: input.outcome, resolution: input.resolution, resolvedAt: new Date() } : o,
    );
    return input.outcome === 'upheld'
      ? {
          type: 'cancelled',
          by: actor.userId,
          to: 'cancelled',
          note: input.resolution,
          set: { objections, cancelReason: input.resolution },
        }
      : { type: 'objection_dismissed', by: actor.userId, note: input.resolution, set: { objections } };
  });
  if (changed && deal.status === 'cancelled') await afterCancel(deal, actor.userId);
  else if (changed) await endNotice(id); // the period may be over already
  return viewOf(actor, deal);
}

/** Ends a deal's notice when its period is over and no objection is open; false when it is not time (or done). */
export async function endNotice(id: string, now = new Date()): Promise<boolean> {
  const { deal, changed } = await transition(id, (deal) =>
    deal.status === 'public_notice' &&
    deal.noticeEndsAt !== null &&
    deal.noticeEndsAt <= now &&
    !deal.objections.some((o) => o.status === 'open')
      ? { type: 'notice_ended', by: null, to: afterNotice(deal.terms) }
      : null,
  );
  if (!changed) return false;
  if (deal.status === 'awaiting_payment') {
    await DealPaymentDue.updateOne({ _id: id }, { $set: { since: now } }, { upsert: true });
  }
  await DealNotice.deleteOne({ _id: id });
  await tellParties(deal, 'notice_ended');
  logger.info({ deal: id, to: deal.status }, 'deal notice ended');
  return true;
}

/**
 * The operator confirms the bank transfer arrived: recorded on the payment
 * (provider offline), which moves the deal to `paid` (./payment.ts).
 */
export async function confirmPayment(
  actor: Actor,
  id: string,
  input: { bankReference: string | null } = { bankReference: null },
): Promise<DealView> {
  const visible = await visibleDeal(actor, id);
  if (!can(actor, { action: 'deal:confirm_payment' })) throw forbidden();
  if (visible.status !== 'paid' && visible.status !== 'awaiting_payment') throw conflict('errors.deals.state');
  const payment = await paymentOf(visible);
  if (payment && visible.status === 'awaiting_payment') await recordOfflinePayment(actor, payment._id, input);
  return viewOf(actor!, await visibleDeal(actor, id));
}

/** Either party completes a paid deal (or one with nothing due); the ledger entry is appended exactly once. */
export async function completeDeal(actor: Actor, id: string): Promise<DealView> {
  const visible = await visibleDeal(actor, id);
  if (!can(actor, { action: 'deal:act', deal: resourceOf(visible) })) throw forbidden();
  if (visible.status !== 'completed' && !COMPLETABLE.includes(visible.status)) throw conflict('errors.deals.state');
  await markCompleting(id);
  const { deal, changed } = await transition(id, (deal) => {
    if (deal.status === 'completed') return null;
    if (!COMPLETABLE.includes(deal.status)) throw conflict('errors.deals.state');
    return { type: 'completed', by: actor!.userId, to: 'completed', set: { completedAt: new Date() } };
  });
  // Also when another request completed it: whoever sees `completed` makes sure the rest is done.
  await finishCompletion(deal);
  if (changed) {
    await tellParties(deal, 'completed', actor!.userId);
    logger.info({ deal: id, by: actor!.userId }, 'deal completed');
  }
  return viewOf(actor!, deal);
}

/** Either party records the technology-contract registration number, once, after completion. */
export async function recordRegistration(actor: Actor, id: string, input: { number: string }): Promise<DealView> {
  const visible = await visibleDeal(actor, id);
  if (!can(actor, { action: 'deal:act', deal: resourceOf(visible) })) throw forbidden();
  const { deal } = await transition(id, (deal) => {
    if (deal.registrationNumber === input.number) return null;
    if (deal.registrationNumber !== null) throw conflict('errors.deals.registrationRecorded');
    if (deal.status !== 'completed') throw conflict('errors.deals.state');
    return {
      type: 'registration_recorded',
      by: actor!.userId,
      note: input.number,
      set: { registrationNumber: input.number },
    };
  });
  return viewOf(actor!, deal);
}

/** The side of the deal a party's member speaks for. */
const sideOf = (actor: NonNullable<Actor>, deal: DealDoc): DealSide =>
  actor.organizationId === deal.seller.organization ? 'seller' : 'buyer';

/**
 * A party agrees (or withdraws its agreement) to show the deal's amounts on the
 * public ledger, while the deal is open; completion publishes them only when
 * both sides agree then. Each side's flag is set on the deal as read, so two
 * sides agreeing at once both count (the loser of the guarded write re-reads).
 */
export async function setAmountsPublication(actor: Actor, id: string, input: { publish: boolean }): Promise<DealView> {
  const visible = await visibleDeal(actor, id);
  if (!can(actor, { action: 'deal:act', deal: resourceOf(visible) })) throw forbidden();
  const side = sideOf(actor!, visible);
  const { deal } = await transition(id, (deal) => {
    if (!OPEN.includes(deal.status)) throw conflict('errors.deals.state');
    const publication = amountsPublicationOf(deal);
    if (publication[side] === input.publish) return null;
    return {
      type: input.publish ? 'amounts_publication_agreed' : 'amounts_publication_withdrawn',
      by: actor!.userId,
      note: side,
      set: { publishAmounts: { ...publication, [side]: input.publish } },
    };
  });
  return viewOf(actor!, deal);
}

/**
 * Cancelling: an operator at once, with a reason; a party by agreement — the
 * first proposes, the other confirms (a party repeating its proposal changes nothing).
 */
export async function cancelDeal(actor: Actor, id: string, input: { reason: string }): Promise<DealView> {
  const visible = await visibleDeal(actor, id);
  const operator = can(actor, { action: 'deal:cancel_any' });
  if (!operator && !can(actor, { action: 'deal:act', deal: resourceOf(visible) })) throw forbidden();
  if (operator && !input.reason) throw invalid({ reason: ['validation.required'] });
  const org = actor!.organizationId;
  const { deal, changed } = await transition(id, (deal) => {
    if (deal.status === 'cancelled') return null;
    if (!OPEN.includes(deal.status)) throw conflict('errors.deals.state');
    const reason = input.reason || null;
    if (operator || (deal.cancelProposedBy !== null && deal.cancelProposedBy !== org)) {
      return { type: 'cancelled', by: actor!.userId, to: 'cancelled', note: reason, set: { cancelReason: reason } };
    }
    if (deal.cancelProposedBy === org) return null;
    return { type: 'cancel_proposed', by: actor!.userId, note: reason, set: { cancelProposedBy: org } };
  });
  if (changed && deal.status === 'cancelled') await afterCancel(deal, actor!.userId);
  return viewOf(actor!, deal);
}

/** A cancelled deal leaves the queues, frees its listing and puts it back on the market (each safe to repeat). */
async function afterCancel(deal: DealDoc, by: string): Promise<void> {
  const id = String(deal._id);
  await Promise.all([DealNotice.deleteOne({ _id: id }), DealPaymentDue.deleteOne({ _id: id })]);
  await settlePaymentOfCancelled(deal, by);
  if (deal.exclusive) {
    await DealExclusiveClaim.deleteOne({ _id: deal.listing.id, deal: id });
    await moveListingForDeal(deal.listing.id, 'under_offer', 'published', by);
  }
  await tellParties(deal, 'cancelled', by);
  logger.info({ deal: id, by }, 'deal cancelled');
}
