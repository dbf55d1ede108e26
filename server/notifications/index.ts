// The notifications module: the only file other modules import.
export { sendMail, type MailMessage } from './mail.ts';
export { listOutbox, outboxQuery, type OutboxItem, type OutboxPage, type OutboxQuery } from './service.ts';
export { mailTemplates, type MailContent, type MailTemplates } from './templates.ts';
export { OutboxMessage, type OutboxMessageDoc } from './model.ts';
