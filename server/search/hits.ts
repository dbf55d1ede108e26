import type { OrganizationKind } from '../vocabulary.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import { MARK_END, MARK_START, type SearchDocument } from './document.ts';
import type { EngineHit } from './engine.ts';

// A search hit as pages and the API see it: what a result card shows, with the
// matched words marked. Highlights are HTML-safe strings (text escaped, matches
// in <mark>…</mark>) so an integrator can insert them as they are.

export interface ListingHit {
  id: string;
  kind: SearchDocument['kind'];
  status: SearchDocument['status'];
  category: SearchDocument['category'];
  nmpaClass: SearchDocument['nmpaClass'];
  stage: SearchDocument['stage'];
  trl: number;
  dealTypes: SearchDocument['dealTypes'];
  askingPrice: Money | null;
  openLicense: boolean;
  auctionEndsAt: string | null;
  patentCount: number;
  patentNumbers: string[];
  publishedAt: string;
  title: Bilingual;
  summary: Bilingual;
  organization: { id: string; kind: OrganizationKind; name: Bilingual; verified: boolean; region: string };
  highlight: { title: Bilingual; summary: Bilingual };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Engine marks → escaped text with <mark> elements. */
export function markup(marked: string): string {
  return escapeHtml(marked).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

const bilingual = (zh: string, en: string): Bilingual => ({ ...(zh ? { zh } : {}), ...(en ? { en } : {}) });

export function toListingHit({ document: d, highlight: h }: EngineHit): ListingHit {
  return {
    id: d.id,
    kind: d.kind,
    status: d.status,
    category: d.category,
    nmpaClass: d.nmpaClass,
    stage: d.stage,
    trl: d.trl,
    dealTypes: d.dealTypes,
    askingPrice: d.price,
    openLicense: d.openLicense,
    auctionEndsAt: d.auctionEndsAt === null ? null : new Date(d.auctionEndsAt).toISOString(),
    patentCount: d.patentCount,
    patentNumbers: d.patentNumbers,
    publishedAt: new Date(d.publishedAt).toISOString(),
    title: bilingual(d.title_zh, d.title_en),
    summary: bilingual(d.summary_zh, d.summary_en),
    organization: {
      id: d.organizationId,
      kind: d.orgKind,
      name: bilingual(d.org_zh, d.org_en),
      verified: d.orgVerified,
      region: d.region,
    },
    highlight: {
      title: bilingual(markup(h.title_zh ?? ''), markup(h.title_en ?? '')),
      summary: bilingual(markup(h.summary_zh ?? ''), markup(h.summary_en ?? '')),
    },
  };
}
