import { z } from 'zod';
import { CURRENCIES, type Currency } from '../vocabulary.ts';

/** Money is an integer in minor units (fen, cents) with its currency; never a float. */
export interface Money {
  amount: number;
  currency: Currency;
}

export const moneyInput = z.object({
  amount: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.enum(CURRENCIES).default('CNY'),
});
