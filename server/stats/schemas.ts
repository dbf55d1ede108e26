// The statistics' constants. Pure: app/domain.ts re-exports them.

/** A bucket's amount total is shown only when it holds no unpublished amount or at least this many. */
export const MIN_UNPUBLISHED_AMOUNTS = 3;

/** How long a client may keep the figures: as long as the server reuses one walk (ledger/walk.ts). */
export const STATS_MAX_AGE_SECONDS = 60;
