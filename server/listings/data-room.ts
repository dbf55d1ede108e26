import mongoose, { Schema } from 'mongoose';
import { can, isOperator, type Actor } from '../auth/permissions.ts';
import { User } from '../auth/model.ts';
import { insertOnce, isDuplicateKeyError } from '../db/insert-once.ts';
import { versionedWrite } from '../db/versioned-write.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { notifyOrganization } from '../notifications/index.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { ndaAccepted } from './changes.ts';
import { dtoResourceOf, text, type ListingDto } from './dto.ts';
import { resourceOf, type ListingDoc } from './model.ts';
import { ndaText } from './standard-nda.ts';
import { findVisibleListing } from './service.ts';

// A listing's data room: the NDA an organization accepts once, on behalf of its
// members, to see the confidential section and documents, and the record the
// owner reads of who accepted and who downloaded what.
//
// Acceptance is a claim: an insert keyed `${listingId}:${organizationId}`, so
// two members accepting at once record it once, and checking it is an _id
// look-up. The owner's view is one document per listing (keyed by its id) that
// each acceptance and download appends to; FerretDB scans for anything else.

const acceptanceSchema = new Schema(
  {
    _id: { type: String, required: true },
    listing: { type: Schema.Types.ObjectId, ref: 'Listing', required: true },
    organization: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    at: { type: Date, required: true },
    ip: { type: String, required: true },
    /** The text accepted, as it read then (the owner may change it later). */
    text: { type: new Schema({ zh: String, en: String }, { _id: false }), required: true },
  },
  { versionKey: false },
);
export const NdaAcceptance = mongoose.model('NdaAcceptance', acceptanceSchema, 'nda_acceptances');

const partySchema = {
  organization: { type: Schema.Types.ObjectId, ref: 'Organization', default: null },
  organizationName: { type: new Schema({ zh: String, en: String }, { _id: false }), default: null },
  user: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  userName: { type: String, default: null },
  userEmail: { type: String, default: null },
  at: { type: Date, required: true },
  ip: { type: String, required: true },
};
const downloadSchema = new Schema(
  {
    ...partySchema,
    document: { type: Schema.Types.ObjectId, required: true },
    documentName: { type: String, required: true },
    visibility: { type: String, required: true },
  },
  { _id: false },
);
/** Downloads kept per listing: enough for any owner's review, bounded so the document stays small. */
export const DOWNLOADS_KEPT = 2000;
/** How far past DOWNLOADS_KEPT the log may grow before an append trims it (trimming rewrites the whole log). */
const TRIM_SLACK = 100;

const roomSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    acceptances: { type: [new Schema(partySchema, { _id: false })], default: [] },
    downloads: { type: [downloadSchema], default: [] },
    /** Bumped by every write, so trimming the log never drops a download written meanwhile. */
    version: { type: Number, default: 0 },
  },
  { versionKey: false },
);
export const ListingDataRoom = mongoose.model('ListingDataRoom', roomSchema, 'listing_data_rooms');

export interface DataRoomParty {
  organization: { id: string; name: Bilingual } | null;
  user: { id: string; name: string; email: string } | null;
  at: string;
  ip: string;
}
export interface DataRoomRecord {
  acceptances: DataRoomParty[];
  downloads: (DataRoomParty & { document: { id: string; name: string; visibility: string } })[];
}

const acceptanceId = (listingId: string, organizationId: string) => `${listingId}:${organizationId}`;

/** Whether the actor's organization accepted the listing's NDA (an _id look-up; false for anonymous visitors). */
export async function hasAcceptedNda(actor: Actor, listingId: string): Promise<boolean> {
  if (!actor) return false;
  return (await NdaAcceptance.exists({ _id: acceptanceId(listingId, actor.organizationId) })) !== null;
}

/** Whether the actor may read the listing's confidential section and documents. */
export async function mayViewConfidential(actor: Actor, listing: ListingDoc): Promise<boolean> {
  const resource = resourceOf(listing);
  // Owners and operators need no NDA: ask without the look-up first.
  if (can(actor, { action: 'listing:view_confidential', listing: resource, ndaAccepted: false })) return true;
  const ndaAccepted = await hasAcceptedNda(actor, String(listing._id));
  return can(actor, { action: 'listing:view_confidential', listing: resource, ndaAccepted });
}

/** What the data room offers a reader not inside it: the NDA to accept, a log-in first, or nothing. */
export type NdaAccess = 'inside' | 'may_accept' | 'sign_in' | 'not_allowed';

export function ndaAccessOf(
  actor: Actor,
  listing: Pick<ListingDto, 'status' | 'organization' | 'dataRoom'>,
): NdaAccess {
  if (listing.dataRoom.open) return 'inside';
  if (!actor) return 'sign_in';
  return can(actor, { action: 'listing:accept_nda', listing: dtoResourceOf(listing) }) ? 'may_accept' : 'not_allowed';
}

/** Who is acting, by name, for the owner's record and the watermark (two _id look-ups). */
export async function describeActor(actor: { userId: string; organizationId: string }) {
  const [user, organization] = await Promise.all([
    User.findById(actor.userId).lean(),
    Organization.findById(actor.organizationId).lean<OrganizationDoc>(),
  ]);
  return {
    organization: actor.organizationId,
    organizationName: text(organization?.name),
    user: actor.userId,
    userName: user?.name ?? '',
    userEmail: user?.email ?? '',
  };
}

/**
 * Accepts the listing's NDA for the actor's organization. Once per
 * organization: a second acceptance (another member, a double click) answers
 * with the first one's time. The owner's members are told.
 */
export async function acceptNda(
  actor: Actor,
  listingId: string,
  { ip }: { ip: string },
): Promise<{ acceptedAt: string; created: boolean }> {
  if (!actor) throw unauthorized();
  const listing = await findVisibleListing(actor, listingId);
  if (!can(actor, { action: 'listing:accept_nda', listing: resourceOf(listing) })) {
    throw forbidden(isOperator(actor) ? 'errors.ndaOperator' : 'errors.ndaNotAllowed');
  }
  const _id = acceptanceId(String(listing._id), actor.organizationId);
  const at = new Date();
  const { doc, created } = await insertOnce(
    NdaAcceptance,
    { _id },
    {
      _id,
      listing: listing._id,
      organization: actor.organizationId,
      user: actor.userId,
      at,
      ip,
      text: ndaText(listing),
    },
  );
  // Also when the acceptance existed already: a crash between the two writes is repaired by accepting again.
  const party = await describeActor({ userId: String(doc.user), organizationId: String(doc.organization) });
  await recordAcceptance(listing, { ...party, at: doc.at, ip: doc.ip });
  if (created) {
    await ndaAccepted({ listingId: String(listing._id), organizationId: actor.organizationId, at });
    await notifyOrganization(String(listing.organization), {
      type: 'listing.nda',
      params: {
        listingTitle_zh: listing.title.zh ?? '',
        listingTitle_en: listing.title.en ?? '',
        organizationName_zh: party.organizationName.zh ?? '',
        organizationName_en: party.organizationName.en ?? '',
      },
      link: `/listings/${String(listing._id)}#data-room`,
    });
  }
  return { acceptedAt: doc.at.toISOString(), created };
}

/** Lists an acceptance on the owner's record once: a second write for the same organization changes nothing. */
async function recordAcceptance(
  listing: Pick<ListingDoc, '_id'>,
  acceptance: Awaited<ReturnType<typeof describeActor>> & { at: Date; ip: string },
): Promise<void> {
  try {
    await ListingDataRoom.updateOne(
      { _id: listing._id, 'acceptances.organization': { $ne: acceptance.organization } },
      { $push: { acceptances: acceptance }, $inc: { version: 1 } },
      { upsert: true },
    );
  } catch (error) {
    // Listed already: the filter missed, and the upsert met the existing record.
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * Appends one download to the listing's record. The log keeps the newest
 * DOWNLOADS_KEPT: FerretDB ignores `$push`'s `$slice`, so an append that finds
 * the log well past that trims it with a versioned write.
 */
export async function logDownload(
  listing: Pick<ListingDoc, '_id'>,
  entry: {
    party: Partial<Awaited<ReturnType<typeof describeActor>>>;
    document: { _id: unknown; name: string; visibility: string };
    ip: string;
    at: Date;
  },
): Promise<void> {
  const { party, document, ip, at } = entry;
  const download = {
    ...party,
    at,
    ip,
    document: document._id,
    documentName: document.name,
    visibility: document.visibility,
  };
  const room = await ListingDataRoom.findOneAndUpdate(
    { _id: listing._id },
    { $push: { downloads: download }, $inc: { version: 1 } },
    { upsert: true, returnDocument: 'after' },
  ).lean<{ downloads: unknown[] }>();
  if ((room?.downloads.length ?? 0) <= DOWNLOADS_KEPT + TRIM_SLACK) return;
  await versionedWrite<{ version: number; downloads: unknown[] }, void>(
    ListingDataRoom,
    String(listing._id),
    (current) =>
      current && current.downloads.length > DOWNLOADS_KEPT
        ? { update: { $set: { downloads: current.downloads.slice(-DOWNLOADS_KEPT) } }, result: undefined }
        : { result: undefined },
  );
}

interface StoredParty {
  organization?: unknown;
  organizationName?: Bilingual | null;
  user?: unknown;
  userName?: string | null;
  userEmail?: string | null;
  at: Date;
  ip: string;
}
const toParty = (p: StoredParty): DataRoomParty => ({
  organization: p.organization ? { id: String(p.organization), name: text(p.organizationName) } : null,
  user: p.user ? { id: String(p.user), name: p.userName ?? '', email: p.userEmail ?? '' } : null,
  at: p.at.toISOString(),
  ip: p.ip,
});

/** Who accepted the NDA and who downloaded what, newest first: the owner's and the operators' view. */
export async function dataRoomRecord(actor: Actor, listingId: string): Promise<DataRoomRecord> {
  if (!actor) throw unauthorized();
  const listing = await findVisibleListing(actor, listingId);
  const resource = resourceOf(listing);
  if (!can(actor, { action: 'listing:manage', listing: resource }) && !can(actor, { action: 'listing:review' })) {
    throw forbidden();
  }
  const room = await ListingDataRoom.findById(listing._id).lean<{
    acceptances: StoredParty[];
    downloads: (StoredParty & { document: unknown; documentName: string; visibility: string })[];
  }>();
  return {
    acceptances: (room?.acceptances ?? []).map(toParty).reverse(),
    downloads: (room?.downloads ?? [])
      .map((d) => ({
        ...toParty(d),
        document: { id: String(d.document), name: d.documentName, visibility: d.visibility },
      }))
      .reverse(),
  };
}
