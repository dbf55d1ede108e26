// The notifications module: the only file other modules import.
export { sendMail, type MailMessage } from './mail.ts';
export { listOutbox, type OutboxItem, type OutboxPage } from './service.ts';
export { markReadForm, markReadInput, outboxQuery, type MarkReadInput, type OutboxQuery } from './schemas.ts';
export { mailTemplates, type MailContent, type MailTemplates } from './templates.ts';
export { OutboxMessage, type OutboxMessageDoc } from './model.ts';
export {
  listNotifications,
  markRead,
  notifyOrganization,
  notifyUsers,
  organizationMembers,
  type OrganizationMember,
  unreadCount,
  type NotificationDto,
  type NotificationInput,
} from './inbox.ts';
export { NotificationBox } from './inbox-model.ts';
export { MAILED_TYPES, sendQueuedMails, type MailRunResult } from './mail-queue.ts';
export { QueuedMail, type QueuedMailDoc } from './mail-queue-model.ts';
