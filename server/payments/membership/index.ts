// Alliance membership fees (plans, Stripe subscriptions, offline invoices).
export { createPlan, updatePlan, type PlanDto } from './plans.ts';
export { startSubscription, openBillingPortal } from './subscribe.ts';
export { issueInvoice, markInvoicePaid, type InvoiceDto } from './invoices.ts';
export {
  membershipPage,
  publicMembership,
  operatorMemberships,
  type MembershipPageDto,
  type MembershipStateDto,
  type OperatorMembershipsDto,
} from './view.ts';
export { requireMembership } from './gate.ts';
export { Membership, MembershipPlan, MembershipInvoice } from './model.ts';
