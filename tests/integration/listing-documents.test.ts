import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { PDFDocument } from 'pdf-lib';
import * as dataRoomApi from '../../app/routes/api.v1.listings.$id.data-room.ts';
import * as documentApi from '../../app/routes/api.v1.listings.$id.documents.$documentId.ts';
import * as documentsApi from '../../app/routes/api.v1.listings.$id.documents.ts';
import * as listingApi from '../../app/routes/api.v1.listings.$id.ts';
import * as ndaApi from '../../app/routes/api.v1.listings.$id.nda.ts';
import * as draftStep from '../../app/routes/listings.drafts.$draftId.$step.tsx';
import * as download from '../../app/routes/listings.$id.documents.$documentId.tsx';
import * as listingPage from '../../app/routes/listings.$id.tsx';
import { StoredFile, useFileStorage } from '../../server/files/index.ts';
import { LocalFileStorage } from '../../server/files/local-storage.ts';
import { expireDrafts, Listing, ListingFormDraft, startDraft } from '../../server/listings/index.ts';
import { ListingDataRoom, NdaAcceptance } from '../../server/listings/data-room.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { call } from '../support/requests.ts';

// Documents and the data room (issue 7, item 3), through the routes people and
// integrations use: who sees which document and the confidential section, the
// NDA accepted once per organization, stamped downloads and their log, and
// uploads refused with nothing written.

useTestDatabase();

let storageDir: string;
beforeAll(() => {
  storageDir = mkdtempSync(path.join(tmpdir(), 'medip-documents-'));
  useFileStorage(new LocalFileStorage(storageDir));
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

async function pdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++)
    doc.addPage([595, 842]).drawText(`Page ${i + 1} of the test report`, { x: 50, y: 780 });
  return doc.save();
}

function upload(bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

/** An institute with a published listing and details only the data room shows; a verified company; an outsider's unverified one. */
async function setUp() {
  const owner = await createAccount({ kind: 'basic_institute', verified: true });
  const company = await createAccount({ kind: 'company', verified: true });
  const unverified = await createAccount({ kind: 'company', verified: false });
  const listing = await createListing(owner.organizationId, {
    confidential: { details: 'Sensitivity 98.2% in the 2025 animal study' },
  });
  const id = String(listing._id);
  return { owner, company, unverified, id };
}

async function addDocument(
  cookie: string,
  id: string,
  bytes: Uint8Array,
  fields: Record<string, string> = { visibility: 'confidential' },
) {
  return call(documentsApi.action, `/api/v1/listings/${id}/documents`, {
    method: 'POST',
    cookie,
    params: { id },
    multipart: upload(bytes, 'report.pdf', fields),
  });
}

/** The service-level actor of a verified organization's owner (drafts are started through the service). */
const actorOf = (account: { userId: string; organizationId: string }, kind: 'basic_institute' | 'company') => ({
  userId: account.userId,
  organizationId: account.organizationId,
  organizationKind: kind,
  organizationVerified: true,
  role: 'owner' as const,
});

const listingJson = async (cookie: string | null, id: string) =>
  (await (await call(listingApi.loader, `/api/v1/listings/${id}`, { cookie, params: { id } })).json()) as {
    documents: { id: string; visibility: string }[];
    confidential?: { details: string };
    dataRoom: { confidentialDocuments: number; open: boolean };
  };

const getDocument = (cookie: string | null, id: string, documentId: string) =>
  call(download.loader, `/listings/${id}/documents/${documentId}`, { cookie, params: { id, documentId } });

test('an owner uploads a confidential PDF through the API and it is listed for the owner only', async () => {
  const { owner, company, id } = await setUp();
  const created = await addDocument(owner.cookie, id, await pdf(2), {
    visibility: 'confidential',
    name: '动物实验报告',
  });
  expect(created.status).toBe(201);
  const document = (await created.json()) as { id: string; name: string; contentType: string };
  expect(document).toMatchObject({ name: '动物实验报告', contentType: 'application/pdf', visibility: 'confidential' });

  expect((await listingJson(owner.cookie, id)).documents.map((d) => d.id)).toEqual([document.id]);
  const outside = await listingJson(company.cookie, id);
  expect(outside.documents).toEqual([]);
  expect(outside.dataRoom).toMatchObject({ confidentialDocuments: 1, open: false });
});

test('no one outside the NDA reads the confidential section or downloads a confidential document, by page or API', async () => {
  const { owner, company, id } = await setUp();
  const { id: documentId } = (await (await addDocument(owner.cookie, id, await pdf(1))).json()) as { id: string };

  expect((await listingJson(null, id)).confidential).toBeUndefined();
  expect((await listingJson(company.cookie, id)).confidential).toBeUndefined();
  const page = await call(listingPage.loader, `/listings/${id}`, { cookie: company.cookie, params: { id } });
  expect(JSON.stringify(await page.json())).not.toContain('Sensitivity 98.2%');

  expect((await getDocument(null, id, documentId)).status).toBe(404);
  expect((await getDocument(company.cookie, id, documentId)).status).toBe(404);
  const api = await call(documentApi.loader, `/api/v1/listings/${id}/documents/${documentId}`, {
    cookie: company.cookie,
    params: { id, documentId },
  });
  expect(api.status).toBe(404);
});

test('a public document is downloadable by anyone who may see the listing, unstamped', async () => {
  const { owner, id } = await setUp();
  const original = await pdf(1);
  const { id: documentId } = (await (
    await addDocument(owner.cookie, id, original, { visibility: 'public' })
  ).json()) as {
    id: string;
  };
  const response = await getDocument(null, id, documentId);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="report.pdf"/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(original);
});

test('accepting the NDA opens the data room: the confidential section and a PDF stamped on every page', async () => {
  const { owner, company, id } = await setUp();
  const original = await pdf(3);
  const { id: documentId } = (await (await addDocument(owner.cookie, id, original)).json()) as { id: string };

  const accepted = await call(ndaApi.action, `/api/v1/listings/${id}/nda`, {
    method: 'POST',
    cookie: company.cookie,
    params: { id },
  });
  expect(accepted.status).toBe(201);
  const inside = await listingJson(company.cookie, id);
  expect(inside.confidential?.details).toBe('Sensitivity 98.2% in the 2025 animal study');
  expect(inside.documents.map((d) => d.id)).toEqual([documentId]);

  const response = await getDocument(company.cookie, id, documentId);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  const stamped = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()));
  expect(stamped.getPageCount()).toBe(3);
  // Each page gains the stamp's content stream beside its own.
  const original3 = await PDFDocument.load(original);
  for (const [index, page] of stamped.getPages().entries()) {
    const streams = (node: typeof page) => node.node.normalizedEntries().Contents?.size() ?? 0;
    expect(streams(page)).toBeGreaterThan(streams(original3.getPage(index)));
  }
});

test('the NDA is accepted once per organization, even by members accepting at once', async () => {
  const { company, id } = await setUp();
  const answers = await Promise.all(
    Array.from({ length: 8 }, () =>
      call(ndaApi.action, `/api/v1/listings/${id}/nda`, { method: 'POST', cookie: company.cookie, params: { id } }),
    ),
  );
  expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
  expect(await NdaAcceptance.countDocuments({ listing: id })).toBe(1);
  const room = await ListingDataRoom.findById(id).lean();
  expect(room?.acceptances).toHaveLength(1);
  expect(room?.acceptances[0]).toMatchObject({ userEmail: company.email, ip: '203.0.113.7' });
});

test("an acceptance missing from the owner's record (a crash between the writes) is listed when accepted again", async () => {
  const { company, id } = await setUp();
  const accept = () =>
    call(ndaApi.action, `/api/v1/listings/${id}/nda`, { method: 'POST', cookie: company.cookie, params: { id } });
  expect((await accept()).status).toBe(201);
  await ListingDataRoom.deleteOne({ _id: id });
  expect((await accept()).status).toBe(200);
  const room = await ListingDataRoom.findById(id).lean();
  expect(room?.acceptances.map((a) => a.userEmail)).toEqual([company.email]);
});

test('an unverified organization may not accept an NDA', async () => {
  const { unverified, id } = await setUp();
  const response = await call(ndaApi.action, `/api/v1/listings/${id}/nda`, {
    method: 'POST',
    cookie: unverified.cookie,
    params: { id },
  });
  expect(response.status).toBe(403);
  expect(await NdaAcceptance.countDocuments({ listing: id })).toBe(0);
});

test('the owner sees who accepted the NDA and who downloaded what; others may not', async () => {
  const { owner, company, id } = await setUp();
  const { id: documentId } = (await (await addDocument(owner.cookie, id, await pdf(1))).json()) as { id: string };
  await call(ndaApi.action, `/api/v1/listings/${id}/nda`, { method: 'POST', cookie: company.cookie, params: { id } });
  await getDocument(company.cookie, id, documentId);

  const record = await call(dataRoomApi.loader, `/api/v1/listings/${id}/data-room`, {
    cookie: owner.cookie,
    params: { id },
  });
  const body = (await record.json()) as {
    acceptances: { user: { email: string } }[];
    downloads: { user: { email: string }; document: { id: string; name: string } }[];
  };
  expect(body.acceptances.map((a) => a.user.email)).toEqual([company.email]);
  expect(body.downloads.map((d) => [d.user.email, d.document.id])).toEqual([[company.email, documentId]]);

  const refused = await call(dataRoomApi.loader, `/api/v1/listings/${id}/data-room`, {
    cookie: company.cookie,
    params: { id },
  });
  expect(refused.status).toBe(403);
});

test('a text file named .pdf is refused with a field message and nothing is stored', async () => {
  const { owner, id } = await setUp();
  const files = await StoredFile.countDocuments();
  const response = await call(documentsApi.action, `/api/v1/listings/${id}/documents`, {
    method: 'POST',
    cookie: owner.cookie,
    params: { id },
    headers: { 'Accept-Language': 'zh-CN' },
    multipart: upload(new TextEncoder().encode('not a pdf at all'), 'report.pdf'),
  });
  expect(response.status).toBe(400);
  const problem = (await response.json()) as { errors: Record<string, string[]> };
  expect(Object.keys(problem.errors)).toEqual(['file']);
  expect(await StoredFile.countDocuments()).toBe(files);
  expect((await Listing.findById(id).lean())?.documents).toEqual([]);
});

test('a file over the upload limit is refused with a field message and nothing is stored', async () => {
  const { owner, id } = await setUp();
  const files = await StoredFile.countDocuments();
  const oversized = new Uint8Array(21 * 1024 * 1024);
  oversized.set(await pdf(1));
  const response = await addDocument(owner.cookie, id, oversized);
  expect(response.status).toBe(400);
  expect(((await response.json()) as { errors: Record<string, string[]> }).errors.file).toHaveLength(1);
  expect(await StoredFile.countDocuments()).toBe(files);
});

test("a member of another organization may not upload to someone else's listing", async () => {
  const { company, id } = await setUp();
  const response = await addDocument(company.cookie, id, await pdf(1));
  expect(response.status).toBe(403);
  expect((await Listing.findById(id).lean())?.documents).toEqual([]);
});

test('a document uploaded in the form joins the listing when the draft is finished', async () => {
  const { owner, id } = await setUp();
  const actor = actorOf(owner, 'basic_institute');
  const draft = await startDraft(actor, { listingId: id });
  const form = upload(await pdf(1), '临床数据.pdf', { 'upload.visibility': 'confidential', goto: 'documents' });
  const posted = await call(draftStep.action, `/listings/drafts/${draft.id}/documents`, {
    method: 'POST',
    cookie: owner.cookie,
    params: { draftId: draft.id, step: 'documents' },
    multipart: form,
  });
  expect(posted.status).toBe(302);
  const saved = await ListingFormDraft.findById(draft.id).lean<{ data: { documents: { name: string }[] } }>();
  expect(saved?.data.documents.map((d) => d.name)).toEqual(['临床数据.pdf']);
  expect((await Listing.findById(id).lean())?.documents).toEqual([]);

  const finished = await call(draftStep.action, `/listings/drafts/${draft.id}/review`, {
    method: 'POST',
    cookie: owner.cookie,
    params: { draftId: draft.id, step: 'review' },
    form: { finish: 'save' },
  });
  expect(finished.status).toBe(302);
  const documents = (await Listing.findById(id).lean())?.documents ?? [];
  expect(documents.map((d) => [d.name, d.visibility, d.contentType])).toEqual([
    ['临床数据.pdf', 'confidential', 'application/pdf'],
  ]);
});

test("the form refuses a document row naming another organization's file", async () => {
  const { owner, company, id } = await setUp();
  const theirs = await call(documentsApi.action, `/api/v1/listings/${id}/documents`, {
    method: 'POST',
    cookie: owner.cookie,
    params: { id },
    multipart: upload(await pdf(1), 'a.pdf'),
  });
  expect(theirs.status).toBe(201);
  const ownerFile = String((await Listing.findById(id).lean())!.documents[0]!.file);
  const other = await createListing(company.organizationId);
  const actor = actorOf(company, 'company');
  const draft = await startDraft(actor, { listingId: String(other._id) });
  const response = await call(draftStep.action, `/listings/drafts/${draft.id}/documents`, {
    method: 'POST',
    cookie: company.cookie,
    params: { draftId: draft.id, step: 'documents' },
    form: {
      'documents.0.file': ownerFile,
      'documents.0.name': 'stolen',
      'documents.0.visibility': 'public',
      goto: 'review',
    },
  });
  expect(response.status).toBe(400);
  const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
  expect(Object.keys(body.fieldErrors)).toEqual(['documents.0.file']);
});

/** The owner's actor, a draft of their listing, and one PDF uploaded in it through the documents step. */
async function draftWithUpload() {
  const { owner, id } = await setUp();
  const actor = actorOf(owner, 'basic_institute');
  const draft = await startDraft(actor, { listingId: id });
  await call(draftStep.action, `/listings/drafts/${draft.id}/documents`, {
    method: 'POST',
    cookie: owner.cookie,
    params: { draftId: draft.id, step: 'documents' },
    multipart: upload(await pdf(1), 'draft.pdf', { goto: 'documents' }),
  });
  const saved = await ListingFormDraft.findById(draft.id).lean<{ data: { documents: { file: string }[] } }>();
  return { owner, actor, id, draftId: draft.id, fileId: saved!.data.documents[0]!.file };
}

test('a file uploaded in a discarded draft is deleted with it', async () => {
  const { owner, draftId, fileId } = await draftWithUpload();
  expect(await StoredFile.exists({ _id: fileId })).not.toBeNull();
  const discarded = await call(draftStep.action, `/listings/drafts/${draftId}/documents`, {
    method: 'POST',
    cookie: owner.cookie,
    params: { draftId, step: 'documents' },
    form: { discard: '1' },
  });
  expect(discarded.status).toBe(302);
  expect(await StoredFile.exists({ _id: fileId })).toBeNull();
});

test('a draft untouched for 180 days expires with the files uploaded in it', async () => {
  const { draftId, fileId } = await draftWithUpload();
  const now = new Date();
  await ListingFormDraft.collection.updateOne(
    { _id: new mongoose.Types.ObjectId(draftId) },
    { $set: { updatedAt: new Date(now.getTime() - 181 * 24 * 3600_000) } },
  );
  await expireDrafts(now);
  expect(await ListingFormDraft.exists({ _id: draftId })).toBeNull();
  expect(await StoredFile.exists({ _id: fileId })).toBeNull();
});

test('a draft touched within 180 days is kept', async () => {
  const { draftId, fileId } = await draftWithUpload();
  await expireDrafts(new Date(Date.now() + 179 * 24 * 3600_000));
  expect(await ListingFormDraft.exists({ _id: draftId })).not.toBeNull();
  expect(await StoredFile.exists({ _id: fileId })).not.toBeNull();
});
