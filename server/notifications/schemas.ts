import { z } from 'zod';

/** /operator/outbox: pages of at most 100 mails. */
export const outboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type OutboxQuery = z.input<typeof outboxQuery>;

/** POST /api/v1/notifications/read: some ids, or all. */
export const markReadInput = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ids: z.array(z.string().max(64)).min(1).max(100) }),
]);
export type MarkReadInput = z.output<typeof markReadInput>;

/** The /notifications page's form: one notification's id, or none for all of them. */
export const markReadForm = z.object({ id: z.string().max(64).optional() });
