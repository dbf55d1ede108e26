// The dashboard module: the only file other modules import.
import { onNdaAccepted } from '../listings/changes.ts';
import { recordFunnelEvent } from './funnel.ts';

// The funnel's NDA stage: the listings module tells, it does not import us.
onNdaAccepted((e) => recordFunnelEvent(e.listingId, 'ndas', e.at));

export {
  FUNNEL_STAGES,
  recordFunnelEvent,
  type ConversionRates,
  type FunnelCounts,
  type FunnelStage,
} from './funnel.ts';
export { countListingView, purgeViewClaims, type ListingView } from './views.ts';
export { reconcileRosters } from './roster.ts';
export {
  DASHBOARD_DAYS,
  getDashboard,
  GROUP_LIMIT,
  type Dashboard,
  type DashboardGroup,
  type DashboardListing,
  type FunnelDay,
} from './service.ts';
