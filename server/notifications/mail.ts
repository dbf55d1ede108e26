import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import type { Locale } from '../vocabulary.ts';
import { OutboxMessage } from './model.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The recipient's locale; the outbox records it. */
  locale?: Locale;
}

let transport: Transporter | undefined;

/** The SMTP transport, created on first use from SMTP_URL and reused after. */
function smtpTransport(url: string): Transporter {
  transport ??= nodemailer.createTransport(url);
  return transport;
}

/**
 * Sends one message: over SMTP when SMTP_URL is set, otherwise into the outbox
 * collection. Bodies carry tokens (verification, reset, invitation links), so
 * only the recipient and subject are ever logged.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const { to, subject, text, html, locale } = message;
  const { SMTP_URL, MAIL_FROM } = config();
  if (SMTP_URL) {
    const info = await smtpTransport(SMTP_URL).sendMail({ from: MAIL_FROM, to, subject, text, html });
    logger.info({ to, subject, messageId: info.messageId }, 'mail sent over SMTP');
    return;
  }
  await OutboxMessage.create({ to, subject, text, html, locale: locale ?? 'zh-CN' });
  logger.info({ to, subject }, 'mail written to the outbox; operators read it at /operator/outbox');
}
