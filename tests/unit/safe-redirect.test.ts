import { MAX_REDIRECT_LENGTH, safeRedirect } from '~/utils/safe-redirect';

// What a browser makes of a Location header: resolved against our page, with
// tabs and newlines stripped and `\` read as `/` (the WHATWG URL parser).
const browserTarget = (location: string) =>
  new URL(location.replace(/[\t\n\r]/g, ''), 'https://medip.example.com/login');

describe('same-site paths pass', () => {
  test.each([
    ['/', '/'],
    ['/account', '/account'],
    ['/listings?kind=patent&page=2', '/listings?kind=patent&page=2'],
    ['/listings?q=%E8%B6%85%E5%A3%B0#top', '/listings?q=%E8%B6%85%E5%A3%B0#top'],
    ['/orgs/65a1b2c3d4e5f60718293a4b', '/orgs/65a1b2c3d4e5f60718293a4b'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/a/../listings', '/listings'],
    ['/listings?q=超声', '/listings?q=%E8%B6%85%E5%A3%B0'],
  ])('%s → %s', (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });
});

describe('anything that could leave the site falls back', () => {
  // The issue's exact requests, decoded as the route sees them.
  const issue = [
    decodeURIComponent('%2F%09%2Fevil.example%2Fx'), // /login?redirectTo=%2F%09%2Fevil.example%2Fx
    '/\t/evil.example/x',
    '/\r\n/evil.example',
    '/account\r\nSet-Cookie: x=y',
    '/\n/evil.example',
  ];
  const classic = [
    '//evil.example',
    '//evil.example/x',
    '///evil.example',
    '////evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '\\/\\/evil.example',
    '\\\\evil.example',
    '\\evil.example',
    decodeURIComponent('%2F%09%2Fevil'),
    decodeURIComponent('%2F%2Fevil'),
    decodeURIComponent('%2F%5Cevil'),
    '/%09/evil'.replace('%09', '\t'),
    '/ /evil.example',
    '/\u000b/evil.example',
    '/\u000c/evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    '/\u0085/evil.example',
    '/\u00a0/evil.example',
    '/\u2028/evil.example',
    '/\u202e/evil.example',
    '/\ufeff/evil.example',
    '\t//evil.example',
    ' //evil.example',
    'http://evil.example',
    'https://evil.example/x',
    'HTTP://evil.example',
    '//evil.example@medip.example.com',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    'account',
    '',
    '?x=1',
    '#top',
    '/.//evil.example',
    '/./\\evil.example',
    '/x/..//evil.example',
  ];
  test.each([...issue, ...classic].map((s) => [JSON.stringify(s), s]))('%s', (_label, to) => {
    expect(safeRedirect(to, '/fallback')).toBe('/fallback');
  });

  test('non-strings fall back', () => {
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
    expect(safeRedirect(new File(['x'], '/account'), '/f')).toBe('/f');
  });

  test('over-long paths fall back; a path at the limit passes', () => {
    const atLimit = '/' + 'a'.repeat(MAX_REDIRECT_LENGTH - 1);
    expect(safeRedirect(atLimit)).toBe(atLimit);
    expect(safeRedirect(atLimit + 'a', '/f')).toBe('/f');
    expect(safeRedirect('/' + 'a'.repeat(1_000_000), '/f')).toBe('/f');
  });
});

test('whatever passes, a browser stays on our origin', () => {
  const candidates = [
    '/',
    '/account',
    '/%2F%2Fevil.example',
    '/a/../listings',
    '/..//evil.example',
    '/x/..//evil.example',
    '/%2e%2e//evil.example',
    '/%2e/%2fevil.example',
    '/.%2e//evil.example',
    '/listings?next=//evil.example',
    '/listings#//evil.example',
  ];
  for (const to of candidates) {
    const out = safeRedirect(to, '/fallback');
    expect(browserTarget(out).origin, `${to} → ${out}`).toBe('https://medip.example.com');
    expect(out.startsWith('/') && !out.startsWith('//'), `${to} → ${out}`).toBe(true);
  }
});
