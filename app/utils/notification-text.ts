import type { Locale } from '~/i18n';

// A notification stores its type and params, not a sentence (server/notifications/inbox.ts):
// each reader sees it in their own language, from `notifications.types.<type>`.

/**
 * The params as one reader should see them: each `name_zh`/`name_en` pair
 * becomes `name` in the reader's language, or in the other when theirs is empty.
 */
export function localizeParams(params: Record<string, string>, locale: Locale): Record<string, string> {
  const [mine, other] = locale === 'zh-CN' ? ['_zh', '_en'] : ['_en', '_zh'];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const base = key.replace(/_(zh|en)$/, '');
    if (base === key) out[key] = value;
    else out[base] ||= params[base + mine] || params[base + other] || value;
  }
  return out;
}

/** A notification as one sentence in the reader's language (`t`: the reader's translator). */
export function notificationText(
  t: (key: string, options: Record<string, string>) => string,
  n: { type: string; params: Record<string, string> },
  locale: Locale,
): string {
  return t(`notifications.types.${n.type}`, {
    ...localizeParams(n.params, locale),
    defaultValue: t('notifications.types.unknown', {}),
  });
}
