import i18next, { type TFunction } from 'i18next';
// The pages' own strings and their own rendering rule, so a notification reads
// the same in the inbox and in its mail: one place for each sentence. These are
// leaf files (JSON, and a pure function whose only import is a type), which is
// what makes this one import from server/ into app/ safe; keep them so.
import en from '../../app/locales/en.json' with { type: 'json' };
import zhCN from '../../app/locales/zh-CN.json' with { type: 'json' };
import { notificationText } from '../../app/utils/notification-text.ts';
import type { Locale } from '../vocabulary.ts';
import { oneLine, signature, subjectLine, type MailContent } from './templates.ts';

export interface NotificationContent {
  type: string;
  params: Record<string, string>;
}

const translators = new Map<Locale, TFunction>();

/** A translator over the locale files, as the pages use them (plain text: nothing escaped). */
function translatorFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: 'en',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    translators.set(locale, (t = instance.t));
  }
  return t;
}

/** The notification's sentence in `locale`, as the inbox shows it. */
export function notificationSentence(locale: Locale, n: NotificationContent): string {
  const t = translatorFor(locale);
  return notificationText((key, options) => t(key, options), n, locale);
}

/**
 * A notification as a mail: its sentence is the subject (one line, without the
 * full stop) and the body's news, followed by the absolute link to what it is about.
 */
export function notificationMail(locale: Locale, n: NotificationContent, url: string): MailContent {
  const t = translatorFor(locale);
  const sentence = oneLine(notificationSentence(locale, n));
  return {
    subject: subjectLine(locale, sentence.replace(/[.。]$/, '')),
    text:
      `${t('notifications.mail.greeting')}\n\n${sentence}\n\n` +
      `${t('notifications.mail.open')}\n\n${url}\n\n${t('notifications.mail.why')}` +
      signature(locale),
  };
}
