import { can, type Actor } from '../auth/permissions.ts';
import { conflict, forbidden, unauthorized } from '../errors.ts';
import { logger } from '../logger.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import type { ListingEvent, ListingStatus } from '../vocabulary.ts';
import { listingChanged, listingStatusChanged } from './changes.ts';
import type { ListingDto } from './dto.ts';
import { ListingHistory, record } from './history.ts';
import { Listing, resourceOf, type ListingDoc } from './model.ts';
import { ListingReview } from './review-queue.ts';
import { toListingInput } from './editing.ts';
import { findVisibleListing, getListing } from './service.ts';
import { awaitsRevisionReview, permissionsFor, STEPS, type Step } from './steps.ts';

// Taking the steps of steps.ts. Each is a conditional update guarded by the
// state it read (status and updatedAt), so of two operators publishing at once,
// or a withdrawal racing a publication, each write applies to the state its
// author saw or not at all, and the loser decides again on what it finds.

/** A lost race re-reads and decides again; more than this many in a row is not a race. */
const ATTEMPTS = 5;

function fieldsFor(step: Step, actor: NonNullable<Actor>, listing: ListingDoc, reason: string | null) {
  const now = new Date();
  switch (step) {
    case 'submit':
      return { submittedAt: now, rejection: null };
    case 'publish':
      return { publishedAt: listing.publishedAt ?? now };
    case 'reject':
      return { rejection: { reason, at: now, by: actor.userId } };
    case 'withdraw':
      return {};
  }
}

async function move(actor: Actor, id: string, step: Step, reason: string | null = null): Promise<ListingDto> {
  if (!actor) throw unauthorized();
  const { from, to, event } = STEPS[step];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const listing = await findVisibleListing(actor, id);
    if (!permissionsFor(step, listing).every((p) => can(actor, p))) throw forbidden();
    // On a published listing, the operator's decision is about its pending revision.
    if ((step === 'publish' || step === 'reject') && awaitsRevisionReview(listing)) {
      const decided = await decideRevision(actor, listing, step === 'publish', reason);
      if (!decided) continue;
      return getListing(actor, id);
    }
    // Asking for the state it is already in (a double click, a retried request) changes nothing.
    if (listing.status === to && step !== 'reject') return getListing(actor, id);
    if (!from.includes(listing.status)) throw conflict('errors.listingState');
    const moved = await Listing.findOneAndUpdate(
      { _id: listing._id, status: listing.status, updatedAt: listing.updatedAt },
      { $set: { status: to, ...fieldsFor(step, actor, listing, reason) } },
      { returnDocument: 'after' },
    ).lean<ListingDoc>();
    if (!moved) continue; // someone else changed it first: decide again on what they left
    await afterMove(actor, moved, step, listing.status, reason);
    logger.info({ listing: id, from: listing.status, to, by: actor.userId }, `listing ${event}`);
    return getListing(actor, id);
  }
  throw conflict('errors.listingBusy');
}

/** Applies (or drops) a published listing's pending revision; false when a concurrent change got there first. */
async function decideRevision(
  actor: NonNullable<Actor>,
  listing: ListingDoc,
  approve: boolean,
  reason: string | null,
): Promise<boolean> {
  const changes = listing.pendingRevision!.changes as Record<string, unknown>;
  const decided = await Listing.findOneAndUpdate(
    { _id: listing._id, status: listing.status, updatedAt: listing.updatedAt },
    { $set: { ...(approve ? changes : {}), pendingRevision: null } },
    { returnDocument: 'after', runValidators: true },
  ).lean<ListingDoc>();
  if (!decided) return false;
  await ListingReview.deleteOne({ _id: listing._id });
  const before = toListingInput(listing);
  await record(listing._id, {
    at: decided.updatedAt,
    action: approve ? 'revision_published' : 'revision_rejected',
    by: actor.userId,
    organization: actor.organizationId,
    reason,
    // What was proposed, from what was published: the same whether it was taken or not.
    changes: Object.keys(changes).map((field) => ({
      field,
      from: JSON.parse(JSON.stringify(before[field] ?? null)) as unknown,
      to: JSON.parse(JSON.stringify(changes[field] ?? null)) as unknown,
    })),
  });
  await listingChanged(String(listing._id));
  logger.info({ listing: String(listing._id), approve, by: actor.userId }, 'listing revision decided');
  return true;
}

/** The review queue, the audit trail and the copies (the search index) follow the listing. */
async function afterMove(
  actor: NonNullable<Actor>,
  listing: ListingDoc,
  step: Step,
  from: ListingStatus,
  reason: string | null,
): Promise<void> {
  if (step === 'submit') {
    await ListingReview.updateOne(
      { _id: listing._id },
      {
        $set: {
          organization: listing.organization,
          title: listing.title,
          submittedAt: listing.submittedAt,
          submittedBy: actor.userId,
        },
      },
      { upsert: true },
    );
  } else if (from === 'submitted') {
    await ListingReview.deleteOne({ _id: listing._id });
  }
  await record(listing._id, {
    at: listing.updatedAt,
    action: STEPS[step].event,
    by: actor.userId,
    organization: actor.organizationId,
    reason,
    changes: [{ field: 'status', from, to: listing.status }],
  });
  await listingChanged(String(listing._id));
  await listingStatusChanged({
    listingId: String(listing._id),
    from,
    to: listing.status,
    at: listing.updatedAt,
    by: actor.userId,
  });
}

export const submitListing = (actor: Actor, id: string) => move(actor, id, 'submit');
export const publishListing = (actor: Actor, id: string) => move(actor, id, 'publish');
export const rejectListing = (actor: Actor, id: string, reason: string) => move(actor, id, 'reject', reason);
export const withdrawListing = (actor: Actor, id: string) => move(actor, id, 'withdraw');

export interface ReviewItem {
  id: string;
  title: { zh?: string; en?: string };
  organization: { id: string; name: { zh?: string; en?: string } } | null;
  submittedAt: string;
}

/** The operator's queue: submitted listings, oldest first. */
export async function reviewQueue(actor: Actor): Promise<ReviewItem[]> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'listing:review' })) throw forbidden();
  const items = await ListingReview.find().sort({ submittedAt: 1 }).limit(500).lean();
  const orgIds = [...new Set(items.map((i) => String(i.organization)))];
  const orgs = new Map(
    (await Promise.all(orgIds.map((oid) => Organization.findById(oid).lean<OrganizationDoc>())))
      .filter((o): o is OrganizationDoc => o !== null)
      .map((o) => [String(o._id), o]),
  );
  return items.map((item) => {
    const org = orgs.get(String(item.organization));
    return {
      id: String(item._id),
      title: { zh: item.title?.zh ?? undefined, en: item.title?.en ?? undefined },
      organization: org
        ? { id: String(org._id), name: { zh: org.name.zh ?? undefined, en: org.name.en ?? undefined } }
        : null,
      submittedAt: item.submittedAt.toISOString(),
    };
  });
}

export interface HistoryItem {
  at: string;
  action: ListingEvent;
  by: string;
  organization: string;
  reason: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
}

/** A listing's audit trail, newest first: for its owner and the operators. */
export async function listingHistory(actor: Actor, id: string): Promise<HistoryItem[]> {
  if (!actor) throw unauthorized();
  const listing = await findVisibleListing(actor, id);
  if (
    !can(actor, { action: 'listing:manage', listing: resourceOf(listing) }) &&
    !can(actor, { action: 'listing:review' })
  ) {
    throw forbidden();
  }
  const history = await ListingHistory.findById(listing._id).lean();
  // Newest first by the time of each write (concurrent writers may have appended out of order).
  return [...(history?.entries ?? [])]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      by: String(e.by),
      organization: String(e.organization),
      reason: e.reason ?? null,
      changes: e.changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
    }));
}

/**
 * The deals module's steps: an exclusive deal takes the listing off the market
 * (`published → under_offer`), its completion closes it (`under_offer → closed`)
 * and its cancellation puts it back (`under_offer → published`). Guarded by the
 * status read; false when the listing was not in `from` (withdrawn meanwhile).
 * Followers hear of it like any other status change.
 */
export async function moveListingForDeal(
  listingId: string,
  from: ListingStatus,
  to: ListingStatus,
  by: string,
): Promise<boolean> {
  const moved = await Listing.findOneAndUpdate(
    { _id: listingId, status: from },
    { $set: { status: to } },
    { returnDocument: 'after' },
  ).lean<ListingDoc>();
  if (!moved) return false;
  await listingChanged(listingId);
  await listingStatusChanged({ listingId, from, to, at: moved.updatedAt, by });
  logger.info({ listing: listingId, from, to, by }, 'listing moved by a deal');
  return true;
}
