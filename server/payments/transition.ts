import { conflict, notFound } from '../errors.ts';
import { Payment, type PaymentDoc, type PaymentEvent } from './model.ts';

// Every change of a payment is one write guarded by the version read, with its
// event on the timeline. A lost race reads again and decides again, so a
// webhook, the reconciliation job and an operator acting at once each apply
// to the state they saw or not at all.

export type PaymentChange = Partial<Omit<PaymentDoc, '_id' | 'version' | 'events' | 'createdAt' | 'updatedAt'>>;

export interface PaymentStep {
  type: string;
  by?: string | null;
  note?: string | null;
  set: PaymentChange;
}

const ATTEMPTS = 8;

export async function findPayment(id: string): Promise<PaymentDoc | null> {
  if (!/^[A-Z]{3}-[A-Z0-9-]{1,64}$/.test(id)) return null;
  return Payment.findById(id).lean<PaymentDoc>();
}

export async function requirePayment(id: string): Promise<PaymentDoc> {
  const payment = await findPayment(id);
  if (!payment) throw notFound('payment');
  return payment;
}

/** Applies the step `decide` picks for the payment as read (null: nothing to do). */
export async function changePayment(
  id: string,
  decide: (payment: PaymentDoc) => PaymentStep | null,
): Promise<{ payment: PaymentDoc; before: PaymentDoc; changed: boolean }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await requirePayment(id);
    const step = decide(before);
    if (!step) return { payment: before, before, changed: false };
    const at = new Date();
    const event: PaymentEvent = { at, type: step.type, by: step.by ?? null, note: step.note ?? null };
    const payment = await Payment.findOneAndUpdate(
      { _id: id, version: before.version },
      { $set: { ...step.set, updatedAt: at }, $inc: { version: 1 }, $push: { events: event } },
      { returnDocument: 'after' },
    ).lean<PaymentDoc>();
    if (payment) return { payment, before, changed: true };
  }
  throw conflict('errors.payments.busy');
}
