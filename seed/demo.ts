import { createHash } from 'node:crypto';
import mongoose, { Schema, type Types } from 'mongoose';
import { ensureOperatorOrganization, OPERATOR_ORG_SLUG } from '../server/auth/bootstrap.ts';
import { normalizeEmail, Password, User } from '../server/auth/model.ts';
import { hashPassword } from '../server/auth/password.ts';
import { insertOnce, isDuplicateKeyError } from '../server/db/insert-once.ts';
import { Listing } from '../server/listings/model.ts';
import { listingInput } from '../server/listings/schemas.ts';
import { addOrganizationMember } from '../server/orgs/members.ts';
import { Organization } from '../server/orgs/model.ts';
import { ORGANIZATION_KINDS, type Locale, type OrganizationKind } from '../server/vocabulary.ts';
import { generateListing, type DemoListing, type GeneratorContext, type Lister } from './listings.ts';
import { DEMO_ORGANIZATIONS } from './organizations.ts';

// Demo data: organizations of every kind, one sign-in per kind, and a
// deterministic set of published listings. Every write is an idempotent insert
// keyed by a unique index, so seeding twice (or twice at once) adds nothing.

export const DEMO_PASSWORD = 'medip-demo-2026';
export const DEFAULT_DEMO_LISTINGS = 320;
/** Upper bound of `listings`: patent numbers stay unique up to here. */
export const MAX_DEMO_LISTINGS = 2_000_000;
const BATCH_SIZE = 1000;
/** Batches inserted at once: generation of one overlaps the database's work on the other. */
const CONCURRENCY = 2;
/** Bump when the generator changes which organization owns listing i. */
const GENERATOR_VERSION = 1;

export interface DemoAccount {
  email: string;
  kind: OrganizationKind;
  organizationSlug: string;
}

/** Which organization (and name, locale) each kind's demo account belongs to. */
const ACCOUNT_PROFILES: Record<OrganizationKind, { organizationSlug: string; name: string; locale: Locale }> = {
  basic_institute: { organizationSlug: 'demo-sz-med-eng', name: '李明远', locale: 'zh-CN' },
  engineering_institute: { organizationSlug: 'demo-sz-device-eng-center', name: '王婧', locale: 'zh-CN' },
  hospital: { organizationSlug: 'demo-sz-gusu-hospital', name: '陈立华', locale: 'zh-CN' },
  company: { organizationSlug: 'demo-sz-maikang-med', name: '赵晨', locale: 'zh-CN' },
  investor: { organizationSlug: 'demo-us-baybridge-ventures', name: 'Emily Carter', locale: 'en' },
  ip_agency: { organizationSlug: 'demo-sz-zhiqiao-ip', name: '孙一凡', locale: 'zh-CN' },
  operator: { organizationSlug: OPERATOR_ORG_SLUG, name: '周敏', locale: 'zh-CN' },
};

/** One sign-in per organization kind, all with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = ORGANIZATION_KINDS.map((kind) => ({
  email: `${kind.replace(/_/g, '-')}@demo.medip.cn`,
  kind,
  organizationSlug: ACCOUNT_PROFILES[kind].organizationSlug,
}));

// Records batches known to be complete, so a rerun skips them without reading
// the listings back: FerretDB 1.24 (SQLite) pushes down only `_id` equality, so
// an `$in` on externalKey scans the whole collection (about 10 s per 1000 keys at
// 20 000 listings). A batch without a marker is inserted again and its
// duplicates (E11000) count as already present; the unique index on externalKey
// is what guarantees idempotency, the marker only saves time.
const seedBatchSchema = new Schema(
  {
    _id: { type: String, required: true },
    fingerprint: { type: String, required: true },
    start: { type: Number, required: true },
    end: { type: Number, required: true },
  },
  { timestamps: true, versionKey: false },
);
export const SeedBatch =
  (mongoose.models.SeedBatch as mongoose.Model<{ _id: string; fingerprint: string; start: number; end: number }>) ??
  mongoose.model('SeedBatch', seedBatchSchema, 'seed_batches');

export interface SeedOptions {
  /** How many demo listings (numbers 0 … listings-1) should exist; 320 by default. */
  listings?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  organizations: number;
  users: number;
  listingsCreated: number;
  listingsTotal: number;
}

/** Inserts the demo organizations (the operator's own via ensureOperatorOrganization). */
async function seedOrganizations(): Promise<
  Map<string, { _id: Types.ObjectId; kind: OrganizationKind; verified: boolean }>
> {
  const operator = await ensureOperatorOrganization();
  const bySlug = new Map<string, { _id: Types.ObjectId; kind: OrganizationKind; verified: boolean }>();
  bySlug.set(OPERATOR_ORG_SLUG, {
    _id: operator._id as Types.ObjectId,
    kind: operator.kind,
    verified: operator.verified,
  });
  const decidedAt = new Date();
  const docs = await Promise.all(
    DEMO_ORGANIZATIONS.map((org) =>
      insertOnce(
        Organization,
        { slug: org.slug },
        {
          slug: org.slug,
          kind: org.kind,
          name: org.name,
          region: org.region,
          description: org.description,
          website: org.website,
          verified: org.verified,
          verification: org.verified ? { status: 'verified', decidedAt } : { status: 'pending' },
        },
      ),
    ),
  );
  for (const { doc } of docs)
    bySlug.set(doc.slug, { _id: doc._id as Types.ObjectId, kind: doc.kind, verified: doc.verified });
  return bySlug;
}

/** One user per organization kind, owner of its organization, password DEMO_PASSWORD. */
async function seedUsers(orgIdBySlug: Map<string, { _id: Types.ObjectId }>): Promise<Map<string, Types.ObjectId>> {
  let hashed: Promise<string> | undefined; // argon2 is slow: hash once per run, and only if needed
  const userIdByOrgSlug = new Map<string, Types.ObjectId>();
  const emailVerifiedAt = new Date();
  await Promise.all(
    DEMO_ACCOUNTS.map(async (account) => {
      const profile = ACCOUNT_PROFILES[account.kind];
      const org = orgIdBySlug.get(account.organizationSlug);
      if (!org) throw new Error(`demo organization ${account.organizationSlug} is missing`);
      const emailNormalized = normalizeEmail(account.email);
      const { doc: user } = await insertOnce(
        User,
        { emailNormalized },
        {
          email: account.email,
          emailNormalized,
          name: profile.name,
          locale: profile.locale,
          emailVerifiedAt,
          memberships: [{ organization: org._id, role: 'owner' }],
        },
      );
      const userId = user._id as Types.ObjectId;
      userIdByOrgSlug.set(account.organizationSlug, userId);
      // As stored: an account that was there already keeps the memberships it had.
      for (const { organization } of user.memberships) await addOrganizationMember(organization, userId);
      if (await Password.exists({ user: userId })) return;
      hashed ??= hashPassword(DEMO_PASSWORD);
      await insertOnce(Password, { user: userId }, { user: userId, hash: await hashed });
    }),
  );
  return userIdByOrgSlug;
}

/** Inserts `docs`, counting duplicates of the unique keys as already present. Returns how many were new. */
async function insertNew(docs: DemoListing[]): Promise<number> {
  try {
    const result = await Listing.collection.insertMany(docs as unknown as Record<string, unknown>[], {
      ordered: false,
    });
    return result.insertedCount;
  } catch (error) {
    const e = error as { writeErrors?: unknown; result?: { insertedCount?: number }; insertedCount?: number };
    const writeErrors = (Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : []) as {
      code?: number;
    }[];
    if (writeErrors.length === 0) {
      if (docs.length === 1 && isDuplicateKeyError(error)) return 0;
      throw error;
    }
    const other = writeErrors.find((w) => w.code !== 11000);
    if (other) throw error;
    return e.result?.insertedCount ?? e.insertedCount ?? docs.length - writeErrors.length;
  }
}

/** Checks a generated listing against the mongoose schema and the API's input schema. */
async function assertValid(doc: DemoListing): Promise<void> {
  try {
    await new Listing(doc).validate();
  } catch (error) {
    throw new Error(`demo listing ${doc.externalId} is invalid: ${(error as Error).message}`);
  }
  const parsed = listingInput.safeParse(doc);
  if (!parsed.success) {
    throw new Error(
      `demo listing ${doc.externalId} fails listingInput: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`,
    );
  }
}

/**
 * Seeds the demo data into the connected database (callers connect, and build
 * the indexes first: idempotency rests on the unique ones). Safe to run again
 * and concurrently.
 */
export async function seedDemo(options: SeedOptions = {}): Promise<SeedResult> {
  const total = options.listings ?? DEFAULT_DEMO_LISTINGS;
  if (!Number.isSafeInteger(total) || total < 0 || total > MAX_DEMO_LISTINGS) {
    throw new RangeError(`listings must be a whole number from 0 to ${MAX_DEMO_LISTINGS}`);
  }

  const orgs = await seedOrganizations();
  const userIdByOrgSlug = await seedUsers(orgs);

  // Verified research institutes, hospitals and companies list; the generator
  // picks among them by position, so the order is fixed (DEMO_ORGANIZATIONS').
  const listers: Lister[] = [];
  for (const org of DEMO_ORGANIZATIONS) {
    if (!org.verified || !org.focus) continue;
    const stored = orgs.get(org.slug)!;
    listers.push({ slug: org.slug, id: stored._id, kind: org.kind, country: org.region.country, focus: org.focus });
  }
  const ctx: GeneratorContext = { listers, creatorBySlug: userIdByOrgSlug, now: Date.now() };

  const fingerprint = createHash('sha1')
    .update(`v${GENERATOR_VERSION}|${BATCH_SIZE}|${listers.map((o) => `${o.slug}=${String(o.id)}`).join(',')}`)
    .digest('hex')
    .slice(0, 16);
  const done = new Set((await SeedBatch.find({ fingerprint }).lean()).map((b) => `${b.start}-${b.end}`));

  const batches: [number, number][] = [];
  for (let start = 0; start < total; start += BATCH_SIZE) batches.push([start, Math.min(total, start + BATCH_SIZE)]);

  let next = 0;
  let processed = 0;
  let created = 0;
  const worker = async () => {
    while (next < batches.length) {
      const [start, end] = batches[next++]!;
      if (!done.has(`${start}-${end}`)) {
        const docs: DemoListing[] = [];
        for (let i = start; i < end; i++) {
          const doc = generateListing(i, ctx);
          doc._id = new mongoose.Types.ObjectId();
          docs.push(doc);
        }
        // The generator is deterministic and the test checks every listing of the
        // default set; here a sample per batch guards against drift cheaply.
        await assertValid(docs[0]!);
        const auctioned = docs.find((d) => d.auction);
        if (auctioned) await assertValid(auctioned);

        const inserted = await insertNew(docs);
        created += inserted;
        await insertOnce(
          SeedBatch,
          { _id: `${fingerprint}:${start}-${end}` },
          { _id: `${fingerprint}:${start}-${end}`, fingerprint, start, end },
        );
      }
      processed += end - start;
      options.onProgress?.(processed, total);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  return {
    organizations: orgs.size,
    users: DEMO_ACCOUNTS.length,
    listingsCreated: created,
    listingsTotal: total,
  };
}
