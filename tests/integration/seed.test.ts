import { describe, expect, it } from 'vitest';
import { Password, User } from '../../server/auth/model.ts';
import { verifyPassword } from '../../server/auth/password.ts';
import { Listing, type ListingDoc } from '../../server/listings/model.ts';
import { listingInput } from '../../server/listings/schemas.ts';
import { Organization, type OrganizationDoc } from '../../server/orgs/model.ts';
import { SeedBatch, seedDemo } from '../../seed/demo.ts';
import { useTestDatabase } from '../support/database.ts';

useTestDatabase();

// What the demo set is, as the README promises it, written out here rather than
// read from the seeder: 36 organisations plus the operator's alliance office, one
// owner account per organisation kind, 320 published listings.

const ORGANIZATION_KINDS = [
  'basic_institute',
  'engineering_institute',
  'hospital',
  'company',
  'investor',
  'ip_agency',
  'operator',
];
const CATEGORIES = [
  'medical_optics',
  'medical_imaging',
  'medical_electronics',
  'medical_acoustics',
  'precision_machinery',
  'micro_nano',
  'ivd_molecular',
  'cardiovascular',
  'biomaterials',
  'rehabilitation',
  'laser_medicine',
  'other',
];
const STAGES = ['concept', 'prototype', 'verification', 'animal_study', 'clinical_trial', 'registered'];

/** The technology readiness levels a listing at each stage may claim, lowest and highest. */
const TRL_AT_STAGE: Record<string, [number, number]> = {
  concept: [1, 3],
  prototype: [3, 5],
  verification: [4, 6],
  animal_study: [5, 6],
  clinical_trial: [6, 8],
  registered: [8, 9],
};

const DEMO_PASSWORD = 'medip-demo-2026';
const DEMO_ACCOUNTS = [
  { email: 'basic-institute@demo.medip.cn', kind: 'basic_institute', organizationSlug: 'demo-sz-med-eng' },
  {
    email: 'engineering-institute@demo.medip.cn',
    kind: 'engineering_institute',
    organizationSlug: 'demo-sz-device-eng-center',
  },
  { email: 'hospital@demo.medip.cn', kind: 'hospital', organizationSlug: 'demo-sz-gusu-hospital' },
  { email: 'company@demo.medip.cn', kind: 'company', organizationSlug: 'demo-sz-maikang-med' },
  { email: 'investor@demo.medip.cn', kind: 'investor', organizationSlug: 'demo-us-baybridge-ventures' },
  { email: 'ip-agency@demo.medip.cn', kind: 'ip_agency', organizationSlug: 'demo-sz-zhiqiao-ip' },
  { email: 'operator@demo.medip.cn', kind: 'operator', organizationSlug: 'alliance-office' },
];

async function counts() {
  const [organizations, users, passwords, listings] = await Promise.all([
    Organization.countDocuments(),
    User.countDocuments(),
    Password.countDocuments(),
    Listing.countDocuments(),
  ]);
  return { organizations, users, passwords, listings };
}

/** Content of listing i (without ids and times that depend on the run): compared across reseeds. */
function content(l: ListingDoc) {
  return {
    externalId: l.externalId,
    kind: l.kind,
    title: l.title,
    summary: l.summary,
    keywords: l.keywords,
    category: l.category,
    stage: l.stage,
    trl: l.trl,
    patents: l.patents.map((p) => p.number),
    dealTypes: l.dealTypes,
    askingPrice: l.askingPrice,
    publishedAt: l.publishedAt,
  };
}

describe('seedDemo', () => {
  let firstRun: Map<string, ReturnType<typeof content>>;

  it('seeds the default demo set: organizations, accounts and valid listings', async () => {
    const progress: number[] = [];
    const result = await seedDemo({ onProgress: (done, total) => progress.push(done / total) });
    expect(result).toEqual({ organizations: 37, users: 7, listingsCreated: 320, listingsTotal: 320 });
    expect(progress.at(-1)).toBe(1);

    // Organizations: 36 of every kind and the alliance office, two waiting for verification.
    const orgs = await Organization.find().lean<OrganizationDoc[]>();
    expect(orgs).toHaveLength(37);
    expect(new Set(orgs.map((o) => o.kind))).toEqual(new Set(ORGANIZATION_KINDS));
    expect(orgs.filter((o) => o.kind === 'operator').map((o) => o.slug)).toEqual(['alliance-office']);
    const pending = orgs.filter((o) => !o.verified);
    expect(pending).toHaveLength(2);
    for (const o of pending) expect(o.verification?.status).toBe('pending');
    for (const o of orgs.filter((o) => o.verified)) expect(o.verification?.status).toBe('verified');
    for (const o of orgs) expect(o.name.zh && o.name.en).toBeTruthy();
    const orgById = new Map(orgs.map((o) => [String(o._id), o]));

    // Listings: 320, published (fewer than 10 under offer), covering every facet.
    const listings = await Listing.find().lean<ListingDoc[]>();
    expect(listings).toHaveLength(320);
    expect(listings.filter((l) => l.status === 'published').length).toBeGreaterThanOrEqual(300);
    const underOffer = listings.filter((l) => l.status === 'under_offer').length;
    expect(underOffer).toBeLessThan(10);
    expect(listings.every((l) => l.status === 'published' || l.status === 'under_offer')).toBe(true);
    expect(new Set(listings.map((l) => l.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(listings.map((l) => l.kind))).toEqual(new Set(['patent', 'result', 'project']));
    expect(new Set(listings.map((l) => l.stage))).toEqual(new Set(STAGES));
    expect(new Set(listings.map((l) => l.nmpaClass))).toEqual(new Set(['I', 'II', 'III', 'none']));

    // Every listing is one a user could have entered: the domain schema's rules,
    // patent number formats and CN check digits included.
    const failures: string[] = [];
    for (const l of listings) {
      const parsed = listingInput.safeParse(l);
      if (!parsed.success) failures.push(`${l.externalId}: ${JSON.stringify(parsed.error.issues)}`);
    }
    expect(failures).toEqual([]);

    for (const l of listings) {
      const owner = orgById.get(String(l.organization));
      expect(owner?.verified).toBe(true);
      const listers =
        l.kind === 'project'
          ? ['basic_institute', 'engineering_institute', 'hospital', 'company']
          : ['basic_institute', 'engineering_institute', 'hospital'];
      expect(listers).toContain(owner?.kind);
      expect(l.externalKey).toBe(`${String(l.organization)}/${l.externalId}`);
      expect(l.externalId).toMatch(/^demo-\d{6}$/);
      const [low, high] = TRL_AT_STAGE[l.stage]!;
      expect(l.trl, `${l.externalId} at ${l.stage}`).toBeGreaterThanOrEqual(low);
      expect(l.trl, `${l.externalId} at ${l.stage}`).toBeLessThanOrEqual(high);
      for (const text of [l.title, l.summary, l.problem, l.advantages, l.clinicalUse, l.partnerSought]) {
        expect(text.zh && text.en).toBeTruthy();
      }
      // Keywords a buyer would search for, in Chinese and in English.
      const keywordLanguages = {
        zh: l.keywords.some((k) => /\p{Script=Han}/u.test(k)),
        en: l.keywords.some((k) => /^[\x20-\x7e]+$/.test(k)),
      };
      expect(keywordLanguages, l.externalId!).toEqual({ zh: true, en: true });
      expect(l.confidential?.details).toBeTruthy();
      const [min, max] = l.kind === 'patent' ? [1, 4] : l.kind === 'result' ? [0, 2] : [0, 1];
      expect(l.patents.length).toBeGreaterThanOrEqual(min);
      expect(l.patents.length).toBeLessThanOrEqual(max);
      if (l.kind === 'project') expect(l.equityOffered?.percent).toBeGreaterThanOrEqual(5);
      if (l.askingPrice) {
        expect(l.askingPrice.amount).toBeGreaterThanOrEqual(100_000_00);
        expect(l.askingPrice.amount).toBeLessThanOrEqual(30_000_000_00);
      }
      for (const p of l.patents) {
        if (p.type === 'utility_model') expect(p.jurisdiction).toBe('CN');
        if (p.status === 'granted') expect(p.grantDate!.getTime()).toBeGreaterThanOrEqual(p.filingDate.getTime());
        expect(p.filingDate.getTime()).toBeLessThan(l.publishedAt!.getTime());
        expect(p.ipc.length).toBeGreaterThan(0);
      }
    }
    const patentNumbers = listings.flatMap((l) => l.patents.map((p) => p.number));
    expect(new Set(patentNumbers).size).toBe(patentNumbers.length);

    // Demo accounts: one per kind, owner of its organization, argon2id hash of the demo password.
    for (const account of DEMO_ACCOUNTS) {
      const user = await User.findOne({ emailNormalized: account.email }).lean();
      expect(user, account.email).toBeTruthy();
      expect(user!.emailVerifiedAt).toBeInstanceOf(Date);
      const org = orgById.get(String(user!.memberships[0]?.organization));
      expect(org?.slug).toBe(account.organizationSlug);
      expect(org?.kind).toBe(account.kind);
      expect(user!.memberships[0]?.role).toBe('owner');
      const password = await Password.findOne({ user: user!._id }).lean();
      expect(password!.hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(password!.hash, DEMO_PASSWORD)).toBe(true);
    }

    firstRun = new Map(listings.map((l) => [l.externalId!, content(l)]));
  });

  it('adds nothing when run again', async () => {
    const before = await counts();
    const result = await seedDemo();
    expect(result.listingsCreated).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('creates no duplicates when two runs race, and regenerates the same listings', async () => {
    // Start from an empty database so that every insert races.
    await Promise.all([
      Organization.deleteMany({}),
      User.deleteMany({}),
      Password.deleteMany({}),
      Listing.deleteMany({}),
      SeedBatch.deleteMany({}),
    ]);

    const results = await Promise.all([seedDemo({ listings: 60 }), seedDemo({ listings: 60 })]);
    expect(results[0]!.listingsCreated + results[1]!.listingsCreated).toBe(60);
    expect(await counts()).toEqual({ organizations: 37, users: 7, passwords: 7, listings: 60 });
    const slugs = (await Organization.find().lean()).map((o) => o.slug);
    expect(new Set(slugs).size).toBe(slugs.length);

    // Deterministic: listing i has the same content as in the first run (new organization ids aside).
    const listings = await Listing.find().lean<ListingDoc[]>();
    expect(new Set(listings.map((l) => l.externalKey)).size).toBe(60);
    for (const l of listings) expect(content(l)).toEqual(firstRun.get(l.externalId!));
  });
});
