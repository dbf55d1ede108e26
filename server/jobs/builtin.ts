import { closeDueAuctions, registerOpenAuctions } from '../auctions/index.ts';
import { purgeExpiredRateLimits } from '../auth/rate-limit.ts';
import { purgeExpiredAuthRecords } from '../auth/service.ts';
import { config } from '../config.ts';
import { purgeViewClaims, reconcileRosters } from '../dashboard/index.ts';
import { endDueNotices } from '../deals/index.ts';
import { purgeIdempotencyKeys } from '../http/idempotency.ts';
import { expireDrafts } from '../listings/index.ts';
import { sendQueuedMails } from '../notifications/index.ts';
import { sweepOffers } from '../offers/index.ts';
import { reconcileOrganizationMembers, refreshMemberCounts } from '../orgs/index.ts';
import { purgeStripeEventClaims, reconcilePayments } from '../payments/index.ts';
import { flushSearch, replayPending } from '../search/index.ts';
import { isJobRegistered, registerJob, type JobDefinition } from './scheduler.ts';

const MINUTE = 60_000;

/** The app's periodic jobs. Add one entry per job; each must be safe to run twice at once. */
export const BUILTIN_JOBS: JobDefinition[] = [
  // Rate-limit counters whose window has ended (no TTL indexes on FerretDB).
  { name: 'rate-limit-purge', intervalMs: 10 * MINUTE, run: () => purgeExpiredRateLimits() },
  // Expired sessions and e-mail tokens, likewise.
  { name: 'auth-purge', intervalMs: 60 * MINUTE, run: () => purgeExpiredAuthRecords() },
  // Index updates that failed while Meilisearch was down.
  { name: 'search-replay', intervalMs: MINUTE / 2, run: () => replayPending() },
  // The embedded index's snapshot, so a crash loses little (the reconciler repairs the rest).
  { name: 'search-snapshot', intervalMs: 5 * MINUTE, run: () => flushSearch() },
  // The home page's member figures, kept off the request path.
  { name: 'member-counts', intervalMs: 5 * MINUTE, run: () => refreshMemberCounts() },
  // Each organization's member list from the users (a scan): first seconds after start-up, then daily.
  { name: 'organization-members', intervalMs: 24 * 60 * MINUTE, run: () => reconcileOrganizationMembers() },
  // Listing-view claims (and their salts) of past days: each day's collection is dropped whole.
  { name: 'view-claims-purge', intervalMs: 24 * 60 * MINUTE, run: () => purgeViewClaims() },
  // Listing-form drafts untouched for half a year, and the files uploaded in them.
  { name: 'form-draft-expiry', intervalMs: 24 * 60 * MINUTE, run: () => expireDrafts() },
  // Pending offers past their expiry, and acceptances a crash interrupted (a scan of the open offers only).
  { name: 'offer-sweep', intervalMs: MINUTE, run: () => sweepOffers() },
  // The dashboards' copies of unpublished listings; scans the listings outside the search index.
  { name: 'dashboard-rosters', intervalMs: 24 * 60 * MINUTE, run: () => reconcileRosters() },
  // Deals whose public notice ran out with no open objection move on (each deal's step is a guarded write: once).
  {
    name: 'deal-notice-end',
    // Read when the job is registered (start-up), not when this module loads.
    get intervalMs() {
      return config().PUBLIC_NOTICE_CHECK_SECONDS * 1000;
    },
    run: () => endDueNotices(),
  },
  // Auctions past their end: sealed by a marker in their bid history (an insert), so two runs close one once.
  {
    name: 'auction-close',
    get intervalMs() {
      return config().AUCTION_CLOSE_CHECK_SECONDS * 1000;
    },
    run: () => closeDueAuctions(),
  },
  // The closing job's set from the listings in auction mode (a scan): first seconds after start-up, then daily.
  { name: 'auction-register', intervalMs: 24 * 60 * MINUTE, run: () => registerOpenAuctions() },
  // Idempotency-Key responses older than a day.
  { name: 'idempotency-purge', intervalMs: 24 * 60 * MINUTE, run: () => purgeIdempotencyKeys() },
  // Stripe payments left open longer than PAYMENT_RECONCILE_MINUTES are asked about at Stripe (a lost webhook strands nothing).
  { name: 'payment-reconcile', intervalMs: 5 * MINUTE, run: () => reconcilePayments() },
  // Stripe event claims older than any redelivery (no TTL indexes on FerretDB).
  { name: 'stripe-event-purge', intervalMs: 24 * 60 * MINUTE, run: () => purgeStripeEventClaims() },
  // Notification mails queued by the inbox: each attempt claimed once, failures retried with backoff.
  { name: 'notification-mail', intervalMs: MINUTE / 2, run: () => sendQueuedMails() },
];

/** Registers every built-in job; calling it again registers nothing twice. */
export function registerBuiltinJobs(): void {
  for (const job of BUILTIN_JOBS) if (!isJobRegistered(job.name)) registerJob(job);
}
