import { z } from 'zod';
import { moneyInput, parseMajorUnits } from '../shared/money.ts';
import { CURRENCIES, type Currency } from '../vocabulary.ts';

// Pure zod: the API and the bid page parse with these.

/** A bid: an amount in minor units, in the auction's currency. */
export const bidInput = z.object({
  amount: moneyInput.refine((m) => m.amount > 0, { message: 'validation.positive', path: ['amount'] }),
});
export type BidInput = z.output<typeof bidInput>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The bid form as typed (`amount.amount` in major units, the auction's currency in `amount.currency`) as bidInput's input. */
function bidFormToInput(form: unknown): unknown {
  if (!isRecord(form) || !isRecord(form.amount)) return form;
  const { amount: text, currency } = form.amount;
  if (typeof text !== 'string' || !(CURRENCIES as readonly unknown[]).includes(currency)) return form;
  return { amount: { amount: parseMajorUnits(text, currency as Currency) ?? text, currency } };
}

/** What the bid page's form parses with, in the browser and on the server. */
export const bidForm = z.preprocess(bidFormToInput, bidInput);
