import { formatMoney, pickText } from '../../app/utils/format.ts';

test('money is integer minor units, formatted per locale', () => {
  expect(formatMoney({ amount: 50_000_000, currency: 'CNY' }, 'en')).toBe('CN¥500,000.00');
  expect(formatMoney({ amount: 50_000_000, currency: 'CNY' }, 'zh-CN')).toBe('¥500,000.00');
  expect(formatMoney({ amount: 50_000_000, currency: 'CNY' }, 'zh-CN', { compact: true })).toBe('¥50万');
  expect(formatMoney({ amount: 1200, currency: 'JPY' }, 'en')).toBe('¥1,200');
});

test("text comes in the reader's language, else the other one with its language tag", () => {
  expect(pickText({ zh: '导管', en: 'Catheter' }, 'en')).toEqual({ text: 'Catheter', lang: 'en' });
  expect(pickText({ zh: '导管' }, 'en')).toEqual({ text: '导管', lang: 'zh-CN' });
  expect(pickText({ en: 'Catheter' }, 'zh-CN')).toEqual({ text: 'Catheter', lang: 'en' });
});
