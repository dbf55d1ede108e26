// The notifications module: the only file other modules import.
export { sendMail, type MailMessage } from './mail.ts';
export { listOutbox, type OutboxItem, type OutboxPage } from './service.ts';
export { outboxQuery, type OutboxQuery } from './schemas.ts';
export { mailTemplates, type MailContent, type MailTemplates } from './templates.ts';
export { OutboxMessage, type OutboxMessageDoc } from './model.ts';
