// The statistics module: the only file other modules import.
export { getStats, type StatsDto } from './service.ts';
export { MIN_UNPUBLISHED_AMOUNTS, STATS_MAX_AGE_SECONDS } from './schemas.ts';
export type { AmountTotal, Figures, Stats, StatsBucket, StatsCategory } from './figures.ts';
