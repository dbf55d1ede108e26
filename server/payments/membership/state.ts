import { versionedWrite } from '../../db/versioned-write.ts';
import { Membership, type MembershipDoc } from './model.ts';

// An organization's membership is one small document under its id, changed by a
// read-decide-write guarded by its version (server/db/versioned-write.ts): Stripe
// events, the operator and the owner's checkout may write it at once.

export type MembershipChange = Partial<Omit<MembershipDoc, '_id' | 'version' | 'updatedAt'>>;

const blank = (organizationId: string): MembershipDoc => ({
  _id: organizationId,
  status: 'none',
  plan: null,
  paidThrough: null,
  provider: null,
  subscriptionId: null,
  cancelAtPeriodEnd: false,
  statusAt: null,
  creditedInvoices: [],
  checkout: null,
  version: 0,
  updatedAt: new Date(0),
});

export async function readMembership(organizationId: string): Promise<MembershipDoc> {
  return (await Membership.findById(organizationId).lean<MembershipDoc>()) ?? blank(organizationId);
}

/** Applies what `decide` picks for the membership as read (null: nothing to change); returns the membership after. */
export function changeMembership(
  organizationId: string,
  decide: (membership: MembershipDoc) => MembershipChange | null,
): Promise<MembershipDoc> {
  return versionedWrite<MembershipDoc, MembershipDoc>(Membership, organizationId, (stored) => {
    const current = stored ?? blank(organizationId);
    const change = decide(current);
    if (!change) return { result: current };
    const updatedAt = new Date();
    const after = { ...current, ...change, updatedAt, version: current.version + (stored ? 1 : 0) };
    if (!stored) return { insert: { ...after }, result: after };
    return { update: { $set: { ...change, updatedAt } }, result: after };
  });
}

/** Whether news from `at` is at least as recent as what set the status (so it may set it again). */
export const isNewer = (membership: MembershipDoc, at: Date): boolean =>
  !membership.statusAt || at.getTime() >= membership.statusAt.getTime();

/** A member in good standing: active, or paid up to a date still ahead. */
export const isMember = (membership: MembershipDoc, now = new Date()): boolean =>
  membership.status === 'active' || (membership.paidThrough !== null && membership.paidThrough > now);

/** A year on from `from` (the same calendar day, UTC). */
export function yearAfter(from: Date): Date {
  const next = new Date(from);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}
