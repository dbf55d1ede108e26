import mongoose, { Schema, type Types } from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { conflict, fieldErrorsOf, forbidden, invalid, isDomainError, notFound, unauthorized } from '../errors.ts';
import { EDITABLE_LISTING_STATUSES, type ListingStatus } from '../vocabulary.ts';
import type { ListingDto } from './dto.ts';
import { createListing, editableListing, updateListing } from './editing.ts';
import { toFormValues, type ListingFormValues } from './form-values.ts';
import { Listing } from './model.ts';
import { deleteStoredFile, storeUpload } from '../files/index.ts';
import { replaceDocuments, resolveDocumentRows } from './documents.ts';
import { rowsOf, type DocumentRowValues } from './form-values.ts';
import {
  LISTING_FORM_STEPS,
  listingFormInput,
  listingFormSteps,
  MAX_DOCUMENTS,
  type DocumentUploadInput,
  type ListingFieldStep,
  type ListingFormStep,
  type ListingStepOutput,
} from './schemas.ts';
import { findOwnListing, getListing } from './service.ts';
import { submitListing } from './workflow.ts';

// The multi-step listing form keeps its progress here, one small document per
// draft: a Listing needs every required field, a form in progress has only
// some. Each step saves its own fields (validated by that step's schema); the
// last step validates the whole listing and creates or updates it. Drafts are
// their author's alone and are read by _id, or by { user } for that author's
// list (a small collection).

const draftSchema = new Schema(
  {
    organization: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** The listing being edited; null while the draft is a new listing. */
    listingId: { type: Schema.Types.ObjectId, ref: 'Listing', default: null },
    /** Where the author left off. */
    step: { type: String, enum: LISTING_FORM_STEPS, required: true, default: 'basics' },
    /** The form's values so far (form-values.ts), by step. */
    data: { type: Schema.Types.Mixed, default: () => ({}) },
    /** Files uploaded in this draft: deleted with it unless the listing holds them by then. */
    uploads: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: true, versionKey: false, minimize: false },
);
// A user's unfinished drafts, to continue where they left off.
draftSchema.index({ user: 1 });

interface DraftDoc {
  _id: Types.ObjectId;
  organization: Types.ObjectId;
  user: Types.ObjectId;
  listingId: Types.ObjectId | null;
  step: ListingFormStep;
  data: ListingFormValues;
  uploads?: Types.ObjectId[];
  updatedAt: Date;
}

export const ListingFormDraft = mongoose.model('ListingFormDraft', draftSchema, 'listing_form_drafts');

export interface ListingFormDraftDto {
  id: string;
  /** The listing being edited, with its status; null for a new listing. */
  listing: { id: string; status: ListingStatus } | null;
  step: ListingFormStep;
  values: ListingFormValues;
  updatedAt: string;
}

const isId = (id: string) => /^[a-f0-9]{24}$/i.test(id);

/** The actor's draft by id: another's, or one started for another organization, is not found. */
async function findOwnDraft(actor: NonNullable<Actor>, draftId: string): Promise<DraftDoc> {
  const draft = isId(draftId) ? await ListingFormDraft.findById(draftId).lean<DraftDoc>() : null;
  if (!draft) throw notFound('draft');
  const resource = { authorUserId: String(draft.user), organizationId: String(draft.organization) };
  if (!can(actor, { action: 'listing:edit_draft', draft: resource })) throw notFound('draft');
  return draft;
}

/** The listing an edit draft changes, as far as the permission check needs it. */
async function listingToEdit(actor: NonNullable<Actor>, id: Types.ObjectId | string) {
  const listing = await findOwnListing(actor, String(id));
  return { id: String(id), status: listing.status };
}

/** The actor's own draft, and what it may still do with it: create listings, or manage the one it edits. */
async function ownDraft(actor: Actor, draftId: string) {
  if (!actor) throw unauthorized();
  const draft = await findOwnDraft(actor, draftId);
  if (draft.listingId) return { draft, listing: await listingToEdit(actor, draft.listingId) };
  if (!can(actor, { action: 'listing:create' })) throw forbidden();
  return { draft, listing: null };
}

const toDto = (draft: DraftDoc, listing: ListingFormDraftDto['listing']): ListingFormDraftDto => ({
  id: String(draft._id),
  listing,
  step: draft.step,
  values: draft.data ?? {},
  updatedAt: draft.updatedAt.toISOString(),
});

/**
 * Starts the form: a new listing (`listing:create`), or an existing one with
 * its current values (`listing:manage`; the author's unfinished draft of it,
 * if there is one, is continued rather than started twice).
 */
export async function startDraft(
  actor: Actor,
  { listingId }: { listingId?: string } = {},
): Promise<ListingFormDraftDto> {
  if (!actor) throw unauthorized();
  const base = { organization: actor.organizationId, user: actor.userId };
  if (!listingId) {
    if (!can(actor, { action: 'listing:create' })) throw forbidden();
    const [draft] = await ListingFormDraft.insertMany([{ ...base, data: {} }]);
    return toDto(draft!.toObject() as DraftDoc, null);
  }
  const listing = await listingToEdit(actor, listingId);
  // A withdrawn or closed listing no longer changes (finishing would be refused too).
  if (!EDITABLE_LISTING_STATUSES.includes(listing.status)) throw conflict('errors.listingState');
  const mine = await ListingFormDraft.find({ user: actor.userId }).lean<DraftDoc[]>();
  const unfinished = mine.find((d) => String(d.listingId) === listingId);
  if (unfinished) return toDto(unfinished, listing);
  const data = toFormValues(await editableListing(actor, listingId));
  const [draft] = await ListingFormDraft.insertMany([{ ...base, listingId, data }]);
  return toDto(draft!.toObject() as DraftDoc, listing);
}

export async function getDraft(actor: Actor, draftId: string): Promise<ListingFormDraftDto> {
  const { draft, listing } = await ownDraft(actor, draftId);
  return toDto(draft, listing);
}

/**
 * Saves one step's fields, parsed by that step's schema (listingFormSteps),
 * whatever the other steps hold, and notes `next` as where the author goes on.
 */
export async function saveStep<S extends ListingFieldStep>(
  actor: Actor,
  draftId: string,
  step: S,
  values: ListingStepOutput<S>,
  next: ListingFormStep = step,
): Promise<void> {
  const { draft } = await ownDraft(actor, draftId);
  // Document rows come back from a browser: each must be one of the organization's uploads.
  const rows = step === 'documents' ? (values as ListingStepOutput<'documents'>).documents : null;
  const stored = rows ? { ...values, documents: await resolveDocumentRows(actor!.organizationId, rows) } : values;
  // Field by field, so two tabs on different steps do not undo each other.
  const fields = Object.entries(toFormValues(stored));
  const set = Object.fromEntries(fields.map(([field, value]) => [`data.${field}`, value]));
  const { matchedCount } = await ListingFormDraft.updateOne({ _id: draft._id }, { $set: { ...set, step: next } });
  if (matchedCount === 0) throw notFound('draft'); // finished or discarded meanwhile
}

/**
 * Stores an upload (type read from its bytes, size limited: the files module)
 * and adds it to the draft's documents; the listing gets it when the draft is
 * finished.
 */
export async function addDraftDocument(
  actor: Actor,
  draftId: string,
  upload: { bytes: Uint8Array; fileName: string } & DocumentUploadInput,
): Promise<void> {
  const { draft } = await ownDraft(actor, draftId);
  if (rowsOf(draft.data.documents).length >= MAX_DOCUMENTS) throw invalid({ file: ['validation.tooManyDocuments'] });
  const file = await storeUpload({
    bytes: upload.bytes,
    name: upload.fileName,
    organizationId: actor!.organizationId,
    userId: actor!.userId,
  });
  const row: DocumentRowValues = {
    file: String(file._id),
    name: upload.name || file.originalName,
    visibility: upload.visibility,
    contentType: file.contentType,
    size: file.size,
  };
  const { matchedCount } = await ListingFormDraft.updateOne(
    { _id: draft._id },
    // A push: two uploads at once both land (a saved step stores its rows as an array).
    { $push: { 'data.documents': row, uploads: file._id }, $set: { step: 'documents' } },
  );
  if (matchedCount === 0) {
    await deleteStoredFile(String(file._id));
    throw notFound('draft');
  }
}

/**
 * Validates the whole draft as a listing, creates the listing (or updates the
 * one it edits), submits it for review when asked and the listing is a draft,
 * and deletes the form draft. A new listing takes the draft's id, so finishing
 * twice (a double click, a retry after a failure half-way) creates it once.
 */
export async function finishDraft(actor: Actor, draftId: string, { submit = false } = {}): Promise<ListingDto> {
  let draft: DraftDoc;
  try {
    ({ draft } = await ownDraft(actor, draftId));
  } catch (error) {
    // Finished already (a double click): answer with the listing it became.
    const finished = isDomainError(error) && error.code === 'not_found' && actor && isId(draftId);
    if (finished && (await Listing.exists({ _id: draftId, createdBy: actor.userId })))
      return getListing(actor, draftId);
    throw error;
  }
  const parsed = listingFormInput.safeParse(draft.data);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues));
  const documents = listingFormSteps.documents.shape.documents.safeParse(draft.data.documents ?? []);
  if (!documents.success) throw invalid(fieldErrorsOf(documents.error.issues));
  let listing = draft.listingId
    ? await updateListing(actor, String(draft.listingId), parsed.data)
    : (await createListing(actor, parsed.data, { id: draft._id })).listing;
  // A draft started before documents joined the form leaves them as they are.
  if (draft.data.documents !== undefined) {
    await replaceDocuments(actor, listing.id, documents.data);
    listing = await getListing(actor, listing.id);
  }
  if (submit && listing.status === 'draft') listing = await submitListing(actor, listing.id);
  await deleteDraft(draft);
  return listing;
}

/** Deletes the actor's draft; answers which listing it was editing (null for a new one). */
export async function discardDraft(actor: Actor, draftId: string): Promise<{ listingId: string | null }> {
  if (!actor) throw unauthorized();
  const draft = await findOwnDraft(actor, draftId);
  await deleteDraft(draft);
  return { listingId: draft.listingId ? String(draft.listingId) : null };
}

/**
 * Deletes a draft and the files uploaded in it that its listing does not hold
 * (rows removed before finishing, or the whole draft abandoned). The listing
 * is read afresh: a finish that stopped half-way may have attached them already.
 */
async function deleteDraft(draft: DraftDoc): Promise<void> {
  await ListingFormDraft.deleteOne({ _id: draft._id });
  if (!draft.uploads?.length) return;
  const listing = await Listing.findById(draft.listingId ?? draft._id).lean<{
    documents: { file: Types.ObjectId }[];
  }>();
  const held = new Set((listing?.documents ?? []).map((d) => String(d.file)));
  await Promise.all(draft.uploads.filter((id) => !held.has(String(id))).map((id) => deleteStoredFile(String(id))));
}

/** How long an untouched draft is kept. */
export const DRAFT_EXPIRY_DAYS = 180;

/** Deletes drafts untouched for DRAFT_EXPIRY_DAYS, with their unattached uploads (a job; drafts are a small collection). */
export async function expireDrafts(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DRAFT_EXPIRY_DAYS * 24 * 3600_000);
  const stale = await ListingFormDraft.find({ updatedAt: { $lt: cutoff } }).lean<DraftDoc[]>();
  for (const draft of stale) await deleteDraft(draft);
  return stale.length;
}

export interface ListingFormDraftSummary {
  id: string;
  listingId: string | null;
  title: { zh?: string; en?: string };
  step: ListingFormStep;
  updatedAt: string;
}

/** The actor's unfinished drafts, last touched first. */
export async function listDrafts(actor: Actor): Promise<ListingFormDraftSummary[]> {
  if (!actor) throw unauthorized();
  const drafts = await ListingFormDraft.find({ user: actor.userId, organization: actor.organizationId }).lean<
    DraftDoc[]
  >();
  return drafts
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .map((d) => ({
      id: String(d._id),
      listingId: d.listingId ? String(d.listingId) : null,
      title: { zh: d.data.title?.zh || undefined, en: d.data.title?.en || undefined },
      step: d.step,
      updatedAt: d.updatedAt.toISOString(),
    }));
}
