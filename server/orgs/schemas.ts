import { z } from 'zod';
import { creditCodeInput } from '../shared/credit-code.ts';

/** GET /api/v1/orgs: `verified=true|false` narrows the list; pages of at most 100. */
export const organizationListQuery = z.object({
  verified: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** The organisation's unified social credit code; empty clears it. */
export const organizationCreditCodeInput = z.object({
  creditCode: z
    .string()
    .max(64)
    .trim()
    .transform((v) => v || null)
    .pipe(creditCodeInput.nullable()),
});
