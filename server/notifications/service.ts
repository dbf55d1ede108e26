import { can, type Actor } from '../auth/permissions.ts';
import { DomainError, fieldErrorsOf, forbidden, invalid } from '../errors.ts';
import { OutboxMessage, type OutboxMessageDoc } from './model.ts';
import { outboxQuery, type OutboxQuery } from './schemas.ts';

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

export interface OutboxPage {
  items: OutboxItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The mail written instead of sent (SMTP_URL unset), newest first; operators only. */
export async function listOutbox(actor: Actor, query: OutboxQuery = {}): Promise<OutboxPage> {
  if (actor === null) throw new DomainError('unauthorized', 'sign in to read the outbox');
  if (!can(actor, { action: 'outbox:read' })) throw forbidden('only operators may read the outbox');
  const parsed = outboxQuery.safeParse(query);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error.issues));
  const { page, pageSize } = parsed.data;
  const [total, messages] = await Promise.all([
    OutboxMessage.countDocuments(),
    OutboxMessage.find()
      .sort({ createdAt: -1, _id: -1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean<OutboxMessageDoc[]>(),
  ]);
  return {
    items: messages.map((m) => ({
      id: String(m._id),
      to: m.to,
      subject: m.subject,
      text: m.text,
      createdAt: m.createdAt.toISOString(),
    })),
    total,
    page,
    pageSize,
  };
}
