import type { ListingResource } from '../auth/permissions.ts';
import { toOrganizationSummary, type OrganizationDoc, type OrganizationSummary } from '../orgs/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import type {
  Category,
  DealType,
  ListingKind,
  ListingStatus,
  NmpaClass,
  PatentJurisdiction,
  PatentStatus,
  PatentType,
  Stage,
} from '../vocabulary.ts';
import { toDocumentDto, type DocumentDto } from './document-dto.ts';
import type { ListingDoc } from './model.ts';
import { ndaText } from './standard-nda.ts';
import { patentExpiry, remainingLifeDays } from './patents.ts';
import type { Step } from './steps.ts';

// The listing as pages and the API see it: one vocabulary, plain JSON, the
// confidential section only when the caller was allowed it, never the reserve.

export interface PatentDto {
  number: string;
  jurisdiction: PatentJurisdiction;
  type: PatentType;
  status: PatentStatus;
  title: Bilingual | null;
  filingDate: string;
  grantDate: string | null;
  expiryDate: string | null;
  ipc: string[];
  remainingLifeDays: number | null;
}

export interface ListingDto {
  id: string;
  kind: ListingKind;
  status: ListingStatus;
  externalId: string | null;
  title: Bilingual;
  summary: Bilingual;
  problem: Bilingual;
  advantages: Bilingual;
  clinicalUse: Bilingual;
  partnerSought: Bilingual;
  keywords: string[];
  category: Category;
  nmpaClass: NmpaClass;
  regulatory: { fda: string; ce: string };
  trl: number;
  stage: Stage;
  patents: PatentDto[];
  dealTypes: DealType[];
  askingPrice: Money | null;
  licenseTerms: {
    upfront: Money | null;
    royaltyPercent: number | null;
    minimumAnnual: Money | null;
    openLicense: boolean;
  } | null;
  auction: { startingPrice: Money; minimumIncrement: Money; endsAt: string; hasReserve: boolean } | null;
  equityOffered: { percent: number; valuation: Money } | null;
  /** The documents the caller may download (the confidential ones only inside the data room). */
  documents: DocumentDto[];
  /** The data room: its NDA, how many confidential documents it holds, and whether the caller is inside. */
  dataRoom: { nda: Bilingual; confidentialDocuments: number; confidentialSection: boolean; open: boolean };
  organization: OrganizationSummary | null;
  publishedAt: string | null;
  updatedAt: string;
  confidential?: { details: string };
  /** For its owner and the operators: the workflow steps open to the caller, and the last rejection. */
  review?: {
    steps: Step[];
    rejection: { reason: string; at: string } | null;
    /** Changes to a published listing awaiting the operator: the fields and their proposed values. */
    pendingRevision: { at: string; changes: Record<string, unknown> } | null;
  };
}

/** What the permissions module needs to know of a listing as returned (its organization may be gone: no owner). */
export const dtoResourceOf = (listing: {
  status: ListingDto['status'];
  organization: Pick<NonNullable<ListingDto['organization']>, 'id'> | null;
}): ListingResource => ({
  status: listing.status,
  organizationId: listing.organization?.id ?? '',
});

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
/** Stored bilingual text without its empty languages. */
export const text = (b: { zh?: string | null; en?: string | null } | null | undefined): Bilingual => ({
  ...(b?.zh ? { zh: b.zh } : {}),
  ...(b?.en ? { en: b.en } : {}),
});
/** Stored money as plain { amount, currency }, or null when there is none. */
export const money = (m: { amount?: number | null; currency?: string | null } | null | undefined): Money | null =>
  m && typeof m.amount === 'number' ? { amount: m.amount, currency: m.currency as Money['currency'] } : null;

export function toListingDto(
  listing: ListingDoc,
  organization: OrganizationDoc | null,
  {
    confidential,
    steps = null,
    now = new Date(),
  }: { confidential: boolean; /** Null: not shown the review block. */ steps?: Step[] | null; now?: Date },
): ListingDto {
  const terms = listing.licenseTerms;
  const auction = listing.auction;
  const equity = listing.equityOffered;
  return {
    id: String(listing._id),
    kind: listing.kind,
    status: listing.status,
    externalId: listing.externalId ?? null,
    title: text(listing.title),
    summary: text(listing.summary),
    problem: text(listing.problem),
    advantages: text(listing.advantages),
    clinicalUse: text(listing.clinicalUse),
    partnerSought: text(listing.partnerSought),
    keywords: [...(listing.keywords ?? [])],
    category: listing.category,
    nmpaClass: listing.nmpaClass,
    regulatory: { fda: listing.regulatory?.fda ?? 'none', ce: listing.regulatory?.ce ?? 'none' },
    trl: listing.trl,
    stage: listing.stage,
    patents: listing.patents.map((p) => ({
      number: p.number,
      jurisdiction: p.jurisdiction,
      type: p.type,
      status: p.status,
      title: p.title ? text(p.title) : null,
      filingDate: day(p.filingDate)!,
      grantDate: day(p.grantDate),
      expiryDate: day(patentExpiry(p)),
      ipc: [...p.ipc],
      remainingLifeDays: remainingLifeDays(p, now),
    })),
    dealTypes: [...listing.dealTypes] as DealType[],
    askingPrice: money(listing.askingPrice),
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
          startingPrice: money(auction.startingPrice)!,
          minimumIncrement: money(auction.minimumIncrement)!,
          endsAt: auction.endsAt.toISOString(),
          hasReserve: Boolean(auction.reserve),
        }
      : null,
    equityOffered:
      equity?.percent && equity.valuation ? { percent: equity.percent, valuation: money(equity.valuation)! } : null,
    documents: listing.documents.filter((d) => d.visibility === 'public' || confidential).map(toDocumentDto),
    dataRoom: {
      nda: ndaText(listing),
      confidentialDocuments: listing.documents.filter((d) => d.visibility === 'confidential').length,
      // That there is one is public (it is why one signs the NDA); what it says is not.
      confidentialSection: Boolean(listing.confidential?.details),
      open: confidential,
    },
    organization: organization ? toOrganizationSummary(organization) : null,
    publishedAt: listing.publishedAt ? listing.publishedAt.toISOString() : null,
    updatedAt: listing.updatedAt.toISOString(),
    ...(confidential ? { confidential: { details: listing.confidential?.details ?? '' } } : {}),
    ...(steps
      ? {
          review: {
            steps,
            rejection:
              listing.status === 'draft' && listing.rejection?.reason && listing.rejection.at
                ? { reason: listing.rejection.reason, at: listing.rejection.at.toISOString() }
                : null,
            pendingRevision: listing.pendingRevision
              ? {
                  at: listing.pendingRevision.at.toISOString(),
                  changes: JSON.parse(JSON.stringify(listing.pendingRevision.changes)) as Record<string, unknown>,
                }
              : null,
          },
        }
      : {}),
  };
}
