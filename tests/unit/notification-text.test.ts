import { localizeParams, notificationText } from '../../app/utils/notification-text.ts';
import { translatorFor } from '../../app/i18n.ts';

const params = {
  listingTitle_zh: '旋转式血管内超声导管',
  listingTitle_en: 'Rotational intravascular ultrasound catheter',
  organizationName_zh: '',
  organizationName_en: 'Suzhou Medical Devices Co.',
};
const text = (locale: 'zh-CN' | 'en') => {
  const t = translatorFor(locale);
  return (key: string, options: Record<string, string>) => String(t(key, options));
};

test('a param given in both languages is shown in the reader’s', () => {
  expect(localizeParams(params, 'zh-CN').listingTitle).toBe('旋转式血管内超声导管');
  expect(localizeParams(params, 'en').listingTitle).toBe('Rotational intravascular ultrasound catheter');
});

test('a param missing in the reader’s language is shown in the other', () => {
  expect(localizeParams(params, 'zh-CN').organizationName).toBe('Suzhou Medical Devices Co.');
});

test('a param in one form only is passed as it is', () => {
  expect(localizeParams({ status: 'published' }, 'zh-CN')).toEqual({ status: 'published' });
});

test('a notification reads as a sentence in the reader’s language', () => {
  const n = { type: 'inquiry.new', params };
  expect(notificationText(text('en'), n, 'en')).toBe(
    'Suzhou Medical Devices Co. asked a question about “Rotational intravascular ultrasound catheter”.',
  );
  expect(notificationText(text('zh-CN'), n, 'zh-CN')).toBe(
    '“Suzhou Medical Devices Co.”就“旋转式血管内超声导管”提出了咨询。',
  );
});

test('a notification of a type without a sentence yet reads as a generic one', () => {
  expect(notificationText(text('en'), { type: 'deal.signed', params: {} }, 'en')).toBe('You have a new notification.');
});
