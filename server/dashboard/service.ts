import { can, type Actor } from '../auth/permissions.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { listFollowed, type FollowedListing } from '../follows/index.ts';
import { threadsAwaitingReply, type ThreadSummary } from '../inquiries/index.ts';
import { searchListings, searchQuery, type SearchPage } from '../search/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { LISTING_STATUSES, type ListingStatus } from '../vocabulary.ts';
import { lastDays } from './days.ts';
import {
  conversionRates,
  countsOf,
  FUNNEL_STAGES,
  funnelsOf,
  zeroCounts,
  type ConversionRates,
  type FunnelCounts,
} from './funnel.ts';
import { rosterOf } from './roster.ts';

// An organization's dashboard: its listings by status, each with its funnel
// (views → inquiries → NDA acceptances) in total and day by day; the question
// threads awaiting its reply; the listings the user follows. Published listings
// and those under offer come from the search index (filtered by organization,
// one page), the others from the organization's roster (roster.ts), threads
// from the organization's thread index: no read scans the listings collection.
// Each shown listing costs one `_id` read of its funnel.

/** Days of history shown per listing (four whole weeks). */
export const DASHBOARD_DAYS = 28;
/** Listings shown per status; the group says how many there are in all. */
export const GROUP_LIMIT = 100;

export type FunnelDay = FunnelCounts & { day: string };

export interface DashboardListing {
  id: string;
  title: Bilingual;
  status: ListingStatus;
  totals: FunnelCounts;
  rates: ConversionRates;
  /** The last DASHBOARD_DAYS China days, oldest first. */
  recent: FunnelDay[];
}

export interface DashboardGroup {
  status: ListingStatus;
  /** Listings with this status found; at most GROUP_LIMIT are in `listings`. */
  total: number;
  listings: DashboardListing[];
}

export interface Dashboard {
  organizationId: string;
  /** The days of every `recent` series, oldest first (China days, `YYYY-MM-DD`). */
  days: string[];
  /** Non-empty statuses, in the workflow's order. */
  groups: DashboardGroup[];
  /** The shown listings together. */
  totals: FunnelCounts;
  rates: ConversionRates;
  recent: FunnelDay[];
  following: FollowedListing[];
  /** Question threads whose last message came from the other organization, newest first. */
  awaitingReply: ThreadSummary[];
  /** Published and under-offer listings beyond the newest GROUP_LIMIT, not shown. */
  moreOnMarket: number;
  /** The search index could not answer in full: published listings may be missing. */
  searchNotice: SearchPage['notice'] | null;
}

interface Row {
  id: string;
  title: Bilingual;
  status: ListingStatus;
}

/** The organization's listings in the index (published, under offer): the newest page. */
async function indexedListings(actor: Actor, organizationId: string) {
  const page = await searchListings(actor, searchQuery.parse({ organization: organizationId, pageSize: GROUP_LIMIT }), {
    facets: [],
  });
  const rows: Row[] = page.hits.map((h) => ({ id: h.id, title: h.title, status: h.status }));
  return { rows, total: page.total, notice: page.notice ?? null };
}

function sumDays(series: FunnelDay[][], days: string[]): FunnelDay[] {
  return days.map((day, i) => {
    const sum: FunnelDay = { day, ...zeroCounts() };
    for (const s of series) for (const stage of FUNNEL_STAGES) sum[stage] += s[i]![stage];
    return sum;
  });
}

/** The actor's organization's dashboard. */
export async function getDashboard(actor: Actor, now: Date = new Date()): Promise<Dashboard> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'dashboard:view' })) throw forbidden();
  const { organizationId } = actor;
  const [indexed, roster, following, awaitingReply] = await Promise.all([
    indexedListings(actor, organizationId),
    rosterOf(organizationId),
    listFollowed(actor),
    threadsAwaitingReply(actor),
  ]);

  const byStatus = new Map<ListingStatus, Row[]>();
  for (const row of [...indexed.rows, ...roster]) byStatus.set(row.status, [...(byStatus.get(row.status) ?? []), row]);
  const shown = LISTING_STATUSES.flatMap((status) => (byStatus.get(status) ?? []).slice(0, GROUP_LIMIT));
  const funnels = await funnelsOf(shown.map((r) => r.id));
  const days = lastDays(DASHBOARD_DAYS, now);

  const toListing = (row: Row): DashboardListing => {
    const funnel = funnels.get(row.id);
    const totals = countsOf(funnel?.totals);
    return {
      id: row.id,
      title: { zh: row.title.zh ?? '', en: row.title.en ?? '' },
      status: row.status,
      totals,
      rates: conversionRates(totals),
      recent: days.map((day) => ({ day, ...countsOf(funnel?.days?.[day]) })),
    };
  };

  const groups = LISTING_STATUSES.flatMap((status): DashboardGroup[] => {
    const rows = byStatus.get(status) ?? [];
    return rows.length ? [{ status, total: rows.length, listings: rows.slice(0, GROUP_LIMIT).map(toListing) }] : [];
  });

  const listings = groups.flatMap((g) => g.listings);
  const totals = zeroCounts();
  for (const l of listings) for (const stage of FUNNEL_STAGES) totals[stage] += l.totals[stage];
  return {
    organizationId,
    days,
    groups,
    totals,
    rates: conversionRates(totals),
    recent: sumDays(
      listings.map((l) => l.recent),
      days,
    ),
    following,
    awaitingReply,
    moreOnMarket: Math.max(0, indexed.total - indexed.rows.length),
    searchNotice: indexed.notice,
  };
}
