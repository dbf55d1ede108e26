// The stable keys of the domain, shared by mongoose, zod, the API and the
// locale files (labels live in app/locales, keyed by these values).

export const ORGANIZATION_KINDS = [
  'basic_institute',
  'engineering_institute',
  'hospital',
  'company',
  'investor',
  'ip_agency',
  'operator',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const LISTING_KINDS = ['patent', 'result', 'project'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export const LISTING_STATUSES = ['draft', 'submitted', 'published', 'under_offer', 'closed', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
/** Statuses anyone may see; the rest only the owning organization and operators. */
export const PUBLIC_LISTING_STATUSES: readonly ListingStatus[] = ['published', 'under_offer', 'closed'];
/** Statuses in which the owner may still edit a listing (a live one through a revision the operator reviews). */
export const EDITABLE_LISTING_STATUSES: readonly ListingStatus[] = ['draft', 'submitted', 'published', 'under_offer'];

export const CATEGORIES = [
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
] as const;
export type Category = (typeof CATEGORIES)[number];

export const NMPA_CLASSES = ['I', 'II', 'III', 'none'] as const;
export type NmpaClass = (typeof NMPA_CLASSES)[number];

export const FDA_STATUSES = [
  'none',
  'planned',
  'submitted',
  'cleared_510k',
  'de_novo_granted',
  'pma_approved',
] as const;
export const CE_STATUSES = ['none', 'planned', 'submitted', 'certified'] as const;

export const STAGES = ['concept', 'prototype', 'verification', 'animal_study', 'clinical_trial', 'registered'] as const;
export type Stage = (typeof STAGES)[number];

// New types go at the end: the embedded search index stores a deal type by its position.
export const DEAL_TYPES = [
  'assignment',
  'exclusive_license',
  'non_exclusive_license',
  'equity',
  'co_development',
  // 作价入股: the institute's IP goes to a company for a stake, at an appraised value.
  'ip_for_equity',
] as const;
export type DealType = (typeof DEAL_TYPES)[number];

export const PATENT_JURISDICTIONS = ['CN', 'US', 'EP', 'JP', 'WO', 'KR', 'DE', 'GB', 'HK', 'TW'] as const;
export type PatentJurisdiction = (typeof PATENT_JURISDICTIONS)[number];

export const PATENT_TYPES = ['invention', 'utility_model', 'design'] as const;
export type PatentType = (typeof PATENT_TYPES)[number];

export const PATENT_STATUSES = ['filed', 'published', 'granted', 'lapsed'] as const;
export type PatentStatus = (typeof PATENT_STATUSES)[number];

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const DOCUMENT_VISIBILITIES = ['public', 'confidential'] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];

/** What a listing's audit trail records. */
export const LISTING_EVENTS = [
  'created',
  'updated',
  'submitted',
  'published',
  'rejected',
  'withdrawn',
  'revision_submitted',
  'revision_published',
  'revision_rejected',
] as const;
export type ListingEvent = (typeof LISTING_EVENTS)[number];
