import type { PaymentProvider } from './provider.ts';

/**
 * Bank transfer: the buyer transfers the amount quoting the reference, and an
 * operator confirms receipt. The reference is the deal's id in capitals (an
 * ObjectId: unique, and plain characters every bank form accepts).
 */
export const offlineProvider: PaymentProvider = {
  kind: 'offline',
  start: ({ dealId, amount }) => ({ provider: 'offline', reference: `MIX-${dealId.toUpperCase()}`, amount }),
  instructions: ({ reference, amount }) => ({ method: 'bank_transfer', reference, amount }),
};
