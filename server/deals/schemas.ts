import { z } from 'zod';
import { safeName, safeText } from '../shared/bilingual-input.ts';

// Pure (zod only): the bodies of the deal steps people take. app/domain.ts re-exports them.

const text = (max: number) => z.string().trim().min(1, { message: 'validation.required' }).max(max).check(safeText);

/** POST /api/v1/deals/:id/objections: why the deal should not proceed. */
export const objectionInput = z.object({ text: text(5000) });

/** POST /api/v1/deals/:id/objections/:oid/resolve (operators). */
export const objectionResolutionInput = z.object({
  resolution: text(5000),
  outcome: z.enum(['dismissed', 'upheld'], { message: 'validation.required' }),
});

/** POST /api/v1/deals/:id/registration: the technology-contract registration number (技术合同登记号). */
export const registrationInput = z.object({
  number: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/, { message: 'validation.registrationNumber' })
    .check(safeName),
});

/** POST /api/v1/deals/:id/cancel: a party proposes or confirms; an operator must give a reason. */
export const cancelInput = z.object({
  reason: z.string().trim().max(2000).check(safeText).default(''),
});

/** POST /api/v1/deals/:id/publish-amounts: a party agrees (true) or withdraws its agreement (false); forms send text. */
export const amountsPublicationInput = z.object({
  publish: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
    message: 'validation.required',
  }),
});

/** The id of an objection inside its deal. */
export const OBJECTION_ID = /^[a-f0-9]{24}$/;
