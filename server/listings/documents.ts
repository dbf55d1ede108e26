import mongoose from 'mongoose';
import type { Actor } from '../auth/permissions.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import {
  deleteStoredFile,
  readStoredFile,
  StoredFile,
  storeUpload,
  watermarkPdf,
  type StoredFileDoc,
} from '../files/index.ts';
import { EDITABLE_LISTING_STATUSES } from '../vocabulary.ts';
import { listingChanged } from './changes.ts';
import { toDocumentDto, type DocumentDto, type StoredDocument } from './document-dto.ts';
import { describeActor, logDownload, mayViewConfidential } from './data-room.ts';
import { record } from './history.ts';
import { Listing, type ListingDoc } from './model.ts';
import { MAX_DOCUMENTS, type DocumentRowInput, type DocumentUploadInput } from './schemas.ts';
import { findOwnListing, findVisibleListing } from './service.ts';

// A listing's documents: uploads stored through the files module, each public
// or confidential. Public ones are anyone's who may see the listing; the
// confidential ones are the data room's (data-room.ts), served as PDFs stamped
// with who downloaded them and when, and every download is logged.

const ATTEMPTS = 5;

/** The listing's documents set to `documents`, guarded by the version read; the trail notes the names before and after. */
async function writeDocuments(
  actor: NonNullable<Actor>,
  listing: ListingDoc,
  documents: StoredDocument[],
): Promise<boolean> {
  const updated = await Listing.findOneAndUpdate(
    { _id: listing._id, status: listing.status, updatedAt: listing.updatedAt },
    { $set: { documents } },
    { returnDocument: 'after', runValidators: true },
  ).lean<ListingDoc>();
  if (!updated) return false;
  const names = (list: readonly { name: string; visibility: string }[]) =>
    list.map((d) => `${d.name} (${d.visibility})`);
  await record(listing._id, {
    at: updated.updatedAt,
    action: 'updated',
    by: actor.userId,
    organization: actor.organizationId,
    changes: [{ field: 'documents', from: names(listing.documents), to: names(documents) }],
  });
  await listingChanged(String(listing._id));
  return true;
}

/** The actor's listing, if its documents may still change. */
async function editableOwnListing(actor: Actor, listingId: string): Promise<ListingDoc> {
  const listing = await findOwnListing(actor, listingId);
  if (!EDITABLE_LISTING_STATUSES.includes(listing.status)) throw conflict('errors.listingState');
  return listing;
}

/** Stores an upload (type read from its bytes, size limited) and adds it to the actor's listing. */
export async function addDocument(
  actor: Actor,
  listingId: string,
  upload: { bytes: Uint8Array; fileName: string } & DocumentUploadInput,
): Promise<DocumentDto> {
  let listing = await editableOwnListing(actor, listingId);
  if (listing.documents.length >= MAX_DOCUMENTS) throw invalid({ file: ['validation.tooManyDocuments'] });
  const file = await storeUpload({
    bytes: upload.bytes,
    name: upload.fileName,
    organizationId: actor!.organizationId,
    userId: actor!.userId,
  });
  const document = {
    _id: new mongoose.Types.ObjectId(),
    name: upload.name || file.originalName,
    visibility: upload.visibility,
    file: file._id,
    contentType: file.contentType,
    size: file.size,
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (listing.documents.length >= MAX_DOCUMENTS) break;
    if (await writeDocuments(actor!, listing, [...(listing.documents as StoredDocument[]), document]))
      return toDocumentDto(document);
    listing = await editableOwnListing(actor, listingId);
  }
  await deleteStoredFile(String(file._id));
  throw listing.documents.length >= MAX_DOCUMENTS
    ? invalid({ file: ['validation.tooManyDocuments'] })
    : conflict('errors.listingBusy');
}

/** Removes a document from the actor's listing, and its stored file. */
export async function removeDocument(actor: Actor, listingId: string, documentId: string): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const listing = await editableOwnListing(actor, listingId);
    const document = listing.documents.find((d) => String(d._id) === documentId);
    if (!document) throw notFound('document');
    const rest = listing.documents.filter((d) => d !== document);
    if (await writeDocuments(actor!, listing, rest)) {
      await deleteStoredFile(String(document.file));
      return;
    }
  }
  throw conflict('errors.listingBusy');
}

/**
 * The form's rows as documents: every file must be an upload of the listing's
 * organization (the ids come back from a browser), and what is stored about it
 * (type, size) comes from the files module, never from the form.
 */
export async function resolveDocumentRows(
  organizationId: string,
  rows: DocumentRowInput[],
): Promise<(DocumentRowInput & { contentType: string; size: number })[]> {
  const files = await Promise.all(rows.map((row) => StoredFile.findById(row.file).lean<StoredFileDoc>()));
  const unknown: Record<string, string[]> = {};
  const resolved = rows.map((row, index) => {
    const file = files[index];
    if (!file || String(file.organization) !== organizationId) {
      unknown[`documents.${index}.file`] = ['validation.fileUnknown'];
      return null;
    }
    return { ...row, contentType: file.contentType, size: file.size };
  });
  if (Object.keys(unknown).length) throw invalid(unknown);
  return resolved as (DocumentRowInput & { contentType: string; size: number })[];
}

/** Sets the listing's documents to the finished form's rows; files no longer listed are deleted. */
export async function replaceDocuments(actor: Actor, listingId: string, rows: DocumentRowInput[]): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const listing = await editableOwnListing(actor, listingId);
    const resolved = await resolveDocumentRows(String(listing.organization), rows);
    const documents = resolved.map((row) => ({
      _id: listing.documents.some((d) => String(d._id) === row.id)
        ? new mongoose.Types.ObjectId(row.id)
        : new mongoose.Types.ObjectId(),
      name: row.name,
      visibility: row.visibility,
      file: new mongoose.Types.ObjectId(row.file),
      contentType: row.contentType,
      size: row.size,
    }));
    const same = (a: object[], b: object[]) => JSON.stringify(a) === JSON.stringify(b);
    const current = listing.documents.map((d) => ({ ...toDocumentDto(d), file: String(d.file) }));
    const next = documents.map((d) => ({ ...toDocumentDto(d), file: String(d.file) }));
    if (same(current, next)) return;
    if (await writeDocuments(actor!, listing, documents)) {
      const kept = new Set(next.map((d) => d.file));
      await Promise.all(current.filter((d) => !kept.has(d.file)).map((d) => deleteStoredFile(d.file)));
      return;
    }
  }
  throw conflict('errors.listingBusy');
}

export interface DocumentDownload {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/**
 * One document's bytes for the actor, who must be allowed to see it (a
 * confidential one: the data room's rule; anything else looks "not found").
 * A confidential PDF comes stamped with the actor's organization, name and
 * the time on every page; every download is logged for the owner.
 */
export async function openDocument(
  actor: Actor,
  listingId: string,
  documentId: string,
  { ip, now = new Date() }: { ip: string; now?: Date },
): Promise<DocumentDownload> {
  const listing = await findVisibleListing(actor, listingId);
  const document = listing.documents.find((d) => String(d._id) === documentId);
  if (!document) throw notFound('document');
  if (document.visibility === 'confidential' && !(await mayViewConfidential(actor, listing)))
    throw notFound('document');
  const stored = await readStoredFile(String(document.file));
  if (!stored) throw notFound('document');
  const party = actor ? await describeActor(actor) : {};
  let bytes = stored.bytes;
  if (document.visibility === 'confidential' && document.contentType === 'application/pdf' && actor) {
    const who = party as Awaited<ReturnType<typeof describeActor>>;
    bytes = await watermarkPdf(bytes, {
      organization: [who.organizationName.zh, who.organizationName.en].filter(Boolean).join(' / '),
      user: who.userEmail ? `${who.userName} <${who.userEmail}>` : who.userName,
      at: now,
    });
  }
  await logDownload(listing, { party, document, ip, at: now });
  return { bytes, contentType: document.contentType, fileName: document.name };
}
