import * as draftRoute from '../../app/routes/listings.drafts.$draftId.$step.tsx';
import * as editRoute from '../../app/routes/listings.$id_.edit.tsx';
import * as newRoute from '../../app/routes/listings.new.tsx';
import {
  createListing,
  Listing,
  ListingFormDraft,
  listingInput,
  publishListing,
  submitListing,
} from '../../server/listings/index.ts';
import { cnCheckDigit } from '../../server/listings/patents.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { call } from '../support/requests.ts';
import { useTestSearch } from '../support/search.ts';

// The multi-step listing form, driven through its routes as a browser without
// JavaScript drives it: plain posts of dotted field names.

useTestDatabase();
useTestSearch();

const operator = {
  userId: '0000000000000000000000d1',
  organizationId: '0000000000000000000000d2',
  organizationKind: 'operator' as const,
  organizationVerified: true,
  role: 'member' as const,
};

const cn = (digits: string) => `CN${digits}.${cnCheckDigit(digits)}`;
const wrongCheckDigit = (digits: string) => `CN${digits}.${(Number(cnCheckDigit(digits)) + 1) % 10}`;

const STEPS = {
  basics: {
    kind: 'patent',
    'title.zh': '可降解镁合金冠脉支架',
    'title.en': 'Biodegradable magnesium coronary stent',
    'summary.zh': '血管愈合后在体内降解的支架。',
    'summary.en': 'A stent that dissolves once the vessel has healed.',
    'problem.en': 'Permanent stents cause late thrombosis.',
    'advantages.en': 'Fully absorbed within two years.',
    'clinicalUse.en': 'Percutaneous coronary intervention.',
    'partnerSought.en': 'A device maker with class III experience.',
  },
  technology: {
    category: 'cardiovascular',
    nmpaClass: 'III',
    'regulatory.fda': 'none',
    'regulatory.ce': 'planned',
    trl: '5',
    stage: 'animal_study',
    'confidential.details': 'Alloy composition: see the lab notebook.',
  },
  patents: {
    'patents.0.number': cn('202310654321'),
    'patents.0.jurisdiction': 'CN',
    'patents.0.type': 'invention',
    'patents.0.status': 'granted',
    'patents.0.filingDate': '2023-05-10',
    'patents.0.grantDate': '2025-01-20',
    'patents.0.expiryDate': '',
    'patents.0.ipc': 'A61F 2/82, A61L 31/02',
  },
  terms: {
    'dealTypes.assignment': 'true',
    'dealTypes.exclusive_license': 'true',
    'askingPrice.amount': '1,250,000.50',
    'askingPrice.currency': 'CNY',
    'licenseTerms.royaltyPercent': '3',
    'licenseTerms.upfront.amount': '200000',
  },
} satisfies Record<string, Record<string, string>>;

let institute: Awaited<ReturnType<typeof createAccount>>;
beforeAll(async () => {
  institute = await createAccount({ kind: 'basic_institute', verified: true });
});

const listingsOf = (organizationId: string) => Listing.countDocuments({ organization: organizationId });

async function startDraft(cookie = institute.cookie): Promise<string> {
  const response = await call(newRoute.action, '/listings/new', { form: {}, cookie });
  expect(response.status).toBe(302);
  const match = /^\/listings\/drafts\/([a-f0-9]{24})\/basics$/.exec(response.headers.get('Location') ?? '');
  expect(match).not.toBeNull();
  return match![1]!;
}

function postStep(
  draftId: string,
  step: string,
  form: Record<string, string>,
  headers: Record<string, string> = { 'Accept-Language': 'en' },
) {
  return call(draftRoute.action, `/listings/drafts/${draftId}/${step}`, {
    form,
    cookie: institute.cookie,
    headers,
    params: { draftId, step },
  });
}

async function fillAllSteps(draftId: string) {
  for (const [step, form] of Object.entries(STEPS)) {
    const response = await postStep(draftId, step, { ...form, goto: 'review' });
    expect(response.status, step).toBe(302);
  }
}

test('each step saves its fields to the draft while the later steps are still empty, and no listing is written', async () => {
  const draftId = await startDraft();
  const saved = await postStep(draftId, 'basics', { ...STEPS.basics, goto: 'technology' });
  expect(saved.headers.get('Location')).toBe(`/listings/drafts/${draftId}/technology`);
  let draft = await ListingFormDraft.findById(draftId).lean();
  expect(draft!.step).toBe('technology');
  expect(draft!.data).toMatchObject({ kind: 'patent', title: { en: 'Biodegradable magnesium coronary stent' } });
  expect(draft!.data).not.toHaveProperty('category');

  // The terms before the technology: each step on its own.
  expect((await postStep(draftId, 'terms', { ...STEPS.terms, goto: 'basics' })).status).toBe(302);
  draft = await ListingFormDraft.findById(draftId).lean();
  expect(draft!.data).toMatchObject({
    title: { zh: '可降解镁合金冠脉支架' },
    // Amounts as typed, in yuan: the draft holds what the form shows.
    askingPrice: { amount: '1250000.50', currency: 'CNY' },
    dealTypes: { assignment: true, exclusive_license: true, equity: false },
  });
  expect(await listingsOf(institute.organizationId)).toBe(0);

  const page = await call(draftRoute.loader, `/listings/drafts/${draftId}/review`, {
    cookie: institute.cookie,
    params: { draftId, step: 'review' },
  });
  const { problems } = await page.json();
  expect(problems.map((p: { field: string; step: string }) => `${p.step}:${p.field}`)).toEqual(
    expect.arrayContaining(['technology:category', 'technology:trl', 'technology:stage']),
  );
});

test('a wrong check digit and an expiry before filing are field errors; the sent rows come back and nothing is saved', async () => {
  const draftId = await startDraft();
  const response = await postStep(
    draftId,
    'patents',
    {
      ...STEPS.patents,
      'patents.1.number': wrongCheckDigit('202410123456'),
      'patents.1.jurisdiction': 'CN',
      'patents.1.type': 'invention',
      'patents.1.status': 'filed',
      'patents.1.filingDate': '2024-03-01',
      'patents.1.expiryDate': '2023-12-31',
      goto: 'terms',
    },
    { 'Accept-Language': 'zh-CN' },
  );
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(Object.keys(body.fieldErrors).sort()).toEqual(['patents.1.expiryDate', 'patents.1.number']);
  expect(body.fieldErrors['patents.1.number'][0]).toMatch(/校验位/);
  expect(body.values.patents['1'].number).toBe(wrongCheckDigit('202410123456'));
  expect((await ListingFormDraft.findById(draftId).lean())!.data).not.toHaveProperty('patents');

  const badFormat = await postStep(draftId, 'patents', {
    ...STEPS.patents,
    'patents.0.number': 'CN12345',
    goto: 'terms',
  });
  expect((await badFormat.json()).fieldErrors['patents.0.number']).toEqual([
    'This is not a valid patent number for the chosen patent office.',
  ]);
});

test('a title in neither language is refused at its field, and nothing is written', async () => {
  const draftId = await startDraft();
  const response = await postStep(draftId, 'basics', {
    ...STEPS.basics,
    'title.zh': ' ',
    'title.en': '',
    goto: 'technology',
  });
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.fieldErrors).toEqual({ 'title.zh': ['Give this in Chinese or English.'] });
  expect(body.values['summary']).toEqual({ zh: STEPS.basics['summary.zh'], en: STEPS.basics['summary.en'] });
  expect((await ListingFormDraft.findById(draftId).lean())!.data).toEqual({});
  expect(await listingsOf(institute.organizationId)).toBe(0);
});

test('without JavaScript, keywords typed in one input, separated by commas, 、 or lines, become the listing’s list', async () => {
  const draftId = await startDraft();
  await fillAllSteps(draftId);
  const basics = {
    ...STEPS.basics,
    keywords: 'magnesium alloy，镁合金、bioresorbable\r\nBioresorbable; PCI',
    goto: 'review',
  };
  expect((await postStep(draftId, 'basics', basics)).status).toBe(302);
  expect((await ListingFormDraft.findById(draftId).lean())!.data.keywords).toBe(
    'magnesium alloy, 镁合金, bioresorbable, PCI',
  );
  await postStep(draftId, 'review', { finish: 'save' });
  expect((await Listing.findById(draftId).lean())!.keywords).toEqual([
    'magnesium alloy',
    '镁合金',
    'bioresorbable',
    'PCI',
  ]);
  await Listing.deleteOne({ _id: draftId }); // the other tests count the organization's listings
});

test('a keyword that breaks a rule is refused at the keywords input, in the reader’s language, and nothing is saved', async () => {
  const draftId = await startDraft();
  const response = await postStep(
    draftId,
    'basics',
    { ...STEPS.basics, keywords: `支架, ${'很长的关键词'.repeat(11)}`, goto: 'technology' },
    { 'Accept-Language': 'zh-CN' },
  );
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.fieldErrors).toEqual({ keywords: ['每个关键词 1 至 60 个字符。'] });
  expect(body.values.keywords).toBe(`支架, ${'很长的关键词'.repeat(11)}`);
  expect((await ListingFormDraft.findById(draftId).lean())!.data).toEqual({});
});

test('without JavaScript, "add a patent row" and "remove" come back with the rows changed, unsaved', async () => {
  const draftId = await startDraft();
  const added = await postStep(draftId, 'patents', { ...STEPS.patents, addPatent: '1' });
  expect(added.status).toBe(200);
  const { values } = await added.json();
  expect(values.patents).toHaveLength(2);
  expect(values.patents[0].number).toBe(STEPS.patents['patents.0.number']);

  const removed = await postStep(draftId, 'patents', { ...STEPS.patents, removePatent: '0' });
  expect((await removed.json()).values.patents).toEqual([]);
  expect((await ListingFormDraft.findById(draftId).lean())!.data).toEqual({});
});

test('an unverified organization cannot start a draft', async () => {
  const unverified = await createAccount({ kind: 'basic_institute', verified: false });
  const response = await call(newRoute.action, '/listings/new', { form: {}, cookie: unverified.cookie });
  expect(response.status).toBe(403);
  expect(await ListingFormDraft.countDocuments({ user: unverified.userId })).toBe(0);
});

test('another member cannot read or save someone else’s draft', async () => {
  const draftId = await startDraft();
  const colleague = await createAccount({ kind: 'basic_institute', verified: true });
  const page = await call(draftRoute.loader, `/listings/drafts/${draftId}/basics`, {
    cookie: colleague.cookie,
    params: { draftId, step: 'basics' },
  });
  expect(page.status).toBe(404);
  const save = await call(draftRoute.action, `/listings/drafts/${draftId}/basics`, {
    form: { ...STEPS.basics, goto: 'technology' },
    cookie: colleague.cookie,
    params: { draftId, step: 'basics' },
  });
  expect(save.status).toBe(404);
});

test('finishing creates the listing from every step, in minor units, and deletes the draft', async () => {
  const draftId = await startDraft();
  await fillAllSteps(draftId);
  const response = await postStep(draftId, 'review', { finish: 'save' });
  expect(response.headers.get('Location')).toBe(`/listings/${draftId}`);
  const listing = await Listing.findById(draftId).lean();
  expect(listing).toMatchObject({
    status: 'draft',
    kind: 'patent',
    trl: 5,
    askingPrice: { amount: 125_000_050, currency: 'CNY' },
    licenseTerms: { upfront: { amount: 20_000_000 }, royaltyPercent: 3, openLicense: false },
    auction: null,
    confidential: { details: 'Alloy composition: see the lab notebook.' },
  });
  expect(listing!.patents[0]).toMatchObject({
    number: STEPS.patents['patents.0.number'],
    ipc: ['A61F 2/82', 'A61L 31/02'],
  });
  expect(await ListingFormDraft.exists({ _id: draftId })).toBeNull();

  // Sent twice (a double click): the same listing, not a second one.
  const again = await postStep(draftId, 'review', { finish: 'save' });
  expect(again.headers.get('Location')).toBe(`/listings/${draftId}`);
  expect(await listingsOf(institute.organizationId)).toBe(1);
});

test('"save and submit" sends the new listing for review', async () => {
  const draftId = await startDraft();
  await fillAllSteps(draftId);
  await postStep(draftId, 'review', { finish: 'submit' });
  expect((await Listing.findById(draftId).lean())!.status).toBe('submitted');
});

test('a listing that would break a rule across steps is not written; the review names the step to fix', async () => {
  const draftId = await startDraft();
  await fillAllSteps(draftId);
  // A patent listing without patents.
  await postStep(draftId, 'patents', { goto: 'review' });
  const response = await postStep(draftId, 'review', { finish: 'save' });
  expect(response.status).toBe(400);
  expect(await Listing.exists({ _id: draftId })).toBeNull();
  const page = await call(draftRoute.loader, `/listings/drafts/${draftId}/review`, {
    cookie: institute.cookie,
    params: { draftId, step: 'review' },
  });
  expect((await page.json()).problems).toEqual([
    { field: 'patents', step: 'patents', message: 'validation.patentRequired' },
  ]);
});

describe('editing a published listing through the form', () => {
  let listingId: string;
  const actor = () => ({
    userId: String(institute.userId),
    organizationId: institute.organizationId,
    organizationKind: 'basic_institute' as const,
    organizationVerified: true,
    role: 'owner' as const,
  });

  beforeAll(async () => {
    const input = listingInput.parse({
      kind: 'result',
      title: { en: 'Handheld retinal camera' },
      summary: { en: 'Fundus images without dilation.' },
      category: 'medical_optics',
      nmpaClass: 'II',
      trl: 6,
      stage: 'verification',
      dealTypes: ['non_exclusive_license'],
      askingPrice: { amount: 30_000_000, currency: 'USD' },
    });
    const { listing } = await createListing(actor(), input);
    listingId = listing.id;
    await submitListing(actor(), listingId);
    await publishListing(operator, listingId);
  });

  test('opens a draft with the listing’s values, and saving makes a revision for the operator', async () => {
    const opened = await call(editRoute.loader, `/listings/${listingId}/edit`, {
      cookie: institute.cookie,
      params: { id: listingId },
    });
    const location = opened.headers.get('Location') ?? '';
    const draftId = /\/listings\/drafts\/([a-f0-9]{24})\/basics$/.exec(location)![1]!;
    const draft = await ListingFormDraft.findById(draftId).lean();
    expect(draft!.listingId!.toString()).toBe(listingId);
    // The listing's own currency stays; amounts in major units.
    expect(draft!.data).toMatchObject({
      title: { en: 'Handheld retinal camera', zh: '' },
      askingPrice: { amount: '300000', currency: 'USD' },
      trl: '6',
    });

    // Opening it again continues the same draft.
    const reopened = await call(editRoute.loader, `/listings/${listingId}/edit`, {
      cookie: institute.cookie,
      params: { id: listingId },
    });
    expect(reopened.headers.get('Location')).toBe(location);

    const basics = { ...STEPS.basics, kind: 'result', 'title.en': 'Handheld retinal camera, second generation' };
    expect((await postStep(draftId, 'basics', { ...basics, goto: 'review' })).status).toBe(302);
    const finished = await postStep(draftId, 'review', { finish: 'save' });
    expect(finished.headers.get('Location')).toBe(`/listings/${listingId}`);

    const listing = await Listing.findById(listingId).lean();
    expect(listing!.status).toBe('published');
    expect(listing!.title).toMatchObject({ en: 'Handheld retinal camera' });
    expect(listing!.pendingRevision!.changes).toMatchObject({
      title: { en: 'Handheld retinal camera, second generation', zh: '可降解镁合金冠脉支架' },
    });
    expect(listing!.askingPrice).toMatchObject({ amount: 30_000_000, currency: 'USD' });
    expect(await ListingFormDraft.exists({ _id: draftId })).toBeNull();
  });
});
