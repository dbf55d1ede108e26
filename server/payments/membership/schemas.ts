import { z } from 'zod';
import { bilingualInput, safeName } from '../../shared/bilingual-input.ts';
import { parseMajorUnits, type Money } from '../../shared/money.ts';
import { CURRENCIES, ORGANIZATION_KINDS } from '../../vocabulary.ts';

// The membership forms' inputs, as posted by pages without JavaScript (every
// value a string; a checkbox posts "true" or nothing).

export const OBJECT_ID = /^[a-f0-9]{24}$/;
/** An offline invoice's reference: what the member quotes on the bank transfer. */
export const INVOICE_REFERENCE = /^MEM-[0-9A-F]{24}$/;

const objectId = z.string('validation.membership.plan').regex(OBJECT_ID, 'validation.membership.plan');

/** Kinds of organization a plan can be for: any member kind, not the operator. */
export const PLAN_KINDS = ORGANIZATION_KINDS.filter((kind) => kind !== 'operator');

/** A yearly fee typed in major units ("12,000.50") in the chosen currency, as Money; zero is no fee. */
const feeFields = {
  currency: z.enum(CURRENCIES, 'validation.membership.currency'),
  amount: z.string('validation.membership.amount').trim().max(40, 'validation.membership.amount'),
};
function toMoney(value: { currency: Money['currency']; amount: string }, ctx: z.RefinementCtx): Money {
  const amount = parseMajorUnits(value.amount, value.currency);
  if (amount === null || amount === 0) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'validation.membership.amount' });
    return z.NEVER;
  }
  return { amount, currency: value.currency };
}

export const planUpdateInput = z
  .object({
    name: bilingualInput(120, { singleLine: true }),
    ...feeFields,
    active: z.literal('true').optional(),
    /** The plan's version the operator saw: an edit on a stale page is refused. */
    version: z.coerce.number().int().min(0),
  })
  .transform((value, ctx) => ({
    name: value.name,
    amount: toMoney(value, ctx),
    active: value.active === 'true',
    version: value.version,
  }));
export type PlanUpdateInput = z.output<typeof planUpdateInput>;

export const planInput = z
  .object({
    name: bilingualInput(120, { singleLine: true }),
    organizationKind: z.enum(PLAN_KINDS, 'validation.membership.kind'),
    ...feeFields,
    active: z.literal('true').optional(),
  })
  .transform((value, ctx) => ({
    name: value.name,
    organizationKind: value.organizationKind,
    amount: toMoney(value, ctx),
    active: value.active === 'true',
  }));
export type PlanInput = z.output<typeof planInput>;

export const subscribeInput = z.object({ plan: objectId });

export const invoiceInput = z.object({
  /** Made when the operator's form was shown: posting the same form twice issues one invoice. */
  reference: z.string('validation.membership.reference').regex(INVOICE_REFERENCE, 'validation.membership.reference'),
  organization: z
    .string('validation.membership.organization')
    .trim()
    .regex(OBJECT_ID, 'validation.membership.organization'),
  plan: objectId,
  dueDate: z.iso.date('validation.membership.dueDate'),
});

export const markPaidInput = z.object({
  reference: z.string('validation.membership.reference').regex(INVOICE_REFERENCE, 'validation.membership.reference'),
  bankReference: z
    .string()
    .trim()
    .max(100, 'validation.membership.bankReference')
    .check(safeName)
    .optional()
    .transform((v) => v || null),
});
