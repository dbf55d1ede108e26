import { z } from 'zod';
import { CURRENCIES } from './vocabulary.ts';

// Every setting the app reads, parsed once. A bad value stops start-up with one
// line per variable (see formatConfigErrors), never a stack trace.

const flag = <Fallback extends boolean | undefined>(fallback: Fallback) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: 'must be true or false' });
      return z.NEVER;
    });

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const optionalUrl = (protocols: RegExp, example: string) =>
  optionalString.refine((v) => v === undefined || (URL.canParse(v) && protocols.test(v)), {
    message: `must be a URL such as ${example}`,
  });

const port = (fallback?: number) =>
  optionalString
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((v) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= 65535), {
      message: 'must be a whole number from 1 to 65535',
    });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: optionalString.transform((v) => v ?? '0.0.0.0'),
  PORT: port(3000).transform((v) => v as number),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  // Where people reach the site: links in mail, and Secure cookies when https.
  PUBLIC_URL: optionalUrl(/^https?:\/\//, 'https://medip.example.com'),
  DATA_DIR: optionalString.transform((v) => v ?? './data'),
  MONGODB_URI: optionalUrl(/^mongodb(\+srv)?:\/\//, 'mongodb://localhost:27017/medip'),
  DB_PORT: port(),
  DB_NAME: optionalString
    .transform((v) => v ?? 'medip')
    .refine((v) => /^[A-Za-z0-9_-]{1,63}$/.test(v), {
      message: 'must be 1-63 letters, digits, "_" or "-"',
    }),
  MEILI_HOST: optionalUrl(/^https?:\/\//, 'http://127.0.0.1:7700'),
  MEILI_API_KEY: optionalString,
  MEILI_INDEX: optionalString
    .transform((v) => v ?? 'listings')
    .refine((v) => /^[A-Za-z0-9_-]{1,200}$/.test(v), { message: 'must be letters, digits, "_" or "-"' }),
  STRIPE_SECRET_KEY: optionalString.refine((v) => v === undefined || /^(sk|rk)_/.test(v), {
    message: 'must start with sk_ or rk_',
  }),
  STRIPE_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || v.startsWith('whsec_'), {
    message: 'must start with whsec_',
  }),
  // Stripe's API elsewhere: stripe-mock in tests; unset in production.
  STRIPE_API_BASE: optionalUrl(/^https?:\/\//, 'http://127.0.0.1:12111'),
  SMTP_URL: optionalUrl(/^smtps?:\/\//, 'smtp://user:pass@smtp.example.com:587'),
  MAIL_FROM: optionalString.transform((v) => v ?? 'MedIP Exchange <no-reply@medip.local>'),
  OPERATOR_EMAIL: optionalString.refine((v) => v === undefined || z.email().safeParse(v).success, {
    message: 'must be an e-mail address',
  }),
  OPERATOR_PASSWORD: optionalString.refine((v) => v === undefined || v.length >= 10, {
    message: 'must be at least 10 characters',
  }),
  SEED_DEMO: flag(true),
  // 公示: days a research institute's negotiated deal is published for objections before it proceeds; 0: no notice.
  PUBLIC_NOTICE_DAYS: optionalString
    .transform((v) => (v === undefined ? 15 : Number(v)))
    .refine((v) => Number.isInteger(v) && v >= 0 && v <= 365, { message: 'must be a whole number of days, 0 to 365' }),
  // How often ended notices are looked for: a deal moves on at most this long after its notice ends.
  PUBLIC_NOTICE_CHECK_SECONDS: optionalString
    .transform((v) => (v === undefined ? 300 : Number(v)))
    .refine((v) => Number.isInteger(v) && v >= 1 && v <= 3600, {
      message: 'must be a whole number of seconds, 1 to 3600',
    }),
  // How often auctions past their end are closed: a result comes at most this long after the end.
  AUCTION_CLOSE_CHECK_SECONDS: optionalString
    .transform((v) => (v === undefined ? 60 : Number(v)))
    .refine((v) => Number.isInteger(v) && v >= 1 && v <= 3600, {
      message: 'must be a whole number of seconds, 1 to 3600',
    }),
  // The exchange's service fee on a deal paid through it, in percent (up to two decimals), never below the
  // minimum of the deal's currency (major units, e.g. "CNY:1000,USD:150"; a currency left out has none).
  PLATFORM_FEE_PERCENT: optionalString
    .transform((v) => (v === undefined ? '5' : v))
    .refine((v) => /^\d{1,2}(\.\d{1,2})?$|^100$/.test(v) && Number(v) <= 100, {
      message: 'must be a percentage from 0 to 100 with at most two decimals',
    })
    .transform((v) => Math.round(Number(v) * 100)),
  PLATFORM_FEE_MINIMUMS: optionalString
    .transform((v) => v ?? 'CNY:1000,USD:150,EUR:150,HKD:1200,JPY:20000')
    .refine(
      (v) => v === '' || /^[A-Z]{3}:\d{1,9}(\.\d{1,2})?(,[A-Z]{3}:\d{1,9}(\.\d{1,2})?)*$/.test(v.replace(/\s/g, '')),
      {
        message: 'must be a list such as CNY:1000,USD:150',
      },
    ),
  // Which Stripe payment methods Checkout offers: card, and bank transfer into the customer balance
  // (Stripe supports it in USD, EUR and JPY among our currencies; elsewhere card only).
  STRIPE_PAYMENT_METHODS: optionalString
    .transform((v) => (v ?? 'card,customer_balance').split(',').map((m) => m.trim()))
    .refine((v) => v.length > 0 && v.every((m) => m === 'card' || m === 'customer_balance'), {
      message: 'must be card, customer_balance or both, separated by a comma',
    }),
  // The currencies deals may be paid in through Stripe; the others are paid by bank transfer.
  STRIPE_CURRENCIES: optionalString
    .transform((v) => (v ?? CURRENCIES.join(',')).split(',').map((c) => c.trim().toUpperCase()))
    .refine((v) => v.every((c) => (CURRENCIES as readonly string[]).includes(c)), {
      message: `must be currencies among ${CURRENCIES.join(', ')}, separated by a comma`,
    }),
  // A Stripe payment still pending after this long is asked about at Stripe (a lost webhook strands nothing).
  PAYMENT_RECONCILE_MINUTES: optionalString
    .transform((v) => (v === undefined ? 30 : Number(v)))
    .refine((v) => Number.isInteger(v) && v >= 1 && v <= 7 * 24 * 60, {
      message: 'must be a whole number of minutes, 1 to 10080',
    }),
  // Whether companies and investors need a paid-up alliance membership to make offers and bid.
  MEMBERSHIP_REQUIRED_FOR_OFFERS: flag(false),
  // Uploads (server/files): the size limit, and S3-compatible storage instead of DATA_DIR/files.
  MAX_UPLOAD_MB: optionalString
    .transform((v) => (v === undefined ? 20 : Number(v)))
    .refine((v) => Number.isFinite(v) && v > 0, { message: 'must be a positive number of megabytes' }),
  S3_BUCKET: optionalString.refine((v) => v === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v), {
    message: 'must be a bucket name: 3-63 lower-case letters, digits, "." or "-"',
  }),
  S3_ENDPOINT: optionalUrl(/^https?:\/\//, 'http://127.0.0.1:9000'),
  S3_REGION: optionalString.transform((v) => v ?? 'us-east-1'),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  // Unset: on when S3_ENDPOINT is set (MinIO and most S3-compatible services want path-style URLs).
  S3_FORCE_PATH_STYLE: flag(undefined),
});

// Rules between variables, checked on the raw values so they are reported
// together with any bad single value.
function crossCheck(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => Boolean(env[name]?.trim());
  const lines: string[] = [];
  if (set('OPERATOR_EMAIL') !== set('OPERATOR_PASSWORD')) {
    const missing = set('OPERATOR_EMAIL') ? 'OPERATOR_PASSWORD' : 'OPERATOR_EMAIL';
    lines.push(`${missing} must be set together with the other OPERATOR_ variable`);
  }
  if (set('MONGODB_URI') && set('DB_PORT')) {
    lines.push('DB_PORT only applies to the embedded database; unset it or MONGODB_URI');
  }
  if (set('S3_ACCESS_KEY_ID') !== set('S3_SECRET_ACCESS_KEY')) {
    const missing = set('S3_ACCESS_KEY_ID') ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
    lines.push(`${missing} must be set together with the other S3_ key variable`);
  }
  const s3Only = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'].filter(set);
  if (!set('S3_BUCKET') && s3Only.length > 0) {
    lines.push(`${s3Only.join(', ')} only apply to S3 storage; set S3_BUCKET or unset them`);
  }
  const stripeOnly = ['STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE'].filter(set);
  if (!set('STRIPE_SECRET_KEY') && stripeOnly.length > 0) {
    lines.push(`${stripeOnly.join(', ')} only apply to Stripe payment; set STRIPE_SECRET_KEY or unset them`);
  }
  return lines;
}

export type Config = z.output<typeof schema> & { PUBLIC_URL: string };

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(`Invalid configuration:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  const crossLines = crossCheck(env);
  if (result.success && crossLines.length === 0) {
    const data = result.data;
    return { ...data, PUBLIC_URL: (data.PUBLIC_URL ?? `http://localhost:${data.PORT}`).replace(/\/+$/, '') };
  }
  const issues = result.success ? [] : result.error.issues;
  const lines = issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const shown = env[name];
    const value = shown === undefined || /SECRET|PASSWORD|KEY|URI|URL/.test(name) ? '' : ` (got "${shown}")`;
    return `${name} ${issue.message}${value}`;
  });
  throw new ConfigError([...lines, ...crossLines]);
}

let cached: Config | undefined;

/** The process configuration, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
