import { z } from 'zod';

/** /operator/outbox: pages of at most 100 mails. */
export const outboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type OutboxQuery = z.input<typeof outboxQuery>;
