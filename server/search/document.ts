import type { ListingDoc } from '../listings/index.ts';
import { patentExpiry } from '../listings/index.ts';
import type { OrganizationDoc } from '../orgs/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import type {
  Category,
  DealType,
  ListingKind,
  ListingStatus,
  NmpaClass,
  OrganizationKind,
  PatentStatus,
  Stage,
} from '../vocabulary.ts';
import { patentKey } from './patent-keys.ts';

// One listing as both engines store it: flat fields (Meilisearch filters and
// sorts on top-level attributes most simply), public data only. A hit is
// rendered from this alone, so browsing never reads the database.

/** Private-use characters the engines wrap around matches; never part of stored text. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** The statuses that are in the index: open for offers, or already under offer. */
export const INDEXED_STATUSES: readonly ListingStatus[] = ['published', 'under_offer'];

export interface SearchDocument {
  id: string;
  status: ListingStatus;
  kind: ListingKind;
  category: Category;
  nmpaClass: NmpaClass;
  stage: Stage;
  trl: number;
  dealTypes: DealType[];
  organizationId: string;
  orgKind: OrganizationKind;
  orgVerified: boolean;
  region: string;
  patentStatus: PatentStatus[];
  patentCount: number;
  /** Search keys of the patent numbers (see patent-keys.ts). */
  patentKeys: string[];
  patentNumbers: string[];
  ipc: string[];
  /** Asking price in minor units, or null; `priceCny` is set only for CNY prices (range filters and sorting). */
  price: Money | null;
  priceCny: number | null;
  openLicense: boolean;
  /** Epoch milliseconds; null when the listing is not in auction mode. */
  auctionEndsAt: number | null;
  publishedAt: number;
  /** The latest expiry of its live patents, epoch ms (remaining-life sort), or null. */
  patentExpiresAt: number | null;
  /** The listing's updatedAt, epoch ms: the reconciler compares it with the database. */
  updatedAt: number;
  title_zh: string;
  title_en: string;
  /** The owner's keywords, in either language. */
  keywords: string[];
  summary_zh: string;
  summary_en: string;
  problem_zh: string;
  problem_en: string;
  advantages_zh: string;
  advantages_en: string;
  clinicalUse_zh: string;
  clinicalUse_en: string;
  org_zh: string;
  org_en: string;
}

/**
 * The searchable fields, most important first: a match in an earlier field ranks
 * higher (Meilisearch's attribute rule; the embedded engine applies the same order).
 */
export const SEARCHABLE_FIELDS = [
  'title_zh',
  'title_en',
  'keywords',
  'patentKeys',
  'ipc',
  'summary_zh',
  'summary_en',
  'problem_zh',
  'problem_en',
  'advantages_zh',
  'advantages_en',
  'clinicalUse_zh',
  'clinicalUse_en',
  'org_zh',
  'org_en',
] as const satisfies readonly (keyof SearchDocument)[];
export type SearchableField = (typeof SEARCHABLE_FIELDS)[number];

/** Fields returned with highlights. */
export const HIGHLIGHTED_FIELDS = ['title_zh', 'title_en', 'summary_zh', 'summary_en'] as const;
export type HighlightedField = (typeof HIGHLIGHTED_FIELDS)[number];

const clean = (text: string | null | undefined) => (text ?? '').replace(/[\uE000\uE001]/g, '').trim();
const both = (name: string, b: Bilingual | null | undefined) => ({
  [`${name}_zh`]: clean(b?.zh),
  [`${name}_en`]: clean(b?.en),
});

/** Where an organization is: its province in China, else its country code. */
export function regionOf(org: Pick<OrganizationDoc, 'region'>): string {
  const { country, province } = org.region;
  return country === 'CN' && province ? province : country;
}

export function toSearchDocument(listing: ListingDoc, org: OrganizationDoc): SearchDocument {
  const live = listing.patents.filter((p) => p.status !== 'lapsed');
  const expiries = live.map((p) => patentExpiry(p)?.getTime() ?? null).filter((t): t is number => t !== null);
  const price = listing.askingPrice && typeof listing.askingPrice.amount === 'number' ? listing.askingPrice : null;
  return {
    id: String(listing._id),
    status: listing.status,
    kind: listing.kind,
    category: listing.category,
    nmpaClass: listing.nmpaClass,
    stage: listing.stage,
    trl: listing.trl,
    dealTypes: [...new Set(listing.dealTypes)] as DealType[],
    organizationId: String(org._id),
    orgKind: org.kind,
    orgVerified: org.verified,
    region: regionOf(org),
    patentStatus: [...new Set(listing.patents.map((p) => p.status))],
    patentCount: listing.patents.length,
    patentKeys: [...new Set(listing.patents.map((p) => patentKey(p.number)).filter(Boolean))],
    patentNumbers: listing.patents.map((p) => p.number),
    ipc: [...new Set(listing.patents.flatMap((p) => p.ipc))],
    price: price ? { amount: price.amount, currency: price.currency as Money['currency'] } : null,
    priceCny: price?.currency === 'CNY' ? price.amount : null,
    openLicense: Boolean(listing.licenseTerms?.openLicense),
    auctionEndsAt: listing.auction?.endsAt ? listing.auction.endsAt.getTime() : null,
    publishedAt: (listing.publishedAt ?? listing.createdAt).getTime(),
    patentExpiresAt: expiries.length ? Math.max(...expiries) : null,
    updatedAt: listing.updatedAt.getTime(),
    ...both('title', listing.title),
    keywords: (listing.keywords ?? []).map(clean).filter(Boolean),
    ...both('summary', listing.summary),
    ...both('problem', listing.problem),
    ...both('advantages', listing.advantages),
    ...both('clinicalUse', listing.clinicalUse),
    ...both('org', org.name),
  } as SearchDocument;
}
