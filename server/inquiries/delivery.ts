import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { mailTemplates, notifyUsers, organizationMembers, sendMail } from '../notifications/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Locale } from '../vocabulary.ts';
import type { InquiryThreadDoc, StoredMessage } from './model.ts';
import { otherSide } from './thread-index.ts';

// Every message is news for the other organization: each of its members gets
// an in-app notification, and those who confirmed their e-mail address a mail
// in their own language. The message is stored before this runs, so a failed
// delivery is logged and never undoes or fails the message.

const inLocale = (text: Bilingual, locale: Locale) =>
  (locale === 'zh-CN' ? text.zh || text.en : text.en || text.zh) ?? '';

export function threadPath(threadId: string): string {
  return `/inquiries/${threadId}`;
}

export async function tellOtherSide(thread: InquiryThreadDoc, message: StoredMessage, first: boolean): Promise<void> {
  const from = thread[message.side];
  const to = thread[otherSide(message.side)];
  const link = threadPath(thread._id);
  try {
    const members = await organizationMembers(to.organization);
    await notifyUsers(
      members.map((m) => m.userId),
      {
        type: first ? 'inquiry.new' : 'inquiry.reply',
        params: {
          listingTitle_zh: thread.listingTitle.zh ?? '',
          listingTitle_en: thread.listingTitle.en ?? '',
          organizationName_zh: from.name.zh ?? '',
          organizationName_en: from.name.en ?? '',
        },
        link,
      },
    ).catch((err) => logger.error({ err, threadId: thread._id }, 'inquiry notification failed'));
    const url = `${config().PUBLIC_URL}${link}`;
    await Promise.all(
      members
        .filter((m) => m.emailVerified)
        .map((m) =>
          sendMail({
            to: m.email,
            locale: m.locale,
            ...mailTemplates.inquiryMessage(m.locale, {
              listingTitle: inLocale(thread.listingTitle, m.locale),
              organizationName: inLocale(from.name, m.locale),
              body: message.body,
              url,
              first,
            }),
          }).catch((err) => logger.error({ err, userId: m.userId }, 'inquiry mail failed')),
        ),
    );
  } catch (err) {
    logger.error({ err, threadId: thread._id }, 'inquiry delivery failed');
  }
}
