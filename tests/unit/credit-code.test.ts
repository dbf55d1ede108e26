import { expect, test } from 'vitest';
import { dealTermsInput } from '../../server/deals/terms.ts';
import { organizationCreditCodeInput } from '../../server/orgs/schemas.ts';
import { creditCodeCheckCharacter, creditCodeInput, isValidCreditCode } from '../../server/shared/credit-code.ts';

// Unified social credit codes (GB 32100-2015). The expected check characters
// were worked out by hand from the standard's weights (3^i mod 31) and the
// 31-character alphabet 0-9 A-H J-N P-R T U W X Y:
//   91350100M000100Y4 → weighted sum 1640, 1640 mod 31 = 28, 31 − 28 = 3 → '3'
//   91110000600037341 → weighted sum 538, 538 mod 31 = 11, 31 − 11 = 20 → 'L'

test('the check character of a published code is derived per GB 32100-2015', () => {
  expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
});

test('a weighted sum divisible by 31 gives the check character 0', () => {
  expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
});

test('published codes are valid', () => {
  expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  expect(isValidCreditCode('91110000600037341L')).toBe(true);
});

test('a code whose check character does not match is refused with its own message', () => {
  const parsed = creditCodeInput.safeParse('91350100M000100Y44');
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues.map((i) => i.message)).toEqual(['validation.creditCodeCheck']);
});

test('a code of the wrong shape is refused with the shape message', () => {
  for (const code of ['91350100M000100Y4', '91350100M000100Y433', '91350100O000100Y43', '9135A100M000100Y43']) {
    const parsed = creditCodeInput.safeParse(code);
    expect(parsed.error?.issues[0]?.message, code).toBe('validation.creditCode');
  }
});

test('a code typed in lower case with spaces around is taken upper-cased', () => {
  expect(creditCodeInput.parse(' 91110000600037341l ')).toBe('91110000600037341L');
});

test("an organisation's empty code clears it", () => {
  expect(organizationCreditCodeInput.parse({ creditCode: '  ' })).toEqual({ creditCode: null });
});

test('the IP-for-equity company code obeys the same check', () => {
  const terms = (creditCode: string) => ({
    dealType: 'ip_for_equity',
    appraisedValue: { amount: 800_000_000, currency: 'CNY' },
    appraiser: '苏州资产评估有限公司',
    appraisalReport: 'SZPG-2026-017',
    stakePercent: 20,
    company: { name: '苏州超声医疗科技有限公司', creditCode },
  });
  expect(dealTermsInput.safeParse(terms('91350100M000100Y43')).success).toBe(true);
  const refused = dealTermsInput.safeParse(terms('91350100M000100Y44'));
  expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
    ['company.creditCode', 'validation.creditCodeCheck'],
  ]);
});
