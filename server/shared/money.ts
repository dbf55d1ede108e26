import { Schema } from 'mongoose';
import { z } from 'zod';
import { CURRENCIES, type Currency } from '../vocabulary.ts';

/** Money is an integer in minor units (fen, cents) with its currency; never a float. */
export interface Money {
  amount: number;
  currency: Currency;
}

export const moneySchema = new Schema<Money>(
  {
    amount: {
      type: Number,
      required: true,
      min: 0,
      validate: { validator: Number.isSafeInteger, message: 'amount must be an integer in minor units' },
    },
    currency: { type: String, enum: CURRENCIES, required: true, default: 'CNY' },
  },
  { _id: false },
);

export const moneyInput = z.object({
  amount: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.enum(CURRENCIES).default('CNY'),
});
