import { z } from 'zod';
import {
  CATEGORIES,
  DEAL_TYPES,
  LISTING_KINDS,
  NMPA_CLASSES,
  ORGANIZATION_KINDS,
  PATENT_STATUSES,
  STAGES,
} from '../vocabulary.ts';

// What a browse page, the home page and GET /api/v1/search may ask the search
// engine. Pure zod: the app imports it to render the filter form.

/** A query-string value that may repeat (`?category=a&category=b`) or be comma-separated. */
const multi = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(values.length))
    .transform((list) => [...new Set(list)]);

/** A number from a query string; text, or the parameter given twice, is `validation.number`. */
const queryNumber = () => z.coerce.number({ error: 'validation.number' });

/** An optional number from a query string; '' means absent (an emptied form field). */
const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : v), queryNumber().pipe(schema).optional());

const optionalFlag = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : v),
  z
    .enum(['true', 'false', '1', '0'], { message: 'validation.flag' })
    .transform((v) => v === 'true' || v === '1')
    .optional(),
);

export const SEARCH_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'trl_desc', 'patent_life_desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Regions are free text on organizations: a province name or an ISO country code. */
const region = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().trim().min(1).max(60)).max(20))
  .transform((list) => [...new Set(list)]);

/** The largest price a filter may name, in major units (CNY yuan). */
const MAX_PRICE = 1e12;

export const searchQuery = z
  .object({
    q: z
      .string()
      .max(200, { message: 'validation.queryTooLong' })
      .optional()
      .transform((v) => (v ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim()),
    kind: multi(LISTING_KINDS),
    category: multi(CATEGORIES),
    nmpaClass: multi(NMPA_CLASSES),
    stage: multi(STAGES),
    dealType: multi(DEAL_TYPES),
    orgKind: multi(ORGANIZATION_KINDS),
    patentStatus: multi(PATENT_STATUSES),
    region,
    organization: z
      .string()
      .regex(/^[a-f0-9]{24}$/, { message: 'validation.objectId' })
      .optional(),
    trlMin: optionalNumber(z.number().int().min(1).max(9)),
    trlMax: optionalNumber(z.number().int().min(1).max(9)),
    priceMin: optionalNumber(z.number().min(0).max(MAX_PRICE)),
    priceMax: optionalNumber(z.number().min(0).max(MAX_PRICE)),
    openLicense: optionalFlag,
    auctionOpen: optionalFlag,
    sort: z.enum(SEARCH_SORTS).optional(),
    page: queryNumber().pipe(z.number().int().min(1).max(1000)).default(1),
    pageSize: queryNumber().pipe(z.number().int().min(1).max(100)).default(24),
  })
  .superRefine((q, ctx) => {
    if (q.trlMin !== undefined && q.trlMax !== undefined && q.trlMin > q.trlMax) {
      ctx.addIssue({ code: 'custom', path: ['trlMax'], message: 'validation.rangeOrder' });
    }
    if (q.priceMin !== undefined && q.priceMax !== undefined && q.priceMin > q.priceMax) {
      ctx.addIssue({ code: 'custom', path: ['priceMax'], message: 'validation.rangeOrder' });
    }
    // Deep pages are what scrapers ask for; people refine instead.
    if (q.page * q.pageSize > 10_000) {
      ctx.addIssue({ code: 'custom', path: ['page'], message: 'validation.pageTooDeep' });
    }
  })
  // Relevance needs words to rank by; without them the newest come first.
  .transform((q) => ({ ...q, sort: q.sort ?? (q.q ? 'relevance' : 'newest') }) as typeof q & { sort: SearchSort });

export type SearchQuery = z.output<typeof searchQuery>;

/** The fields a browse page can narrow by, each with its facet counts. */
export const FACET_FIELDS = [
  'kind',
  'category',
  'nmpaClass',
  'stage',
  'dealType',
  'orgKind',
  'region',
  'patentStatus',
  'openLicense',
  'auctionOpen',
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** What the search box asks for suggestions while the reader types. */
export const suggestQuery = z.object({ q: z.string().max(100, { message: 'validation.queryTooLong' }).default('') });

/** How many URLs one sitemap file may hold (the sitemaps.org limit). */
export const SITEMAP_PAGE_SIZE = 50_000;
