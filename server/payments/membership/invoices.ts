import mongoose from 'mongoose';
import type { Actor } from '../../auth/permissions.ts';
import { insertOnce } from '../../db/insert-once.ts';
import { conflict, fieldErrorsOf, invalid, notFound } from '../../errors.ts';
import { logger } from '../../logger.ts';
import { notifyOrganization } from '../../notifications/index.ts';
import { Organization, type OrganizationDoc } from '../../orgs/index.ts';
import type { Bilingual } from '../../shared/bilingual.ts';
import { NO_STRIPE_IDS, Payment, type PaymentDoc } from '../model.ts';
import { amountText } from '../receipts.ts';
import { onPaymentSucceeded, recordSucceeded } from '../settle.ts';
import { MembershipInvoice, type MembershipInvoiceDoc } from './model.ts';
import { findPlan, requireOperator } from './plans.ts';
import { invoiceInput, markPaidInput } from './schemas.ts';
import { changeMembership, yearAfter } from './state.ts';

// Offline invoices for members who pay by bank transfer. Issuing one is two
// inserts under the reference the operator's form was shown with (the payment,
// then the invoice's details), so posting the form again finishes a half-done
// issue instead of making a second invoice. Marking it paid is one guarded
// change of the payment; crediting the year is recorded on the membership by
// the invoice's reference, so it happens once however often it is retried.

/** A fresh reference for the operator's "issue an invoice" form. */
export const newInvoiceReference = (): string => `MEM-${String(new mongoose.Types.ObjectId()).toUpperCase()}`;

export const nameOf = (org: OrganizationDoc): Bilingual => ({
  ...(org.name.zh ? { zh: org.name.zh } : {}),
  ...(org.name.en ? { en: org.name.en } : {}),
});

export async function issueInvoice(actor: Actor, input: unknown): Promise<MembershipInvoiceDoc> {
  requireOperator(actor);
  const parsed = invoiceInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues));
  const { reference, organization: organizationId, plan: planId, dueDate } = parsed.data;
  const organization = await Organization.findById(organizationId).lean<OrganizationDoc>();
  if (!organization || organization.kind === 'operator') {
    throw invalid({ organization: ['validation.membership.organization'] });
  }
  const plan = await findPlan(planId);
  if (!plan || !plan.active || plan.organizationKind !== organization.kind) {
    throw invalid({ plan: ['validation.membership.planKind'] });
  }
  const due = new Date(`${dueDate}T00:00:00Z`);
  if (due.getTime() < Date.now() - 24 * 3600_000) throw invalid({ dueDate: ['validation.membership.dueDate'] });

  const now = new Date();
  // The schema's defaults fill in the rest (no fee, refunds or payout: the alliance itself is paid).
  const payment = {
    _id: reference,
    purpose: 'membership',
    payer: { organization: organizationId, name: nameOf(organization) },
    payee: null,
    description: plan.name,
    amount: plan.amount,
    status: 'pending',
    stripe: { ...NO_STRIPE_IDS },
    events: [{ at: now, type: 'membership_invoice_issued', by: actor!.userId, note: null }],
    createdAt: now,
    updatedAt: now,
  };
  const stored = await insertOnce(Payment, { _id: reference }, payment);
  if (!stored.created && (stored.doc.payer as PaymentDoc['payer']).organization !== organizationId) {
    throw conflict('errors.membership.referenceTaken');
  }
  const { doc, created } = await insertOnce<MembershipInvoiceDoc>(
    MembershipInvoice,
    { _id: reference },
    {
      _id: reference,
      organization: organizationId,
      plan: { id: plan._id, name: plan.name },
      dueDate: due,
      issuedAt: now,
      issuedBy: actor!.userId,
    },
  );
  if (created) await tellInvoiceIssued(doc as MembershipInvoiceDoc, plan.amount);
  return doc as MembershipInvoiceDoc;
}

/** The organization's members hear of the invoice (and by mail), with what to pay and by when; never fails the issue. */
async function tellInvoiceIssued(invoice: MembershipInvoiceDoc, amount: PaymentDoc['amount']): Promise<void> {
  await notifyOrganization(invoice.organization, {
    type: 'membership.invoice_issued',
    params: {
      reference: invoice._id,
      amount: amountText(amount),
      dueDate: invoice.dueDate.toISOString().slice(0, 10),
      plan_zh: invoice.plan.name.zh ?? invoice.plan.name.en ?? '',
      plan_en: invoice.plan.name.en ?? invoice.plan.name.zh ?? '',
    },
    link: '/account/membership',
  }).catch((error: unknown) => logger.error({ err: error, invoice: invoice._id }, 'invoice notification failed'));
}

/** The year an invoice pays for, from the later of now and the current end: once per invoice. */
async function creditInvoice(invoice: MembershipInvoiceDoc, paidAt: Date): Promise<void> {
  await changeMembership(invoice.organization, (membership) => {
    if (membership.creditedInvoices.includes(invoice._id)) return null;
    const from = membership.paidThrough && membership.paidThrough > paidAt ? membership.paidThrough : paidAt;
    return {
      status: 'active',
      statusAt: paidAt,
      provider: 'offline',
      plan: invoice.plan,
      paidThrough: yearAfter(from),
      creditedInvoices: [...membership.creditedInvoices, invoice._id],
    };
  });
}

// A bank transfer recorded for an invoice (here or from the payments page) credits the membership year.
onPaymentSucceeded(async (payment) => {
  if (payment.purpose !== 'membership' || payment.provider !== 'offline' || !payment.paidAt) return;
  const invoice = await MembershipInvoice.findById(payment._id).lean<MembershipInvoiceDoc>();
  if (invoice) await creditInvoice(invoice, payment.paidAt);
});

/** The operator confirms the bank transfer arrived: the invoice is paid once, and the membership runs a year on. */
export async function markInvoicePaid(actor: Actor, input: unknown): Promise<PaymentDoc> {
  requireOperator(actor);
  const parsed = markPaidInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues));
  const { reference, bankReference } = parsed.data;
  const invoice = await MembershipInvoice.findById(reference).lean<MembershipInvoiceDoc>();
  if (!invoice) throw notFound('invoice');
  // Recorded like any payment received (its receipt is mailed); the listener above credits the year.
  const { payment, changed, late } = await recordSucceeded(reference, {
    provider: 'offline',
    by: actor!.userId,
    note: bankReference,
    offline: { by: actor!.userId, at: new Date(), bankReference },
  });
  if (late) throw conflict('errors.membership.invoiceNotPending');
  if (payment.status !== 'succeeded' || !payment.paidAt) throw conflict('errors.membership.invoiceNotPending');
  // Also when this click lost: it finishes a crediting a crashed winner left undone.
  await creditInvoice(invoice, payment.paidAt);
  if (!changed) throw conflict('errors.membership.invoiceAlreadyPaid');
  return payment;
}

export interface InvoiceDto {
  reference: string;
  organization: string;
  plan: MembershipInvoiceDoc['plan'];
  amount: PaymentDoc['amount'];
  dueDate: string;
  issuedAt: string;
  status: PaymentDoc['status'];
  paidAt: string | null;
}

/** Invoices with their payments' state; `organization`: one organization's, else the latest of all. */
export async function listInvoices(filter: { organization?: string }, limit = 100): Promise<InvoiceDto[]> {
  const invoices = await MembershipInvoice.find(filter.organization ? { organization: filter.organization } : {})
    .sort({ issuedAt: -1 })
    .limit(limit)
    .lean<MembershipInvoiceDoc[]>();
  // One look-up by `_id` each: the only read of the payments collection that does not scan it.
  const payments = await Promise.all(invoices.map((invoice) => Payment.findById(invoice._id).lean<PaymentDoc>()));
  return invoices.flatMap((invoice, i) => {
    const payment = payments[i];
    if (!payment) return [];
    return [
      {
        reference: invoice._id,
        organization: invoice.organization,
        plan: invoice.plan,
        amount: payment.amount,
        dueDate: invoice.dueDate.toISOString(),
        issuedAt: invoice.issuedAt.toISOString(),
        status: payment.status,
        paidAt: payment.paidAt?.toISOString() ?? null,
      },
    ];
  });
}
