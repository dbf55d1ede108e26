import { Schema } from 'mongoose';
import { CURRENCIES } from '../vocabulary.ts';
import type { Money } from './money.ts';

// Money as stored: minor units and currency (see money.ts).
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
