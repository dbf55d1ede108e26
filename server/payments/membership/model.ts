import mongoose, { Schema } from 'mongoose';
import type { Bilingual } from '../../shared/bilingual.ts';
import type { Money } from '../../shared/money.ts';
import type { OrganizationKind } from '../../vocabulary.ts';

// Alliance membership: the operator's yearly plans (a handful: scanned), one
// membership state per organization (`_id` = its id, read and written by `_id`
// only), and the offline invoices (one per member and year: scanned by
// organization). The money itself is a `Payment` (purpose 'membership') under
// the invoice's reference, so receipts and the payments page list it.

export const MEMBERSHIP_STATUSES = ['none', 'active', 'past_due', 'cancelled'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export interface PlanRef {
  id: string;
  name: Bilingual;
}

export interface MembershipPlanDoc {
  _id: string;
  name: Bilingual;
  organizationKind: OrganizationKind;
  /** The yearly fee for periods started from now on (Stripe keeps a running subscription's price). */
  amount: Money;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface OpenCheckout {
  sessionId: string;
  url: string;
  plan: string;
  /** The plan's version it was opened at: a changed price needs a new session. */
  planVersion: number;
  expiresAt: Date;
}

export interface MembershipDoc {
  /** The organization's id. */
  _id: string;
  status: MembershipStatus;
  plan: PlanRef | null;
  /** Paid up to here: only ever moves forward. */
  paidThrough: Date | null;
  provider: 'stripe' | 'offline' | null;
  subscriptionId: string | null;
  cancelAtPeriodEnd: boolean;
  /** When the event that set `status` happened (Stripe's `created`, or the operator's click): older news never overwrites it. */
  statusAt: Date | null;
  /** Offline invoices already credited, so crediting one twice is a no-op. */
  creditedInvoices: string[];
  checkout: OpenCheckout | null;
  version: number;
  updatedAt: Date;
}

export interface MembershipInvoiceDoc {
  /** The Payment's reference (`MEM-…`), quoted on the bank transfer. */
  _id: string;
  organization: string;
  plan: PlanRef;
  dueDate: Date;
  issuedAt: Date;
  issuedBy: string;
}

export const MembershipPlan = mongoose.model(
  'MembershipPlan',
  new Schema(
    {
      _id: { type: String, required: true },
      name: { type: Schema.Types.Mixed, required: true },
      organizationKind: { type: String, required: true },
      amount: { type: Schema.Types.Mixed, required: true },
      active: { type: Boolean, required: true },
      version: { type: Number, required: true, default: 0 },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false, minimize: false },
  ),
  'membership_plans',
);

export const Membership = mongoose.model(
  'Membership',
  new Schema(
    {
      _id: { type: String, required: true },
      status: { type: String, enum: MEMBERSHIP_STATUSES, required: true },
      plan: { type: Schema.Types.Mixed, default: null },
      paidThrough: { type: Date, default: null },
      provider: { type: String, default: null },
      subscriptionId: { type: String, default: null },
      cancelAtPeriodEnd: { type: Boolean, default: false },
      statusAt: { type: Date, default: null },
      creditedInvoices: { type: [String], default: [] },
      checkout: { type: Schema.Types.Mixed, default: null },
      version: { type: Number, required: true, default: 0 },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false, minimize: false },
  ),
  'memberships',
);

const invoiceSchema = new Schema(
  {
    _id: { type: String, required: true },
    organization: { type: String, required: true },
    plan: { type: Schema.Types.Mixed, required: true },
    dueDate: { type: Date, required: true },
    issuedAt: { type: Date, required: true },
    issuedBy: { type: String, required: true },
  },
  { versionKey: false },
);
// An organization's invoices on its membership page, newest first.
invoiceSchema.index({ organization: 1, issuedAt: -1 });
export const MembershipInvoice = mongoose.model('MembershipInvoice', invoiceSchema, 'membership_invoices');
