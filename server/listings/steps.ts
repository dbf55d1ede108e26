import { can, type Actor, type Permission } from '../auth/permissions.ts';
import type { ListingEvent, ListingStatus } from '../vocabulary.ts';
import { resourceOf, type ListingDoc } from './model.ts';

// draft → submitted → published, rejected back to draft, withdrawn by the owner:
// which states each step leaves from, where it goes, and who may take it.

export type Step = 'submit' | 'publish' | 'reject' | 'withdraw';

export const STEPS: Record<Step, { from: readonly ListingStatus[]; to: ListingStatus; event: ListingEvent }> = {
  submit: { from: ['draft'], to: 'submitted', event: 'submitted' },
  publish: { from: ['submitted'], to: 'published', event: 'published' },
  reject: { from: ['submitted'], to: 'draft', event: 'rejected' },
  withdraw: { from: ['draft', 'submitted', 'published'], to: 'withdrawn', event: 'withdrawn' },
};

export function permissionsFor(step: Step, listing: ListingDoc): Permission[] {
  const resource = resourceOf(listing);
  if (isReview(step)) return [{ action: 'listing:review' }];
  if (step === 'submit') return [{ action: 'listing:manage', listing: resource }, { action: 'listing:create' }];
  return [{ action: 'listing:manage', listing: resource }];
}

/** The steps this actor may take on this listing now (the buttons a page shows). */
export function stepsFor(actor: Actor, listing: ListingDoc): Step[] {
  return (Object.keys(STEPS) as Step[]).filter(
    (step) =>
      (STEPS[step].from.includes(listing.status) || (isReview(step) && awaitsRevisionReview(listing))) &&
      permissionsFor(step, listing).every((p) => can(actor, p)),
  );
}

const isReview = (step: Step) => step === 'publish' || step === 'reject';

/** A published listing whose owner changed its title, summary, patents or terms: publish or reject decide that. */
export function awaitsRevisionReview(listing: ListingDoc): boolean {
  return Boolean(listing.pendingRevision) && (listing.status === 'published' || listing.status === 'under_offer');
}
