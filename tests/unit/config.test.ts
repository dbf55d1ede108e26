import { ConfigError, parseConfig } from '../../server/config.ts';

test('an empty environment gives the zero-configuration defaults', () => {
  const config = parseConfig({});
  expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', DB_NAME: 'medip', SEED_DEMO: true });
  expect(config.MONGODB_URI).toBeUndefined();
  expect(config.MEILI_HOST).toBeUndefined();
});

test('each bad variable gets one line naming it, without echoing secrets', () => {
  let error: unknown;
  try {
    parseConfig({
      PORT: 'abc',
      MONGODB_URI: 'postgres://user:hunter2@x/db',
      SEED_DEMO: 'maybe',
      OPERATOR_EMAIL: 'ops@example.com',
    });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const lines = (error as ConfigError).lines;
  expect(lines).toHaveLength(4);
  expect(lines.find((l) => l.startsWith('PORT '))).toContain('"abc"');
  expect(lines.find((l) => l.startsWith('SEED_DEMO '))).toContain('true or false');
  expect(lines.find((l) => l.startsWith('OPERATOR_PASSWORD '))).toBeDefined();
  expect(lines.join('\n')).not.toContain('hunter2');
});

test('flags accept the usual spellings', () => {
  expect(parseConfig({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
  expect(parseConfig({ SEED_DEMO: 'No' }).SEED_DEMO).toBe(false);
  expect(parseConfig({ SEED_DEMO: '1' }).SEED_DEMO).toBe(true);
});

test('DB_PORT only makes sense for the embedded database', () => {
  expect(() => parseConfig({ DB_PORT: '27018', MONGODB_URI: 'mongodb://localhost:27017/x' })).toThrow(/DB_PORT/);
  expect(parseConfig({ DB_PORT: '27018' }).DB_PORT).toBe(27018);
});

test('a short operator password is refused', () => {
  expect(() => parseConfig({ OPERATOR_EMAIL: 'ops@example.com', OPERATOR_PASSWORD: 'short' })).toThrow(
    /OPERATOR_PASSWORD must be at least 10 characters/,
  );
});

test('STRIPE_API_BASE must be an http(s) URL', () => {
  const stripe = { STRIPE_SECRET_KEY: 'sk_test_x' };
  expect(parseConfig({ ...stripe, STRIPE_API_BASE: 'http://127.0.0.1:12111' }).STRIPE_API_BASE).toBe(
    'http://127.0.0.1:12111',
  );
  expect(() => parseConfig({ ...stripe, STRIPE_API_BASE: 'ftp://127.0.0.1:12111' })).toThrow(
    /STRIPE_API_BASE must be a URL/,
  );
  expect(() => parseConfig({ ...stripe, STRIPE_API_BASE: '127.0.0.1:12111' })).toThrow(/STRIPE_API_BASE must be a URL/);
});

test('the Stripe webhook secret and API base only apply with STRIPE_SECRET_KEY', () => {
  expect(() => parseConfig({ STRIPE_WEBHOOK_SECRET: 'whsec_x', STRIPE_API_BASE: 'http://127.0.0.1:12111' })).toThrow(
    /STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE only apply to Stripe payment; set STRIPE_SECRET_KEY/,
  );
  expect(() => parseConfig({ STRIPE_API_BASE: 'http://127.0.0.1:12111' })).toThrow(/STRIPE_SECRET_KEY/);
  expect(parseConfig({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' }).STRIPE_WEBHOOK_SECRET).toBe(
    'whsec_x',
  );
});
