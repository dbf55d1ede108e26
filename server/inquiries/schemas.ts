import { z } from 'zod';
import { safeText } from '../shared/bilingual-input.ts';

// Pure zod (no mongoose): the pages' forms and the API parse with these too.

export const MESSAGE_MAX_LENGTH = 5000;

/** A question or a reply: plain text, stored and shown as text, never as HTML. */
export const inquiryMessageInput = z.object({
  body: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(MESSAGE_MAX_LENGTH, { error: 'validation.inquiryTooLong' })
    .check(safeText),
});
export type InquiryMessageInput = z.output<typeof inquiryMessageInput>;

/** `${listingId}:${askerOrganizationId}`; anything else names no thread. */
export const THREAD_ID = /^[a-f0-9]{24}:[a-f0-9]{24}$/;
