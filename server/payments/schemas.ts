import { z } from 'zod';
import { safeText } from '../shared/bilingual-input.ts';

// The payments pages' inputs, as posted by forms without JavaScript (every
// value a string). Pure, so app/ may import them through app/domain.ts.

/**
 * `pending` until someone pays; `processing` while an asynchronous method
 * (bank transfer through Stripe) settles; `succeeded` once the money is in;
 * `failed` when the provider said so (the buyer may try again); `cancelled`
 * when the deal was cancelled before anything was paid.
 */
export const PAYMENT_STATUSES = ['pending', 'processing', 'succeeded', 'failed', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** /operator/payments?status=…&attention=1&page=…: anything unknown falls back to no filter. */
export const paymentListQuery = z.object({
  status: z.enum(PAYMENT_STATUSES).optional().catch(undefined),
  attention: z
    .enum(['1'])
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type PaymentListQuery = z.output<typeof paymentListQuery>;

/** The bank's reference of a transfer the operator made or received (optional). */
const bankReference = z
  .string()
  .trim()
  .max(120)
  .check(safeText)
  .optional()
  .transform((v) => v || null);

export const bankReferenceInput = z.object({ bankReference });

/** `amount` in major units of the payment's currency (empty: all that is left), parsed once the currency is known. */
export const refundInput = z.object({
  amount: z.string().trim().max(32).optional(),
  reason: z
    .string({ message: 'validation.required' })
    .trim()
    .min(1, { message: 'validation.required' })
    .max(500)
    .check(safeText),
  bankReference,
});
export type RefundInput = z.output<typeof refundInput>;
