import { isSameOriginRequest, type OriginFacts } from '../../server/http/same-origin.ts';

const check = (facts: Partial<OriginFacts>) =>
  isSameOriginRequest({ method: 'POST', path: '/account', host: 'medip.example.com', ...facts }, 'medip_session');
const session = 'medip_session=abc; locale=%22en%22';

test('reads never need an origin', () => {
  expect(check({ method: 'GET', origin: 'https://evil.example', cookie: session })).toBe(true);
});

test('a change from our own origin passes; from another origin it is refused', () => {
  expect(check({ origin: 'https://medip.example.com', cookie: session })).toBe(true);
  expect(check({ origin: 'https://evil.example', cookie: session })).toBe(false);
  expect(check({ origin: 'null', secFetchSite: 'cross-site', cookie: session })).toBe(false);
});

test('without Origin, Sec-Fetch-Site decides', () => {
  expect(check({ secFetchSite: 'same-origin', cookie: session })).toBe(true);
  expect(check({ secFetchSite: 'cross-site', cookie: session })).toBe(false);
  expect(check({ secFetchSite: 'same-site', cookie: session })).toBe(false);
});

test('with neither header, only a request without our session cookie passes', () => {
  expect(check({ cookie: session })).toBe(false);
  expect(check({ cookie: 'locale=%22en%22' })).toBe(true);
});

test('bearer-token requests to the API are exempt', () => {
  const facts = { origin: 'https://evil.example', authorization: 'Bearer mix_abc', cookie: session };
  expect(check({ ...facts, path: '/api/v1/tokens' })).toBe(true);
});

test('a bearer header exempts nothing on a page, which authenticates by the cookie alone', () => {
  expect(check({ origin: 'https://evil.example', authorization: 'Bearer mix_abc', cookie: session })).toBe(false);
});
