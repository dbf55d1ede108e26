// Stripe Connect for sellers: the only file other modules import.
export { connectEventHandlers } from './events.ts';
export { payoutsView, startOnboarding, type PayoutsRefusal, type PayoutsView } from './onboarding.ts';
export { connectStatus, payoutDestination, CONNECT_STAGES, type ConnectStage, type ConnectStatus } from './state.ts';
export { StripeAccount, type StripeAccountDoc } from './model.ts';
