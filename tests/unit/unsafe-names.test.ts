import { apiTokenInput, newOrganizationInput, signupInput } from '../../server/auth/schemas.ts';
import { bilingualInput } from '../../server/shared/bilingual-input.ts';

const signup = (name: string, orgName: string) =>
  signupInput.safeParse({
    email: 'new@example.cn',
    password: 'a-long-enough-passphrase-9',
    name,
    organization: { name: { zh: orgName }, kind: 'hospital' },
  });

const messagesAt = (
  result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } },
  path: string,
) => (result.error?.issues ?? []).filter((i) => i.path.join('.') === path).map((i) => i.message);

const UNSAFE = [
  ['RIGHT-TO-LEFT OVERRIDE', 'Acme\u202Egnp.exe'],
  ['LEFT-TO-RIGHT EMBEDDING', '\u202AAcme'],
  ['POP DIRECTIONAL FORMATTING', 'Acme\u202C'],
  ['RIGHT-TO-LEFT ISOLATE', '\u2067Acme'],
  ['FIRST STRONG ISOLATE', 'Ac\u2068me'],
  ['POP DIRECTIONAL ISOLATE', 'Acme\u2069x'],
  ['NUL', 'Acme\u0000Corp'],
  ['BEL', 'Acme\u0007'],
  ['ESC (terminal escape)', 'Acme\u001b[31m'],
  ['DEL', 'Acme\u007f'],
  ['NEL (C1)', 'Acme\u0085Corp'],
  ['CSI (C1)', 'Acme\u009bCorp'],
  ['newline inside', 'Acme\nCorp'],
  ['carriage return inside', 'Acme\rCorp'],
  ['tab inside', 'Acme\tCorp'],
  ['LINE SEPARATOR', 'Acme\u2028Corp'],
  ['PARAGRAPH SEPARATOR', 'Acme\u2029Corp'],
  ['LEFT-TO-RIGHT MARK', 'Acme\u200E'],
  ['RIGHT-TO-LEFT MARK', '\u200FAcme'],
  ['ARABIC LETTER MARK', 'Ac\u061Cme'],
] as const;

describe('control and text-direction characters are refused in names, with a localised message', () => {
  test.each(UNSAFE)('%s in a person’s name', (_what, name) => {
    expect(messagesAt(signup(name, '协和医院'), 'name')).toEqual(['validation.unsafeCharacters']);
  });
  test.each(UNSAFE)('%s in an organisation’s name', (_what, name) => {
    expect(messagesAt(signup('Li', name), 'organization.name.zh')).toEqual(['validation.unsafeCharacters']);
    expect(messagesAt(newOrganizationInput.safeParse({ name: { en: name }, kind: 'hospital' }), 'name.en')).toEqual([
      'validation.unsafeCharacters',
    ]);
  });
  test.each(UNSAFE)('%s in an API token’s name', (_what, name) => {
    expect(messagesAt(apiTokenInput.safeParse({ name }), 'name')).toEqual(['validation.unsafeCharacters']);
  });
});

test('ordinary names in every script pass, trimmed', () => {
  for (const name of ['李雷', 'Zoë O’Brien-Smith', 'محمد', 'Иван', '  Acme  ', 'A & B (Shanghai) Co., Ltd.', 'שלום']) {
    expect(signup(name, name).success, name).toBe(true);
    expect(apiTokenInput.safeParse({ name }).success, name).toBe(true);
  }
  expect(signup('  Li\n', ' 协和 ').success).toBe(true); // outer whitespace is trimmed, not refused
});

test('multi-line text keeps its line breaks and tabs but not the rest', () => {
  const summary = bilingualInput(4000);
  expect(summary.safeParse({ en: 'Line one\nLine two\r\n\tindented' }).success).toBe(true);
  expect(summary.safeParse({ en: 'Line one\u202Eevil' }).success).toBe(false);
  expect(summary.safeParse({ en: 'Bell\u0007' }).success).toBe(false);
});
