import { can, type Actor } from '../../auth/permissions.ts';
import { config } from '../../config.ts';
import { unauthorized } from '../../errors.ts';
import { StripeCustomer } from '../model.ts';
import { stripeConfigured } from '../stripe/client.ts';
import { listInvoices, newInvoiceReference, type InvoiceDto } from './invoices.ts';
import type { MembershipDoc } from './model.ts';
import { activePlansFor, allPlans, requireOperator, type PlanDto } from './plans.ts';
import { OBJECT_ID } from './schemas.ts';
import { isMember, readMembership } from './state.ts';
import { payableByStripe } from './subscribe.ts';

// What the membership pages show: the organization's own page, the public
// badge on its profile, and the operator's plans and invoices.

export interface MembershipStateDto {
  status: MembershipDoc['status'];
  /** In good standing (the gate for offers lets it through). */
  member: boolean;
  plan: MembershipDoc['plan'];
  paidThrough: string | null;
  provider: MembershipDoc['provider'];
  cancelAtPeriodEnd: boolean;
}

const toStateDto = (membership: MembershipDoc): MembershipStateDto => ({
  status: membership.status,
  member: isMember(membership),
  plan: membership.plan,
  paidThrough: membership.paidThrough?.toISOString() ?? null,
  provider: membership.provider,
  cancelAtPeriodEnd: membership.cancelAtPeriodEnd,
});

export interface MembershipPageDto {
  membership: MembershipStateDto;
  /** The plans the organization may subscribe to, and whether Stripe can take each. */
  plans: (PlanDto & { byStripe: boolean })[];
  invoices: InvoiceDto[];
  /** Only the owner subscribes and opens billing; every member sees the state. */
  canSubscribe: boolean;
  billingPortal: boolean;
  /** Whether offers and bids need a membership here. */
  required: boolean;
}

/** The actor's organization's membership page. */
export async function membershipPage(actor: Actor): Promise<MembershipPageDto> {
  if (!actor) throw unauthorized();
  const organizationId = actor.organizationId;
  const [membership, plans, invoices, customer] = await Promise.all([
    readMembership(organizationId),
    activePlansFor(actor.organizationKind),
    listInvoices({ organization: organizationId }),
    StripeCustomer.findById(organizationId).lean(),
  ]);
  const canSubscribe = can(actor, { action: 'membership:subscribe', organizationId });
  return {
    membership: toStateDto(membership),
    plans: plans.map((plan) => ({ ...plan, byStripe: payableByStripe(plan.amount) })),
    invoices,
    canSubscribe,
    billingPortal: canSubscribe && stripeConfigured() && customer !== null,
    required: config().MEMBERSHIP_REQUIRED_FOR_OFFERS,
  };
}

/** Public: whether the organization is a member in good standing, and until when (null: not a member). */
export async function publicMembership(organizationId: string): Promise<{ until: string | null } | null> {
  if (typeof organizationId !== 'string' || !OBJECT_ID.test(organizationId)) return null;
  const membership = await readMembership(organizationId);
  return isMember(membership) ? { until: membership.paidThrough?.toISOString() ?? null } : null;
}

export interface OperatorMembershipsDto {
  plans: PlanDto[];
  invoices: InvoiceDto[];
  /** The reference the "issue an invoice" form posts, so a second post of it issues nothing new. */
  newReference: string;
}

export async function operatorMemberships(actor: Actor): Promise<OperatorMembershipsDto> {
  requireOperator(actor);
  const [plans, invoices] = await Promise.all([allPlans(), listInvoices({})]);
  return { plans, invoices, newReference: newInvoiceReference() };
}
