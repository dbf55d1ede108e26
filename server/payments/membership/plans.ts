import mongoose from 'mongoose';
import { can, type Actor } from '../../auth/permissions.ts';
import { conflict, fieldErrorsOf, forbidden, invalid, notFound, unauthorized } from '../../errors.ts';
import type { Bilingual } from '../../shared/bilingual.ts';
import type { Money } from '../../shared/money.ts';
import type { OrganizationKind } from '../../vocabulary.ts';
import { MembershipPlan, type MembershipPlanDoc } from './model.ts';
import { OBJECT_ID, planInput, planUpdateInput } from './schemas.ts';

// The operator's yearly membership plans. A price change applies to periods
// started from then on: new subscriptions and new offline invoices (a running
// Stripe subscription keeps the price it was opened at until it is renewed
// through a new checkout). Plans are deactivated, never deleted, since
// memberships and invoices name them.

export interface PlanDto {
  id: string;
  name: MembershipPlanDoc['name'];
  organizationKind: OrganizationKind;
  amount: Money;
  active: boolean;
  version: number;
}

export const toPlanDto = (plan: MembershipPlanDoc): PlanDto => ({
  id: plan._id,
  name: plan.name,
  organizationKind: plan.organizationKind,
  amount: plan.amount,
  active: plan.active,
  version: plan.version,
});

export function requireOperator(actor: Actor): void {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'membership:manage' })) throw forbidden();
}

export async function findPlan(id: string): Promise<MembershipPlanDoc | null> {
  if (typeof id !== 'string' || !OBJECT_ID.test(id)) return null;
  return MembershipPlan.findById(id).lean<MembershipPlanDoc>();
}

/** Every plan (a handful), active first, then by kind and name. */
export async function allPlans(): Promise<PlanDto[]> {
  const plans = await MembershipPlan.find().lean<MembershipPlanDoc[]>();
  return plans
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        a.organizationKind.localeCompare(b.organizationKind) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    )
    .map(toPlanDto);
}

/** What an organization of this kind may subscribe to. */
export async function activePlansFor(kind: OrganizationKind): Promise<PlanDto[]> {
  return (await allPlans()).filter((plan) => plan.active && plan.organizationKind === kind);
}

/** The name without empty languages (a missing language must be absent, not null). */
const nameOnly = (name: Bilingual): Bilingual => ({
  ...(name.zh ? { zh: name.zh } : {}),
  ...(name.en ? { en: name.en } : {}),
});

export async function createPlan(actor: Actor, input: unknown): Promise<PlanDto> {
  requireOperator(actor);
  const parsed = planInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues));
  const now = new Date();
  const plan: MembershipPlanDoc = {
    _id: String(new mongoose.Types.ObjectId()),
    ...parsed.data,
    name: nameOnly(parsed.data.name),
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
  await MembershipPlan.insertMany([plan]);
  return toPlanDto(plan);
}

/** A new name, price or active flag, guarded by the version the operator edited. */
export async function updatePlan(actor: Actor, id: string, input: unknown): Promise<PlanDto> {
  requireOperator(actor);
  const plan = await findPlan(id);
  if (!plan) throw notFound('plan');
  const parsed = planUpdateInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues));
  const { version, ...fields } = parsed.data;
  const updated = await MembershipPlan.findOneAndUpdate(
    { _id: plan._id, version },
    { $set: { ...fields, name: nameOnly(fields.name), updatedAt: new Date() }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean<MembershipPlanDoc>();
  if (!updated) throw conflict('errors.membership.planChanged');
  return toPlanDto(updated);
}
