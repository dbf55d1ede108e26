import { formatMoney, minorToMajor, pickText } from '../../app/utils/format.ts';

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

test('minor units become an exact decimal of major units, per currency', () => {
  expect(minorToMajor({ amount: 50_000_005, currency: 'CNY' })).toBe('500000.05');
  expect(minorToMajor({ amount: 7, currency: 'USD' })).toBe('0.07');
  expect(minorToMajor({ amount: 1500, currency: 'JPY' })).toBe('1500');
});
