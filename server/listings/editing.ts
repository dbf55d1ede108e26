import mongoose from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { insertOnce, isDuplicateKeyError } from '../db/insert-once.ts';
import { conflict, forbidden, unauthorized } from '../errors.ts';
import { EDITABLE_LISTING_STATUSES } from '../vocabulary.ts';
import { listingChanged } from './changes.ts';
import { money, text, type ListingDto } from './dto.ts';
import { externalKeyOf, ListingExternalKey } from './external-keys.ts';
import { record } from './history.ts';
import { Listing, type ListingDoc } from './model.ts';
import { ListingReview } from './review-queue.ts';
import type { ListingInput } from './schemas.ts';
import { findOwnListing, getListing } from './service.ts';

// Creating and editing listings. A draft (or a submission not yet reviewed)
// changes at once; a published listing keeps its title, summary, patents and
// terms until the operator approves the revision, while its other fields change
// at once. Every change lands in the audit trail with its old and new values.

/** Fields whose change on a published listing waits for the operator. */
const REVISED_FIELDS = [
  'kind',
  'title',
  'summary',
  'patents',
  'dealTypes',
  'askingPrice',
  'licenseTerms',
  'auction',
  'equityOffered',
] as const;
/** Fields the owner edits; externalId is fixed once the listing exists (it is the office's key to it). */
const EDITED_FIELDS = [
  ...REVISED_FIELDS,
  'problem',
  'advantages',
  'clinicalUse',
  'partnerSought',
  'keywords',
  'category',
  'nmpaClass',
  'regulatory',
  'trl',
  'stage',
  'confidential',
  'nda',
] as const;
type EditedField = (typeof EDITED_FIELDS)[number];

const ATTEMPTS = 5;

/** A stored listing in the input's shape (dates as Dates): what a partial update is merged into before it is validated. */
export function toListingInput(l: ListingDoc): Record<string, unknown> {
  const auction = l.auction;
  const terms = l.licenseTerms;
  return {
    kind: l.kind,
    externalId: l.externalId ?? null,
    title: text(l.title),
    summary: text(l.summary),
    problem: text(l.problem),
    advantages: text(l.advantages),
    clinicalUse: text(l.clinicalUse),
    partnerSought: text(l.partnerSought),
    keywords: [...(l.keywords ?? [])],
    category: l.category,
    nmpaClass: l.nmpaClass,
    regulatory: { fda: l.regulatory?.fda ?? 'none', ce: l.regulatory?.ce ?? 'none' },
    trl: l.trl,
    stage: l.stage,
    patents: l.patents.map((p) => ({
      number: p.number,
      jurisdiction: p.jurisdiction,
      type: p.type,
      status: p.status,
      ...(p.title ? { title: text(p.title) } : {}),
      filingDate: p.filingDate,
      grantDate: p.grantDate ?? null,
      expiryDate: p.expiryDate ?? null,
      ipc: [...p.ipc],
    })),
    dealTypes: [...l.dealTypes],
    askingPrice: money(l.askingPrice),
    licenseTerms: terms
      ? {
          upfront: money(terms.upfront),
          royaltyPercent: terms.royaltyPercent ?? null,
          minimumAnnual: money(terms.minimumAnnual),
          openLicense: terms.openLicense,
        }
      : null,
    auction: auction
      ? {
          reserve: money(auction.reserve),
          startingPrice: money(auction.startingPrice),
          minimumIncrement: money(auction.minimumIncrement),
          endsAt: auction.endsAt,
        }
      : null,
    equityOffered:
      l.equityOffered?.percent && l.equityOffered.valuation
        ? { percent: l.equityOffered.percent, valuation: money(l.equityOffered.valuation) }
        : null,
    confidential: { details: l.confidential?.details ?? '' },
    nda: { text: text(l.nda?.text) },
    // Not an edited field (uploads change it, documents.ts): the form starts from it.
    documents: l.documents.map((d) => ({
      id: String(d._id),
      file: String(d.file),
      name: d.name,
      visibility: d.visibility,
      contentType: d.contentType,
      size: d.size,
    })),
  };
}

/** Comparable JSON of a field's value (Dates as ISO instants, on both sides). */
const comparable = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (v instanceof Date ? v.toISOString() : v)) ?? 'null';

function changesBetween(current: Record<string, unknown>, next: ListingInput, fields: readonly EditedField[]) {
  return fields
    .map((field) => ({
      field,
      from: JSON.parse(comparable(current[field] ?? null)) as unknown,
      to: JSON.parse(comparable(next[field] ?? null)) as unknown,
    }))
    .filter((c) => comparable(c.from) !== comparable(c.to));
}

/** The listing as its owner may edit it (a partial update merges into this before validation). */
export async function editableListing(actor: Actor, id: string): Promise<Record<string, unknown>> {
  const listing = await findOwnListing(actor, id);
  // A pending revision is what the owner last asked for: edits continue from it.
  return { ...toListingInput(listing), ...((listing.pendingRevision?.changes as object | undefined) ?? {}) };
}

/**
 * Creates a draft for the actor's organization. With an `externalId` already
 * used by that organization, updates that listing instead (an office syncing
 * from its own system may send the same record again).
 */
export async function createListing(
  actor: Actor,
  input: ListingInput,
  /** The new listing's id, chosen by a caller that may retry (a form draft finishing): a second call updates it. */
  { id: chosenId }: { id?: mongoose.Types.ObjectId } = {},
): Promise<{ listing: ListingDto; created: boolean }> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'listing:create' })) throw forbidden();
  let id = chosenId ?? new mongoose.Types.ObjectId();
  if (input.externalId) {
    const key = externalKeyOf(actor.organizationId, input.externalId);
    const { doc: claim, created } = await insertOnce(ListingExternalKey, { _id: key }, { _id: key, listing: id });
    if (!created) {
      if (await Listing.exists({ _id: claim.listing }))
        return { listing: await updateListing(actor, String(claim.listing), input), created: false };
      id = claim.listing; // claimed, but the listing was never written (a crash between the steps): write it now
    }
  }
  try {
    await Listing.create({
      ...input,
      _id: id,
      status: 'draft',
      organization: actor.organizationId,
      createdBy: actor.userId,
    });
  } catch (error) {
    // The same externalId sent twice at once: the other request wrote it first.
    if (isDuplicateKeyError(error)) return { listing: await updateListing(actor, String(id), input), created: false };
    throw error;
  }
  await record(id, { at: new Date(), action: 'created', by: actor.userId, organization: actor.organizationId });
  await listingChanged(String(id));
  return { listing: await getListing(actor, String(id)), created: true };
}

/** Replaces the edited fields with `input` (a whole, validated listing). */
export async function updateListing(actor: Actor, id: string, input: ListingInput): Promise<ListingDto> {
  if (!actor) throw unauthorized();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const listing = await findOwnListing(actor, id);
    if (input.externalId && input.externalId !== (listing.externalId ?? null)) {
      throw conflict('errors.externalIdFixed', { externalId: ['errors.externalIdFixed'] });
    }
    const current = toListingInput(listing);
    const live = listing.status === 'published' || listing.status === 'under_offer';
    if (!EDITABLE_LISTING_STATUSES.includes(listing.status)) throw conflict('errors.listingState');

    const direct = changesBetween(current, input, live ? EDITED_FIELDS.filter((f) => !isRevised(f)) : EDITED_FIELDS);
    // A revision holds the revised fields that differ from the published listing.
    const revised = live ? changesBetween(current, input, REVISED_FIELDS) : [];
    const previousRevision = (listing.pendingRevision?.changes as Record<string, unknown> | undefined) ?? {};
    const revision = Object.fromEntries(revised.map((c) => [c.field, input[c.field as EditedField]]));
    const revisionChanged = comparable(previousRevision) !== comparable(revision);
    if (direct.length === 0 && !revisionChanged) return getListing(actor, id);

    const set: Record<string, unknown> = Object.fromEntries(
      direct.map((c) => [c.field, input[c.field as EditedField]]),
    );
    if (live && revisionChanged) {
      set.pendingRevision = revised.length ? { changes: revision, by: actor.userId, at: new Date() } : null;
    }
    const updated = await Listing.findOneAndUpdate(
      { _id: listing._id, status: listing.status, updatedAt: listing.updatedAt },
      { $set: set },
      { returnDocument: 'after', runValidators: true },
    ).lean<ListingDoc>();
    if (!updated) continue; // changed meanwhile: merge onto what is there now

    if (direct.length) {
      await record(listing._id, {
        at: updated.updatedAt,
        action: 'updated',
        by: actor.userId,
        organization: actor.organizationId,
        changes: direct,
      });
    }
    if (live && revisionChanged) await queueRevision(actor, updated, revised);
    await listingChanged(id);
    return getListing(actor, id);
  }
  throw conflict('errors.listingBusy');
}

const isRevised = (field: EditedField) => (REVISED_FIELDS as readonly string[]).includes(field);

async function queueRevision(
  actor: NonNullable<Actor>,
  listing: ListingDoc,
  revised: { field: string; from: unknown; to: unknown }[],
): Promise<void> {
  if (revised.length === 0) {
    await ListingReview.deleteOne({ _id: listing._id, kind: 'revision' });
    return;
  }
  await ListingReview.updateOne(
    { _id: listing._id },
    {
      $set: {
        kind: 'revision',
        organization: listing.organization,
        title: listing.title,
        submittedAt: new Date(),
        submittedBy: actor.userId,
      },
    },
    { upsert: true },
  );
  await record(listing._id, {
    at: listing.updatedAt,
    action: 'revision_submitted',
    by: actor.userId,
    organization: actor.organizationId,
    changes: revised,
  });
}
