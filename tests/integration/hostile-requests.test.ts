import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { apiTokenInput } from '../../server/auth/schemas.ts';
import { ensureBuild, startServer, type RunningServer } from '../support/server-process.ts';

// The real server (built app, demo data) under a corpus of malformed and
// malicious requests, sent byte for byte over raw sockets: whatever arrives,
// the answer is never a 5xx, never hangs, writes nothing, and leaves the
// server answering normal pages afterwards.

const DEMO_PASSWORD = 'medip-demo-2026';
const REQUEST_TIMEOUT_MS = 15_000;

let server: RunningServer;
let db: mongoose.Connection;
let dataDir: string;
let host: string;
let port: number;
/** Session cookies (`medip_session=…`) of an organisation owner and of the operator. */
let owner: string;
let operator: string;
let listingId: string;
let orgId: string;
const BOGUS_SESSION = 'medip_session=0123456789abcdefghijklmnopqrstuv';

interface Answer {
  status: number; // 0: the server closed the connection without an answer
  head: string;
  body: string;
  ms: number;
  timedOut: boolean;
}

interface Probe {
  label: string;
  bytes: Buffer;
  timeoutMs?: number;
  /** An extra rule for this request: the problem, or null when the answer is fine. */
  check?: (answer: Answer) => string | null;
}

/** One raw HTTP exchange: the bytes as given, the whole answer until the server closes. */
function exchange(bytes: Buffer, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let timedOut = false;
    // Written, not ended: a half-closed socket makes Node abort the request, and
    // a client that stalls mid-body keeps its side open too. Connection: close
    // (or the server's own timeouts) ends each exchange.
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? '' : text.slice(split + 4), ms: Date.now() - started, timedOut });
    });
  });
}

/** A request's bytes. Connection: close always; unsafe methods come from our own origin unless told otherwise. */
function http(
  method: string,
  target: string,
  options: {
    headers?: Record<string, string | undefined>;
    body?: string | Buffer;
    contentLength?: number | null;
    version?: string;
    hostHeader?: string | null;
  } = {},
): Buffer {
  // Text bodies go as UTF-8 (as browsers send them); exact bytes come as a Buffer.
  const body =
    options.body === undefined
      ? Buffer.alloc(0)
      : Buffer.isBuffer(options.body)
        ? options.body
        : Buffer.from(options.body, 'utf8');
  const headers: Record<string, string | undefined> = {
    Host: options.hostHeader === null ? undefined : (options.hostHeader ?? host),
    'User-Agent': 'medip-hostile-suite',
    Connection: 'close',
    ...(['GET', 'HEAD', 'OPTIONS'].includes(method)
      ? {}
      : { Origin: `http://${host}`, 'Sec-Fetch-Site': 'same-origin' }),
    ...options.headers,
  };
  const length =
    options.contentLength === undefined
      ? body.length || method === 'POST'
        ? body.length
        : undefined
      : options.contentLength;
  if (length !== null && length !== undefined) headers['Content-Length'] = String(length);
  const lines = Object.entries(headers)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  const head = `${method} ${target} ${options.version ?? 'HTTP/1.1'}\r\n${lines.join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

const FORM = 'application/x-www-form-urlencoded';
const form = (target: string, body: string, headers: Record<string, string | undefined> = {}) =>
  http('POST', target, { body, headers: { 'Content-Type': FORM, ...headers } });
const json = (method: string, target: string, body: string, headers: Record<string, string | undefined> = {}) =>
  http(method, target, { body, headers: { 'Content-Type': 'application/json', ...headers } });

function multipart(fields: [string, string][], boundary = 'hostileBoundary7MA4YWxk'): { body: string; type: string } {
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { body: `${parts.join('')}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

const probe = (label: string, bytes: Buffer, extra: Omit<Probe, 'label' | 'bytes'> = {}): Probe => ({
  label,
  bytes,
  ...extra,
});

let corpusSize = 0;
const serverLogFrom = (offset: number) =>
  server
    .output()
    .slice(offset)
    .split('\n')
    .filter((line) => /"level":(50|60)|Error|error/.test(line))
    .slice(0, 20)
    .join('\n');

/** Sends every probe (a few at a time) and fails listing each 5xx, hang or broken rule, with the server's errors. */
async function expectNoFailures(probes: Probe[], concurrency = 6) {
  corpusSize += probes.length;
  const logOffset = server.output().length;
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const p = probes[next++]!;
      const answer = await exchange(p.bytes, p.timeoutMs);
      const request = JSON.stringify(p.bytes.toString('latin1').slice(0, 300));
      if (answer.timedOut)
        failures.push(`${p.label}: no answer in ${p.timeoutMs ?? REQUEST_TIMEOUT_MS} ms\n    ${request}`);
      else if (answer.status >= 500) failures.push(`${p.label}: ${answer.status}\n    ${request}`);
      else {
        const problem = p.check?.(answer);
        if (problem) failures.push(`${p.label}: ${problem} (status ${answer.status})\n    ${request}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failures.length) {
    throw new Error(
      `${failures.length} of ${probes.length} requests failed:\n  ${failures.join('\n  ')}\nserver log:\n${serverLogFrom(logOffset)}`,
    );
  }
}

/** The site still serves normal pages: nothing a request did leaked into shared state. */
async function expectHealthy() {
  for (const target of ['/', '/listings', '/login', '/healthz', '/api/v1/listings?pageSize=1']) {
    const answer = await exchange(http('GET', target));
    expect(answer.status, `GET ${target} after the corpus\n${serverLogFrom(0)}`).toBe(200);
  }
}

async function login(email: string): Promise<string> {
  const answer = await fetch(`http://${host}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(answer.status).toBe(200);
  return answer.headers.get('Set-Cookie')!.split(';')[0]!;
}

/** Every collection's documents, hashed in _id order: a write to any document changes its collection's hash. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { name } of await db.db!.listCollections().toArray()) {
    const hash = createHash('sha256');
    for await (const doc of db.collection(name).find({}).sort({ _id: 1 })) {
      hash.update(`${mongoose.mongo.BSON.EJSON.stringify(doc, { relaxed: false })}\n`);
    }
    out[name] = hash.digest('hex');
  }
  return out;
}

/** A Location header the browser would follow to another origin, or with characters it strips. */
function offSite(answer: Answer): string | null {
  const location = /\r\nLocation: ([^\r\n]*)/i.exec(answer.head)?.[1];
  if (location === undefined) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(location)) return `Location with control characters: ${JSON.stringify(location)}`;
  if (!location.startsWith('/') || location.startsWith('//')) return `Location off the site: ${location}`;
  if (new URL(location, `http://${host}/x`).host !== host) return `Location off the site: ${location}`;
  // A target taken from the request line is bounded by Node's header limit; one from a body must be bounded too.
  if (location.length > 16_384) return `Location of ${location.length} characters`;
  return null;
}

// ---------------------------------------------------------------------------
// The form routes, read from app/routes: every route file with an action except
// the JSON API's (its bodies are JSON, probed by the API cases below), so a form
// added later cannot be left out of the corpus.

const ROUTES_DIR = 'app/routes';
/** A well-formed id that matches no record: the demo data has no deals, offers, drafts, threads or payments. */
const NO_SUCH_ID = '0123456789abcdef01234567';

const routeSource = (file: string) => readFileSync(path.join(ROUTES_DIR, file), 'utf8');
const ACTION_DECLARATION = /^export (?:async function action\b|const action\b)/m;
const ACTION_FILES = readdirSync(ROUTES_DIR)
  .filter((file) => !file.startsWith('api.') && ACTION_DECLARATION.test(routeSource(file)))
  .sort();

/**
 * Values for route parameters, keyed by the file name up to the parameter (a
 * trailing `_` dropped): seeded records where the demo data has them, otherwise
 * an id that matches nothing, so that no probe can act on a real record.
 */
const PARAM_VALUES: Record<string, () => string> = {
  'listings.$id': () => listingId,
  'listings.drafts.$draftId': () => NO_SUCH_ID,
  'listings.drafts.$draftId.$step': () => 'basics',
  'deals.$id': () => NO_SUCH_ID,
  'offers.$id': () => NO_SUCH_ID,
  'inquiries.$threadId': () => `${NO_SUCH_ID}:0123456789abcdef01234568`,
  'operator.payments.$id': () => NO_SUCH_ID,
};

/** The URL a flat-route file answers (`deals.$id_.registration[.]csv.ts`), or null when a parameter has no value. */
function urlOf(file: string): string | null {
  const upTo: string[] = [];
  const parts: string[] = [];
  // Dots split segments, except inside [ ] (`stats[.]csv`).
  for (const raw of file.replace(/\.tsx?$/, '').split(/\.(?![^[]*\])/)) {
    const segment = raw.replace(/_$/, '');
    upTo.push(segment);
    if (segment.startsWith('_')) continue; // `_index`, pathless layouts
    if (segment.startsWith('$')) {
      const value = PARAM_VALUES[upTo.join('.')];
      if (!value) return null;
      parts.push(value());
    } else parts.push(segment.replace(/\[(.*?)\]/g, '$1'));
  }
  return `/${parts.join('/')}`;
}

/** The action's text, from its declaration to the first line that closes it. */
function actionSource(file: string): string {
  const source = routeSource(file);
  const start = source.search(ACTION_DECLARATION);
  const end = source.indexOf('\n}\n', start);
  return source.slice(start, end === -1 ? undefined : end);
}

/**
 * Bodies that send each field a route reads itself (`form.id` in its action,
 * `formText(form, 'id')` anywhere in the file) only as a group (`id.x=1`), alone
 * and beside each intent the action knows. Fields read through a zod schema are
 * left out: the schema refuses a group where text belongs.
 */
function dottedBodies(file: string): string[] {
  const action = actionSource(file);
  const fields = new Set(
    [...action.matchAll(/\bform\.(\w+)/g), ...routeSource(file).matchAll(/\bformText\(\s*form\s*,\s*'([\w.]+)'/g)].map(
      (m) => m[1]!,
    ),
  );
  // `case 'x':`, `intent === 'x'`, `formText(form, 'intent') !== 'x'`
  const intents = new Set(
    [...action.matchAll(/\bcase '([\w-]+)'|\bintent'?\)?\s*[!=]==\s*'([\w-]+)'/g)].map((m) => (m[1] ?? m[2])!),
  );
  const bodies = [...fields].map((field) => `${field}.x=1`);
  for (const intent of intents) {
    for (const field of fields) if (field !== 'intent') bodies.push(`intent=${intent}&${field}.x=1`);
  }
  return bodies;
}

beforeAll(async () => {
  ensureBuild();
  dataDir = mkdtempSync(path.join(tmpdir(), 'medip-hostile-'));
  const dbName = `hostile_${Date.now()}`;
  const uri = new URL(inject('mongoUri'));
  uri.pathname = `/${dbName}`;
  server = await startServer({ MONGODB_URI: uri.toString(), DATA_DIR: dataDir, SEED_DEMO: 'true' });
  host = new URL(server.url).host;
  port = Number(new URL(server.url).port);
  db = await mongoose.createConnection(inject('mongoUri'), { dbName }).asPromise();
  owner = await login('company@demo.medip.cn');
  operator = await login('operator@demo.medip.cn');
  const listings = await (await fetch(`${server.url}/api/v1/listings?pageSize=1`)).json();
  listingId = listings.hits[0].id;
  orgId = String((await db.collection('organizations').findOne({ kind: 'hospital' }))!._id);
}, 180_000);

afterAll(async () => {
  await db?.dropDatabase().catch(() => undefined);
  await db?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  console.info(`hostile-requests: ${corpusSize} requests in the corpus`);
});

// ---------------------------------------------------------------------------
// Before the no-write window: redirects after a real log-in (which writes a session).

test('after a real log-in, redirectTo only ever leads to a path on this site', async () => {
  const payloads = [
    decodeURIComponent('%2F%09%2Fevil.example%2Fx'), // the issue's /login?redirectTo=%2F%09%2Fevil.example%2Fx
    '//evil.example',
    '/\\evil.example',
    '\\/\\/evil.example',
    '/\r\n/evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/.//evil.example',
    '/' + 'a'.repeat(5000),
  ];
  const probes = payloads.map((to) =>
    probe(
      `log-in redirectTo ${JSON.stringify(to.slice(0, 40))}`,
      form(
        `/login?redirectTo=${encodeURIComponent(to)}`,
        new URLSearchParams({ email: 'investor@demo.medip.cn', password: DEMO_PASSWORD, redirectTo: to }).toString(),
      ),
      {
        check: (a) =>
          a.status !== 302
            ? `expected a redirect`
            : (offSite(a) ?? (/\r\nLocation: \/account\r\n/i.test(a.head) ? null : 'expected /account')),
      },
    ),
  );
  await expectNoFailures(probes, 1);
  await expectNoFailures([
    probe(
      'log-in redirectTo a page of ours',
      form('/login', `email=investor%40demo.medip.cn&password=${DEMO_PASSWORD}&redirectTo=%2Flistings%3Fkind%3Dpatent`),
      {
        check: (a) =>
          /\r\nLocation: \/listings\?kind=patent\r\n/i.test(a.head) ? null : `expected /listings?kind=patent`,
      },
    ),
  ]);
});

// ---------------------------------------------------------------------------
// The corpus: nothing below may write.

/**
 * Collections left out of the no-write check, each written by design whatever a
 * request carries (or by a job on its own clock), never by a request's fields.
 */
const BOOKKEEPING: Record<string, string> = {
  ratelimitcounters: 'failed log-ins and other limited attempts are counted: the rate limit',
  open_auctions: "the auction-closing job's set, filled from the demo listings by a start-up job whenever it runs",
};

describe('the corpus', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    before = await snapshot();
  });

  let FORM_ROUTES: string[];
  beforeAll(() => {
    FORM_ROUTES = ACTION_FILES.map(urlOf).filter((url) => url !== null);
  });
  /** Routes where any post by a member acts without reading the form: it logs out, mails, or starts a draft. */
  const ACTS_ON_ANY_POST = ['/logout', '/verify-email', '/listings/new'];
  /** Who posts: nobody, a bogus session, the owner and the operator (never a real session where any post acts). */
  const sessionsFor = (route: string) =>
    ACTS_ON_ANY_POST.includes(route) ? [undefined, BOGUS_SESSION] : [undefined, BOGUS_SESSION, owner, operator];

  test('every route file with an action, but the JSON API, has a concrete URL to probe', () => {
    expect(ACTION_FILES.filter((file) => urlOf(file) === null)).toEqual([]);
  });

  test('a flat-route file name maps to the URL it answers', () => {
    expect(urlOf('account._index.tsx')).toBe('/account');
    expect(urlOf('stats[.]csv.ts')).toBe('/stats.csv');
    expect(urlOf('operator.payments_.$id.tsx')).toBe('/operator/payments/0123456789abcdef01234567');
    expect(urlOf('listings.$id_.offer.tsx')).toBe(`/listings/${listingId}/offer`);
    expect(urlOf('listings.drafts.$draftId.$step.tsx')).toBe('/listings/drafts/0123456789abcdef01234567/basics');
    expect(urlOf('orgs.$id.tsx')).toBeNull();
  });

  test('a field an action reads itself, sent only as a group (`id.x=1`), on every form route: never a 5xx', async () => {
    const probes: Probe[] = [];
    for (const file of ACTION_FILES) {
      const route = urlOf(file);
      if (route === null) continue;
      for (const body of dottedBodies(file)) {
        for (const cookie of sessionsFor(route)) {
          const who = cookie === owner ? ' as owner' : cookie === operator ? ' as operator' : '';
          probes.push(probe(`POST ${route} ${body}${who}`, form(route, body, { Cookie: cookie })));
          if (!who) continue;
          // The action's own answer (Remix's `_data`, without the page's loaders): signed in, the
          // field is read and refused, never taken for a field not sent.
          const actionOnly = `${route}?_data=${encodeURIComponent(`routes/${file.replace(/\.tsx?$/, '')}`)}`;
          probes.push(
            probe(`POST ${actionOnly} ${body}${who}`, form(actionOnly, body, { Cookie: cookie }), {
              check: (a) => (a.status >= 400 && a.status < 500 ? null : 'expected a 4xx'),
            }),
          );
        }
      }
    }
    // The audit's cases are among them.
    expect(probes.map((p) => p.label)).toEqual(
      expect.arrayContaining([
        'POST /account/tokens intent=revoke&id.x=1 as owner',
        'POST /operator/organizations id.x=1 as operator',
        'POST /operator/listings id.x=1 as operator',
        'POST /operator/memberships intent=update-plan&id.x=1 as operator',
        'POST /notices deal.x=1 as owner',
        'POST /deals/0123456789abcdef01234567 intent=resolve&objection.x=1 as operator',
      ]),
    );
    await expectNoFailures(probes);
    await expectHealthy();
  }, 180_000);

  test('an id sent as a group is a 400 with a localised error on that field', async () => {
    const answer = await fetch(`${server.url}/account/tokens?_data=routes%2Faccount.tokens`, {
      method: 'POST',
      headers: { 'Content-Type': FORM, Origin: `http://${host}`, Cookie: owner, 'Accept-Language': 'en' },
      body: 'intent=revoke&id.x=1',
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      fieldErrors: { id: ['Send this field as one text value, not as a group of fields.'] },
    });
  });

  test('prototype pollution through field names, on every form route: 400, and Object.prototype untouched', async () => {
    const bodies = [
      '__proto__.toString=x&email=bad', // the issue's POST /forgot-password
      '__proto__.sort=trl_desc&email=operator%40demo.medip.cn&password=x', // the issue's POST /login
      'constructor.prototype.x=1&email=bad',
      '__proto__=x',
      '__proto__.polluted=1',
      '__proto__.__proto__.polluted=1',
      '__proto__.then=x',
      '__proto__.status=500',
      '__proto__.headers=x',
      '__proto__.length=1&__proto__.map=x',
      'organization.__proto__.kind=operator&organization.name.en=x',
      'organization.constructor.prototype.polluted=1',
      'a.b.constructor.prototype.x=1',
      'prototype.x=1',
      'intent=verify&id=1&__proto__.id=x',
      'email=a%40b.cn&password=abcdefghijkl&__proto__%2EtoString=x',
      '__proto__%5BtoString%5D=x&__proto__.toString=y',
      'toString.x=1&valueOf.y=2&constructor=z',
    ];
    const probes: Probe[] = [];
    for (const route of FORM_ROUTES) {
      for (const cookie of sessionsFor(route)) {
        for (const body of bodies) {
          probes.push(
            probe(`POST ${route} ${cookie ? 'with a session ' : ''}${body}`, form(route, body, { Cookie: cookie })),
          );
        }
        const mp = multipart([
          ['__proto__.toString', 'x'],
          ['constructor.prototype.polluted', '1'],
          ['email', 'bad'],
        ]);
        probes.push(
          probe(
            `POST ${route} multipart pollution`,
            http('POST', route, { body: mp.body, headers: { 'Content-Type': mp.type, Cookie: cookie } }),
          ),
        );
      }
    }
    // The same shapes as JSON to the API: parsed as data, never walked onto a prototype.
    for (const route of [
      '/api/v1/auth/login',
      '/api/v1/auth/signup',
      `/api/v1/orgs/${orgId}/reject`,
      '/api/v1/tokens',
    ]) {
      for (const body of [
        '{"__proto__":{"polluted":1},"email":"a@b.cn","password":"x"}',
        '{"constructor":{"prototype":{"polluted":1}}}',
        '{"organization":{"__proto__":{"kind":"operator"}}}',
        '{"__proto__":{"toString":"x"},"name":"","reason":""}',
      ]) {
        probes.push(
          probe(
            `POST ${route} ${body}`,
            json('POST', route, body, { Cookie: route.includes('orgs') ? operator : undefined }),
          ),
        );
      }
    }
    await expectNoFailures(probes);
    await expectHealthy();
    // And the pollution the issue describes would have answered 500 on every page: /healthz, the home page, a form.
    const home = await exchange(http('GET', '/'));
    expect(home.body).not.toContain('Something went wrong');
  }, 180_000);

  test('a field sent both as a value and as a parent is a 400 field error, in either order', async () => {
    const bodies = [
      'organization=x&organization.name.zh=y',
      'organization.name.zh=y&organization=x',
      'organization.name=x&organization.name.en=y',
      'email=a&email.x=b&password=x',
      'email.x=b&email=a&password=x',
      'intent=x&intent.a=b',
      'id=1&id.x=2&intent=verify',
      'locale=en&locale.x=zh-CN&returnTo=%2F',
      'returnTo.x=1&returnTo=%2F',
      'name=t&name.en=u',
      'token=t&token.x=u&password=abcdefghijk',
    ];
    const probes: Probe[] = [];
    for (const route of FORM_ROUTES) {
      for (const cookie of sessionsFor(route)) {
        for (const body of bodies) {
          probes.push(probe(`POST ${route} ${body}`, form(route, body, { Cookie: cookie })));
        }
      }
    }
    probes.push(
      probe(
        'POST /signup organization=x&organization.name.zh=y is a 400',
        form('/signup', 'organization=x&organization.name.zh=y&email=a%40b.cn'),
        {
          check: (a) => (a.status === 400 ? null : 'expected 400'),
        },
      ),
      probe(
        'POST /signup organization.name.zh=y&organization=x is a 400',
        form('/signup', 'organization.name.zh=y&organization=x&email=a%40b.cn'),
        {
          check: (a) => (a.status === 400 ? null : 'expected 400'),
        },
      ),
    );
    await expectNoFailures(probes);
    await expectHealthy();
  }, 180_000);

  test('bodies that are not form data, sent to form actions: 4xx', async () => {
    const truncated = multipart([['email', 'a@b.cn']]);
    const bodies: { label: string; type?: string; body: string | Buffer; extra?: Record<string, string> }[] = [
      { label: 'JSON', type: 'application/json', body: '{"email":"a@b.cn","password":"x"}' },
      { label: 'JSON array', type: 'application/json', body: '[1,2,3]' },
      { label: 'JSON as form type', type: FORM, body: '{"email":"a@b.cn"}' },
      {
        label: 'XML',
        type: 'application/xml',
        body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      },
      { label: 'text/plain', type: 'text/plain', body: 'email=a@b.cn' },
      { label: 'no Content-Type', body: 'email=a%40b.cn' },
      { label: 'garbage Content-Type', type: ';;;==%%', body: 'email=a' },
      {
        label: 'garbage bytes as a form',
        type: FORM,
        body: Buffer.from([0, 255, 254, 37, 61, 38, 0xc3, 0x28, 37, 37, 61]),
      },
      {
        label: 'garbage bytes untyped',
        type: 'application/octet-stream',
        body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
      },
      { label: 'multipart without boundary', type: 'multipart/form-data', body: truncated.body },
      { label: 'multipart, wrong boundary', type: 'multipart/form-data; boundary=other', body: truncated.body },
      { label: 'multipart, truncated', type: truncated.type, body: truncated.body.slice(0, 60) },
      { label: 'multipart, no closing delimiter', type: truncated.type, body: truncated.body.replace(/--\r\n$/, '') },
      { label: 'multipart, empty', type: truncated.type, body: '' },
      { label: 'multipart, garbage', type: 'multipart/form-data; boundary=--', body: '----\r\n\r\n\u0000\u00ff--' },
      {
        label: 'multipart with a file',
        ...(() => {
          const boundary = 'fileBoundary';
          return {
            type: `multipart/form-data; boundary=${boundary}`,
            body: `--${boundary}\r\nContent-Disposition: form-data; name="email"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
          };
        })(),
      },
      { label: 'gzip-encoded junk', type: FORM, body: 'not gzip at all', extra: { 'Content-Encoding': 'gzip' } },
      { label: 'charset utf-16', type: `${FORM}; charset=utf-16`, body: 'email=a' },
      { label: '5000 fields', type: FORM, body: Array.from({ length: 5000 }, (_, i) => `f${i}=${i}`).join('&') },
      { label: '60000 fields', type: FORM, body: Array.from({ length: 60_000 }, (_, i) => `a${i}=1`).join('&') },
      { label: 'one 2 MB field', type: FORM, body: `email=${'a'.repeat(2_000_000)}` },
      { label: 'deep dotted name', type: FORM, body: `${Array.from({ length: 500 }, () => 'a').join('.')}=1` },
      { label: 'empty names', type: FORM, body: '=1&.=2&..=3&a..b=4&.a=5&a.=6' },
      { label: 'bad percent-encoding', type: FORM, body: 'email=%&password=%zz&%=1' },
    ];
    const probes: Probe[] = [];
    for (const route of FORM_ROUTES) {
      // A signed-in owner's post to /account without an intent is an invitation (a write): only
      // the anonymous and a bogus session there.
      for (const cookie of route === '/account' ? [undefined, BOGUS_SESSION] : sessionsFor(route)) {
        for (const b of bodies) {
          probes.push(
            probe(
              `POST ${route} ${b.label}${cookie ? ' (session)' : ''}`,
              http('POST', route, { body: b.body, headers: { 'Content-Type': b.type, Cookie: cookie, ...b.extra } }),
            ),
          );
        }
      }
    }
    // Form actions refuse what is not a form with a 400, not an error page.
    for (const route of ['/login', '/signup', '/forgot-password', '/reset-password', '/locale']) {
      probes.push(
        probe(`POST ${route} JSON is a 400`, json('POST', route, '{"email":"a@b.cn"}'), {
          check: (a) => (a.status === 400 ? null : 'expected 400'),
        }),
      );
    }
    // The same kinds of bodies to the JSON API.
    for (const route of [
      '/api/v1/auth/login',
      '/api/v1/auth/signup',
      '/api/v1/auth/logout',
      '/api/v1/tokens',
      `/api/v1/orgs/${orgId}/reject`,
      `/api/v1/orgs/${orgId}/verify`,
    ]) {
      for (const b of bodies.slice(0, 16)) {
        probes.push(
          probe(
            `POST ${route} ${b.label}`,
            http('POST', route, { body: b.body, headers: { 'Content-Type': b.type, Cookie: BOGUS_SESSION } }),
          ),
        );
      }
    }
    await expectNoFailures(probes);
    await expectHealthy();
  }, 120_000);

  test('redirect payloads and CR/LF: only same-site Locations, never a 500', async () => {
    const payloads = [
      decodeURIComponent('%2F%09%2Fevil.example%2Fx'),
      '/\t/evil.example/x',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '\\/\\/evil.example',
      '/%09/evil.example',
      '/%2F%2Fevil.example',
      '%2F%2Fevil.example',
      'http://evil.example',
      'https:evil.example',
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      '/\r\nSet-Cookie: medip_session=stolen',
      '/\rLocation: //evil.example',
      '/\nLocation: //evil.example',
      '/x\u0000//evil.example',
      '/\u2028/evil.example',
      '/\u202e/evil.example',
      ' //evil.example',
      '/.//evil.example',
      '/x/..//evil.example',
      '/' + 'a'.repeat(10_000),
      '/' + 'é'.repeat(3000),
      '',
    ];
    // Where the target comes from a body (unbounded), the Location is bounded to 2048 characters.
    const boundedOnSite = (a: Answer) => {
      const location = /\r\nLocation: ([^\r\n]*)/i.exec(a.head)?.[1] ?? '';
      return offSite(a) ?? (location.length > 2048 ? `Location of ${location.length} characters` : null);
    };
    const probes: Probe[] = [];
    for (const to of payloads) {
      const encoded = encodeURIComponent(to);
      probes.push(
        probe(
          `POST /locale returnTo=${JSON.stringify(to.slice(0, 40))}`,
          form('/locale', `locale=en&returnTo=${encoded}`),
          { check: boundedOnSite },
        ),
        probe(
          `POST /locale (bad locale) returnTo=${JSON.stringify(to.slice(0, 40))}`,
          form('/locale', `locale=xx&returnTo=${encoded}`),
          { check: boundedOnSite },
        ),
        probe(`GET /login?redirectTo=${JSON.stringify(to.slice(0, 40))}`, http('GET', `/login?redirectTo=${encoded}`), {
          check: offSite,
        }),
        probe(
          `GET /login?redirectTo= with a session`,
          http('GET', `/login?redirectTo=${encoded}`, { headers: { Cookie: owner } }),
          { check: offSite },
        ),
        probe(
          `POST /login (wrong password) redirectTo=${JSON.stringify(to.slice(0, 40))}`,
          form('/login', `email=nobody%40example.com&password=wrong-password-1&redirectTo=${encoded}`),
          { check: boundedOnSite },
        ),
        probe(`GET /account?next=… (redirect to log in)`, http('GET', `/account?next=${encoded}`), { check: offSite }),
        probe(`GET /locale?returnTo=…`, http('GET', `/locale?returnTo=${encoded}`), { check: offSite }),
      );
    }
    // Raw CR/LF and other bytes where the HTTP parser meets them: a 400 from Node, never a 500.
    probes.push(
      probe(
        'CR/LF in the request target',
        Buffer.from(
          `GET /listings?q=a\r\nSet-Cookie: x=y HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
          'latin1',
        ),
      ),
      probe('bare LF line endings', Buffer.from(`GET / HTTP/1.1\nHost: ${host}\nConnection: close\n\n`, 'latin1')),
      probe(
        'bare CR in a header value',
        Buffer.from(`GET / HTTP/1.1\r\nHost: ${host}\r\nX-A: a\rb\r\nConnection: close\r\n\r\n`, 'latin1'),
      ),
      probe('encoded CR/LF in the path', http('GET', '/listings/%0d%0aSet-Cookie:%20x=y')),
      probe('encoded CR/LF in the query', http('GET', '/listings?kind=%0d%0aSet-Cookie:%20x=y')),
      probe(
        'header folding',
        Buffer.from(`GET / HTTP/1.1\r\nHost: ${host}\r\nX-A: a\r\n b\r\nConnection: close\r\n\r\n`, 'latin1'),
      ),
      probe(
        'NUL in a header value',
        Buffer.from(
          `GET / HTTP/1.1\r\nHost: ${host}\r\nAccept-Language: en\u0000zh\r\nConnection: close\r\n\r\n`,
          'latin1',
        ),
      ),
    );
    await expectNoFailures(probes);
    await expectHealthy();
  }, 180_000);

  test('bad cookies on every kind of page: never a 5xx', async () => {
    const cookies = [
      'other=%',
      'medip_session=%zz',
      'locale=%',
      'locale=%E0%A4%A',
      'other=%; locale=%22en%22',
      `other=%; ${owner}`,
      `${owner}; other=%`,
      'medip_session=',
      'medip_session',
      '=',
      ';;;',
      'medip_session=a; medip_session=b',
      `${BOGUS_SESSION}; ${owner}`,
      'locale=eyJhIjoxfQ==',
      'locale=%22xx%22',
      'locale="en"',
      'locale=!!!!',
      'medip_session=' + 'a'.repeat(4000),
      'big=' + 'x'.repeat(7000),
      Array.from({ length: 400 }, (_, i) => `c${i}=${i}`).join('; '),
      'medip_session=\u00ff\u00fe',
      'medip_session=x%00y',
      'medip_session=../../etc/passwd',
      'medip_session={"$gt":""}',
      '__proto__=x; constructor=y',
    ];
    const targets: [string, string][] = [
      ['GET', '/'],
      ['GET', '/listings'],
      [`GET`, `/listings/${listingId}`],
      ['GET', '/account'],
      ['GET', '/account/tokens'],
      ['GET', '/dashboard'],
      ['GET', '/inquiries'],
      ['GET', '/offers'],
      ['GET', '/notices'],
      ['GET', '/deals/0123456789abcdef01234567'],
      ['GET', '/notifications'],
      ['GET', '/operator/outbox'],
      ['GET', '/operator/deals'],
      ['GET', '/login'],
      ['GET', '/healthz'],
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/dashboard'],
      ['GET', '/api/v1/listings?pageSize=2'],
      ['GET', '/ledger'],
      ['GET', '/api/v1/ledger'],
      ['POST', '/login'],
      ['POST', '/locale'],
      ['POST', '/api/v1/auth/login'],
    ];
    const probes: Probe[] = [];
    for (const cookie of cookies) {
      for (const [method, target] of targets) {
        const body =
          method === 'POST'
            ? target.startsWith('/api')
              ? '{"email":"x"}'
              : 'email=x&locale=en&returnTo=%2F'
            : undefined;
        const type = target.startsWith('/api') ? 'application/json' : FORM;
        probes.push(
          probe(
            `${method} ${target} Cookie: ${cookie.slice(0, 60)}`,
            http(method, target, { body, headers: { Cookie: cookie, 'Content-Type': body ? type : undefined } }),
            {
              // A page that cannot decode a cookie ignores it: the home page still renders.
              check: (a) =>
                method === 'GET' && target === '/' && a.status !== 200 ? 'the home page should render' : null,
            },
          ),
        );
      }
    }
    // Past Node's header limit: 431, not a crash.
    probes.push(probe('a 40 kB cookie', http('GET', '/', { headers: { Cookie: `big=${'x'.repeat(40_000)}` } })));
    await expectNoFailures(probes);
    await expectHealthy();
  }, 180_000);

  test('bad bearer tokens, with and without a session, on pages, form actions and the API', async () => {
    const tokens = [
      'Bearer x',
      'Bearer mix_',
      'Bearer mix_' + 'a'.repeat(40),
      'Bearer mix_' + 'a'.repeat(5000),
      'Bearer ',
      'Bearer',
      'bearer mix_abc',
      'Bearer mix_%%%',
      'Bearer mix_\u00ff\u00fe',
      'Bearer mix_abc, Bearer mix_def',
      'Basic YWRtaW46YWRtaW4=',
      'Digest username="x"',
      'Bearer {"$gt":""}',
      'Bearer ../../../etc/passwd',
    ];
    const targets: [string, string, string?][] = [
      ['GET', '/'],
      ['GET', '/account'],
      ['GET', '/listings'],
      ['GET', `/listings/${listingId}`],
      ['GET', '/operator/organizations'],
      ['GET', '/dashboard'],
      ['POST', '/login', 'email=x&password=y'],
      ['POST', '/account', 'intent=invite&email=not-an-address'],
      ['POST', '/account/tokens', 'name='],
      ['POST', '/locale', 'locale=en'],
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/tokens'],
      ['GET', `/api/v1/listings/${listingId}`],
      ['GET', '/api/v1/orgs?verified=false'],
      ['POST', '/api/v1/tokens', '{"name":""}'],
      ['DELETE', '/api/v1/tokens/000000000000000000000000'],
      ['GET', '/api/v1/dashboard'],
      ['GET', '/api/v1/inquiries'],
      ['GET', '/api/v1/offers'],
      ['GET', '/api/v1/notices'],
      ['GET', '/api/v1/deals/zzz'],
      ['GET', '/api/v1/notifications'],
      ['PUT', `/api/v1/listings/${listingId}/follow`, ''],
      ['DELETE', `/api/v1/listings/${listingId}/follow`],
      ['POST', '/api/v1/auth/logout', ''],
    ];
    const probes: Probe[] = [];
    for (const authorization of tokens) {
      // (A bogus session cookie with each bad cookie value is the cookie test's part.)
      for (const cookie of [undefined, owner]) {
        for (const [method, target, body] of targets) {
          // A real session on the API's log-out would end it: only bogus sessions there.
          if (target === '/api/v1/auth/logout' && cookie === owner) continue;
          const type = target.startsWith('/api') ? 'application/json' : FORM;
          probes.push(
            probe(
              `${method} ${target} Authorization: ${authorization.slice(0, 30)}${cookie ? ' + session' : ''}`,
              http(method, target, {
                body,
                headers: {
                  Authorization: authorization,
                  Cookie: cookie,
                  'Content-Type': body !== undefined ? type : undefined,
                },
              }),
            ),
          );
        }
      }
    }
    await expectNoFailures(probes);
    await expectHealthy();
  }, 180_000);

  test('malformed Host and forwarding headers: 400, never a 5xx', async () => {
    const hosts = [
      '[::1',
      '::1]',
      '[::1]:99999',
      'a b',
      'a@evil.example',
      'localhost:',
      'localhost:abc',
      'évil.example',
      'evil.example/path',
      'x'.repeat(300),
      '%00',
      '*',
      '..',
      '[]',
    ];
    const probes: Probe[] = [];
    for (const value of hosts) {
      probes.push(
        probe(`GET / Host: ${value.slice(0, 40)}`, http('GET', '/', { hostHeader: value }), {
          check: (a) => ((a.status >= 400 && a.status < 500) || a.status === 0 ? null : 'expected a 4xx'),
        }),
        probe(`POST /login Host: ${value.slice(0, 40)}`, form('/login', 'email=x&password=y', { Host: value })),
        probe(
          `GET / X-Forwarded-Host: ${value.slice(0, 40)}`,
          http('GET', '/', { headers: { 'X-Forwarded-Host': value } }),
        ),
        probe(
          `POST /login X-Forwarded-Host: ${value.slice(0, 40)}`,
          form('/login', 'email=x&password=y', { 'X-Forwarded-Host': value }),
        ),
      );
    }
    probes.push(
      probe('no Host, HTTP/1.1', http('GET', '/', { hostHeader: null })),
      probe('no Host, HTTP/1.0', http('GET', '/', { hostHeader: null, version: 'HTTP/1.0' })),
      probe(
        'no Host, HTTP/1.0 POST',
        http('POST', '/login', {
          hostHeader: null,
          version: 'HTTP/1.0',
          body: 'email=x',
          headers: { 'Content-Type': FORM },
        }),
      ),
      probe(
        'two Host headers',
        Buffer.from(`GET / HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`, 'latin1'),
      ),
      probe('Host of another site', http('GET', '/', { hostHeader: 'evil.example' })),
      probe(
        'POST with Host of another site and its Origin',
        form('/login', 'email=x&password=y', { Host: 'evil.example', Origin: 'http://evil.example' }),
      ),
      probe('X-Forwarded-Proto: javascript', http('GET', '/', { headers: { 'X-Forwarded-Proto': 'javascript' } })),
      probe('X-Forwarded-Proto: garbage', http('GET', '/', { headers: { 'X-Forwarded-Proto': '::::' } })),
      probe('X-Forwarded-Proto: https', http('GET', '/', { headers: { 'X-Forwarded-Proto': 'https' } })),
      probe(
        'X-Forwarded-For: garbage',
        http('GET', '/', { headers: { 'X-Forwarded-For': 'not-an-ip, [::1, 999.1.1.1' } }),
      ),
      probe(
        'X-Forwarded-For: garbage on log-in',
        form('/login', 'email=nobody%40example.com&password=wrong-password', { 'X-Forwarded-For': '%%%, \u00ff' }),
      ),
      probe(
        'Origin: null, Sec-Fetch-Site same-origin (a form without JavaScript)',
        form('/login', 'email=nobody%40example.com&password=wrong-password', { Origin: 'null' }),
        {
          check: (a) =>
            a.status === 400 || a.status === 401 || a.status === 429 ? null : 'expected the form error, not a refusal',
        },
      ),
      probe(
        'Origin: null without Sec-Fetch-Site',
        form('/forgot-password', 'email=bad', { Origin: 'null', 'Sec-Fetch-Site': undefined }),
      ),
      probe(
        'Origin: null with a session and no Sec-Fetch-Site',
        form('/account', 'intent=x', { Origin: 'null', 'Sec-Fetch-Site': undefined, Cookie: owner }),
        {
          check: (a) => (a.status === 403 ? null : 'expected 403'),
        },
      ),
      probe('Origin: garbage', form('/login', 'email=x', { Origin: 'not a url' })),
      probe('Origin: a list', form('/login', 'email=x', { Origin: `http://${host} http://evil.example` })),
      probe('Origin with a path', form('/login', 'email=x', { Origin: `http://${host}/login` })),
      probe('Origin in upper case', form('/login', 'email=x', { Origin: `HTTP://${host.toUpperCase()}` })),
      probe(
        'Origin of another site, bearer',
        form('/login', 'email=x', { Origin: 'https://evil.example', Authorization: 'Bearer mix_x' }),
      ),
      probe('Origin: null, bearer', form('/login', 'email=x', { Origin: 'null', Authorization: 'Bearer mix_x' })),
      probe(
        'Origin: null, PUT',
        http('PUT', '/login', { body: 'email=x', headers: { Origin: 'null', 'Content-Type': FORM } }),
      ),
      probe(
        'Origin: null, DELETE on a page',
        http('DELETE', '/account', { headers: { Origin: 'null', Cookie: BOGUS_SESSION } }),
      ),
    );
    await expectNoFailures(probes);
    await expectHealthy();
  }, 180_000);

  test('unknown methods and malformed request lines: 405 or 400, never a 5xx', async () => {
    const probes: Probe[] = [];
    for (const method of [
      'TRACE',
      'TRACK',
      'PROPFIND',
      'PROPPATCH',
      'MKCOL',
      'COPY',
      'MOVE',
      'LOCK',
      'UNLOCK',
      'SEARCH',
      'PURGE',
      'LINK',
      'REPORT',
      'MKCALENDAR',
      'SUBSCRIBE',
      'M-SEARCH',
      'QUERY',
      'BREW',
    ]) {
      for (const target of ['/', '/login', '/api/v1/listings', '/healthz']) {
        probes.push(
          probe(`${method} ${target}`, http(method, target, { headers: { 'Max-Forwards': '0' } }), {
            check: (a) =>
              a.status === 405
                ? /\r\nAllow: /i.test(a.head)
                  ? null
                  : '405 without Allow'
                : a.status === 400 || a.status === 0
                  ? null
                  : 'expected 405',
          }),
        );
      }
    }
    probes.push(
      probe('TRACE echoes nothing back', http('TRACE', '/', { headers: { Cookie: owner } }), {
        check: (a) => (a.status === 405 && !a.body.includes('medip_session') ? null : 'TRACE must be refused'),
      }),
      probe('CONNECT', Buffer.from(`CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n`, 'latin1')),
      probe(
        'CONNECT to a path',
        Buffer.from(`CONNECT / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1'),
      ),
      probe('lower-case method', Buffer.from(`get / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1')),
      probe('made-up method', Buffer.from(`FOO / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1')),
      probe('HTTP/0.9', Buffer.from(`GET /\r\n\r\n`, 'latin1')),
      probe('HTTP/2 preface over cleartext', Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1')),
      probe('HTTP/3.0', http('GET', '/', { version: 'HTTP/3.0' })),
      probe('HTTP/1.1 with junk version', http('GET', '/', { version: 'HTTP/1.x' })),
      probe(
        'TLS ClientHello on the cleartext port',
        Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03]),
      ),
      probe('binary garbage', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 91) % 256))),
      probe('only a CRLF', Buffer.from('\r\n\r\n')),
      probe('absolute-form target', http('GET', `http://evil.example/`)),
      probe('absolute-form target to ourselves', http('GET', `http://${host}/listings`)),
      probe('absolute-form POST', form(`http://evil.example/login`, 'email=x')),
      probe('OPTIONS *', http('OPTIONS', '*')),
      probe('OPTIONS a page', http('OPTIONS', '/login')),
      probe(
        'OPTIONS the API',
        http('OPTIONS', '/api/v1/listings', {
          headers: { 'Access-Control-Request-Method': 'DELETE', Origin: 'https://evil.example' },
        }),
      ),
      probe('HEAD a page', http('HEAD', '/listings')),
      probe('HEAD the API', http('HEAD', '/api/v1/me', { headers: { Cookie: owner } })),
      probe('PUT a page', http('PUT', '/signup', { body: 'email=x', headers: { 'Content-Type': FORM } })),
      probe(
        'PATCH a page',
        http('PATCH', '/account', { body: 'intent=x', headers: { 'Content-Type': FORM, Cookie: BOGUS_SESSION } }),
      ),
      probe('DELETE a page', http('DELETE', '/listings')),
      probe('DELETE the API listing', http('DELETE', `/api/v1/listings/${listingId}`, { headers: { Cookie: owner } })),
      probe('PUT the API', json('PUT', '/api/v1/me', '{}', { Cookie: owner })),
      probe('GET with a body', http('GET', '/listings', { body: 'email=x', headers: { 'Content-Type': FORM } })),
      probe('Expect: 100-continue', form('/login', 'email=x', { Expect: '100-continue' })),
      probe('Expect: garbage', form('/login', 'email=x', { Expect: 'x-garbage' })),
      probe(
        'Content-Length and Transfer-Encoding',
        http('POST', '/login', {
          body: '5\r\nemail\r\n0\r\n\r\n',
          contentLength: 5,
          headers: { 'Content-Type': FORM, 'Transfer-Encoding': 'chunked' },
        }),
      ),
      probe(
        'two Content-Lengths',
        Buffer.from(
          `POST /login HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\nContent-Length: 7\r\nContent-Type: ${FORM}\r\nConnection: close\r\n\r\nemail=x`,
          'latin1',
        ),
      ),
      probe(
        'negative Content-Length',
        http('POST', '/login', { body: 'email=x', contentLength: -1, headers: { 'Content-Type': FORM } }),
      ),
      probe(
        'non-numeric Content-Length',
        Buffer.from(
          `POST /login HTTP/1.1\r\nHost: ${host}\r\nContent-Length: abc\r\nConnection: close\r\n\r\nemail=x`,
          'latin1',
        ),
      ),
      probe(
        'huge Content-Length, small body',
        http('POST', '/login', { body: 'email=x', contentLength: 99_999_999_999, headers: { 'Content-Type': FORM } }),
        { timeoutMs: 15_000 },
      ),
      probe(
        'bad chunk size',
        http('POST', '/login', {
          body: 'zz\r\nemail=x\r\n0\r\n\r\n',
          contentLength: null,
          headers: { 'Content-Type': FORM, 'Transfer-Encoding': 'chunked' },
        }),
      ),
      probe(
        'Transfer-Encoding: gzip, chunked',
        http('POST', '/login', {
          body: '7\r\nemail=x\r\n0\r\n\r\n',
          contentLength: null,
          headers: { 'Content-Type': FORM, 'Transfer-Encoding': 'gzip, chunked' },
        }),
      ),
      probe(
        'chunked, correct',
        http('POST', '/login', {
          body: '7\r\nemail=x\r\n0\r\n\r\n',
          contentLength: null,
          headers: { 'Content-Type': FORM, 'Transfer-Encoding': 'chunked' },
        }),
      ),
      probe(
        '500 headers',
        Buffer.from(
          `GET / HTTP/1.1\r\nHost: ${host}\r\n${Array.from({ length: 500 }, (_, i) => `X-H${i}: ${i}`).join('\r\n')}\r\nConnection: close\r\n\r\n`,
          'latin1',
        ),
      ),
      probe(
        'Accept-Language garbage',
        http('GET', '/', { headers: { 'Accept-Language': ';;q=x,,*;q=2,zh;q=-1,\u00ff' } }),
      ),
      probe(
        'Accept-Language very long',
        http('GET', '/', {
          headers: { 'Accept-Language': Array.from({ length: 1000 }, (_, i) => `x${i};q=0.${i % 9}`).join(',') },
        }),
      ),
      probe(
        'Accept: garbage on the API',
        http('GET', '/api/v1/listings', { headers: { Accept: '*/*;q=abc, text/html;;' } }),
      ),
      probe('Range on a page', http('GET', '/', { headers: { Range: 'bytes=0-10,5-1,abc' } })),
      probe('Range on a static file', http('GET', '/favicon.svg', { headers: { Range: 'bytes=999999-' } })),
      probe(
        'If-None-Match garbage',
        http('GET', '/favicon.svg', { headers: { 'If-None-Match': '"\u00ff', 'If-Modified-Since': 'yesterday' } }),
      ),
    );
    await expectNoFailures(probes);
    await expectHealthy();
  }, 180_000);

  test('paths: traversal, NUL bytes, bad percent-encoding and oversized queries never serve a file or a 5xx', async () => {
    const paths = [
      '/build/../server/config.ts',
      '/build/%2e%2e/server/config.ts',
      '/build/..%2f..%2fpackage.json',
      '/build/%2e%2e%2f%2e%2e%2fpackage.json',
      '/build/..%5c..%5cpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/../../../../etc/passwd',
      '/..%00/package.json',
      '/build/%00',
      '/build/x%00.js',
      '/favicon.svg%00.js',
      '/listings%00',
      '/listings/%00',
      `/listings/${listingId}%00`,
      '/dashboard%00',
      '/listings/%00/follow',
      '/%',
      '/%zz',
      '/listings/%E0%A4%A',
      '/orgs/%',
      '/api/v1/listings/%',
      '/api/v1/%ff%fe',
      '//etc/passwd',
      '///',
      '/./././',
      '/.env',
      '/build/.env',
      '/public/../.env',
      '/node_modules/.bin/tsx',
      '/server/config.ts',
      '/app/root.tsx',
      '/package.json',
      '/build/' + 'a'.repeat(5000),
      '/' + 'a/'.repeat(2000),
      '/listings?kind=%00',
      '/listings?kind=a%00b&category=%',
      '/login?redirectTo=%00',
      '/listings?%=1&a=%zz',
      '/listings?' + 'x'.repeat(7000),
      '/listings?' + Array.from({ length: 1000 }, (_, i) => `category=c${i}`).join('&'),
      '/api/v1/listings?' + Array.from({ length: 1000 }, (_, i) => `category=c${i}`).join('&'),
      '/listings?' + 'q='.repeat(3000),
      '/listings?page=1e309&pageSize=-1',
      '/listings?page=__proto__&sort=constructor',
      '/listings?__proto__[x]=1&constructor[prototype][y]=2',
      '/listings?__proto__.x=1',
      '/api/v1/listings?sort=__proto__&kind[$ne]=x&page[$gt]=1',
      '/api/v1/listings?pageSize=1e9&page=99999999999999999999',
      '/api/v1/orgs?verified[$ne]=true',
      '/ledger?page=%00',
      '/ledger?page=1e309',
      '/ledger?page=-1&page=2',
      '/ledger?page=99999999999999999999',
      '/ledger?' + 'page=1&'.repeat(1000),
      '/api/v1/ledger?page=__proto__',
      '/api/v1/ledger?page[$gt]=1&page=%zz',
      '/api/v1/ledger?page=0x10&__proto__[x]=1',
      '/api/v1/ledger/verify?page=%00&x=%zz',
      '/api/v1/ledger/%2e%2e/verify',
      '/listings/' + encodeURIComponent('../../server/config.ts'),
      '/\u00ff',
    ];
    const leaked = (a: Answer) =>
      /PUBLIC_URL|"devDependencies"|root:x:0:0|export default function/.test(a.body)
        ? 'served a source or system file'
        : null;
    const probes: Probe[] = [];
    for (const target of paths) {
      probes.push(probe(`GET ${target.slice(0, 80)}`, http('GET', target), { check: leaked }));
      probes.push(
        probe(`GET ${target.slice(0, 80)} with a session`, http('GET', target, { headers: { Cookie: operator } }), {
          check: leaked,
        }),
      );
    }
    probes.push(
      probe('a 20 kB query string (past the header limit)', http('GET', `/listings?q=${'x'.repeat(20_000)}`)),
    );
    probes.push(probe('a 100 kB path', http('GET', `/${'p'.repeat(100_000)}`)));
    await expectNoFailures(probes);
    await expectHealthy();
  }, 180_000);

  test('search parameters of every wrong shape, on /listings, its suggestions and the API: 200 or 400, never echoed raw', async () => {
    const values = [
      '',
      '%00',
      '%0d%0aSet-Cookie:%20x=y',
      '-1',
      '0',
      '1e309',
      'NaN',
      'Infinity',
      '99999999999999999999',
      '0x10',
      '1.5',
      'true',
      '__proto__',
      'constructor',
      '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      '%E2%80%AE%E2%80%8B',
      '%F0%9F%92%A9'.repeat(10),
      encodeURIComponent('超声 "导管" -x OR 1=1 -- ; DROP'),
      encodeURIComponent('a'.repeat(250)),
      encodeURIComponent('\\"\\\''),
      '*',
      '[]',
      '%5B%5D',
    ];
    const params = [
      'q',
      'kind',
      'category',
      'nmpaClass',
      'stage',
      'dealType',
      'orgKind',
      'region',
      'patentStatus',
      'organization',
      'trlMin',
      'trlMax',
      'priceMin',
      'priceMax',
      'openLicense',
      'auctionOpen',
      'sort',
      'page',
      'pageSize',
      'q[$ne]',
      'region[]',
    ];
    const reflected = (a: Answer) =>
      /<script>alert\(1\)|<img src=x onerror/i.test(a.body) ? 'echoed markup unescaped' : null;
    const probes: Probe[] = [];
    for (const base of ['/listings', '/api/v1/search', '/listings/suggest']) {
      for (const param of params) {
        for (const value of values) {
          const target = `${base}?${param}=${value}`;
          probes.push(probe(`GET ${target.slice(0, 90)}`, http('GET', target), { check: reflected }));
        }
      }
    }
    probes.push(
      probe(
        'every filter at once, twice',
        http('GET', `/api/v1/search?${params.map((p) => `${p}=1&${p}=x`).join('&')}`),
      ),
      probe('inverted ranges', http('GET', '/api/v1/search?trlMin=9&trlMax=1&priceMin=10&priceMax=1')),
      probe('the deepest page', http('GET', '/api/v1/search?page=1000&pageSize=100')),
      probe('500 regions', http('GET', `/listings?${Array.from({ length: 500 }, (_, i) => `region=r${i}`).join('&')}`)),
    );
    await expectNoFailures(probes);
    await expectHealthy();
  }, 180_000);

  test('the JSON API with wrong types and NoSQL-injection shapes: 4xx', async () => {
    const bodies = [
      '{"email":{"$gt":""},"password":{"$gt":""}}',
      '{"email":"operator@demo.medip.cn","password":{"$ne":null}}',
      '{"email":{"$regex":".*"},"password":"x"}',
      '{"email":["operator@demo.medip.cn"],"password":["x"]}',
      '{"email":null,"password":null}',
      '{"email":1,"password":true}',
      '{"email":"operator@demo.medip.cn","password":"' + 'x'.repeat(100_000) + '"}',
      '{"$where":"sleep(5000)"}',
      '{"name":{"$gt":""}}',
      '{"name":["a","b"]}',
      '{"name":"' + 'n'.repeat(10_000) + '"}',
      '{"reason":{"$where":"1"}}',
      '{"reason":123}',
      '{"email":"new-hostile@example.com","password":"x","name":{"$ne":1},"organization":{"name":{"zh":{"$ne":1}},"kind":{"$in":["operator"]}}}',
      '{"email":"new-hostile@example.com","password":"hostile-passphrase-1","name":"X","organization":{"kind":"operator","name":{"en":"Fake office"}}}',
      '{"email":"new-hostile@example.com","password":"hostile-passphrase-1","name":"X","organization":{"invitation":{"$ne":""}}}',
      '{"email":"new-hostile@example.com","password":"hostile-passphrase-1","name":"X\u202eY","organization":{"kind":"company","name":{"en":"Bidi\u202e Co"}}}',
      '{"email":"new-hostile@example.com","password":"hostile-passphrase-1","name":"X\\u0000Y","organization":{"kind":"company","name":{"en":"Nul\\u0000Co"}}}',
      '[]',
      '[{"email":"a"}]',
      '"string"',
      '123',
      'null',
      'true',
      '',
      '{',
      '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
      '{"a":1,"a":2,"__proto__":null}',
      '\u00ef\u00bb\u00bf{"email":"a@b.cn"}',
      '{"email":"a@b.cn"}garbage',
    ];
    const routes: [string, string, string?][] = [
      ['POST', '/api/v1/auth/login'],
      ['POST', '/api/v1/auth/signup'],
      ['POST', '/api/v1/auth/logout', BOGUS_SESSION],
      ['POST', '/api/v1/tokens', BOGUS_SESSION],
      ['POST', '/api/v1/tokens', owner],
      ['POST', `/api/v1/orgs/${orgId}/reject`, operator],
      ['POST', `/api/v1/orgs/${orgId}/reject`, owner],
      ['POST', '/api/v1/orgs/zzz/reject', operator],
      ['POST', '/api/v1/orgs/zzz/verify', operator],
      ['PUT', '/api/v1/me', owner],
      ['POST', '/api/v1/listings', owner],
      ['POST', '/api/v1/listings', BOGUS_SESSION],
      ['PATCH', `/api/v1/listings/${listingId}`, owner],
      ['PATCH', '/api/v1/listings/zzz', owner],
      ['POST', `/api/v1/listings/${listingId}/reject`, operator],
      ['POST', `/api/v1/listings/${listingId}/reject`, owner],
      ['POST', `/api/v1/listings/${listingId}/inquiries`, owner],
      ['POST', `/api/v1/listings/${listingId}/inquiries`, BOGUS_SESSION],
      ['POST', '/api/v1/inquiries/zzz/messages', owner],
      ['POST', `/api/v1/listings/${listingId}/offers`, owner],
      ['POST', `/api/v1/listings/${listingId}/offers`, BOGUS_SESSION],
      ['POST', `/api/v1/listings/${listingId}/license-now`, owner],
      ['POST', `/api/v1/listings/${listingId}/bids`, owner],
      ['POST', `/api/v1/listings/${listingId}/bids`, BOGUS_SESSION],
      ['POST', '/api/v1/offers/zzz/accept', owner],
      ['POST', '/api/v1/offers/zzz/reject', owner],
      ['POST', '/api/v1/offers/zzz/counter', owner],
      ['POST', '/api/v1/offers/0123456789abcdef01234567/withdraw', owner],
      ['POST', '/api/v1/deals/zzz/complete', owner],
      ['POST', '/api/v1/deals/0123456789abcdef01234567/cancel', owner],
      ['POST', '/api/v1/deals/0123456789abcdef01234567/confirm-payment', operator],
      ['POST', '/api/v1/deals/0123456789abcdef01234567/registration', owner],
      ['POST', '/api/v1/deals/0123456789abcdef01234567/objections', owner],
      ['POST', '/api/v1/deals/0123456789abcdef01234567/objections/zzz/resolve', operator],
      ['POST', '/api/v1/notifications/read', owner],
    ];
    const isValidTokenRequest = (body: string) => {
      try {
        return apiTokenInput.safeParse(JSON.parse(body)).success;
      } catch {
        return false;
      }
    };
    const probes: Probe[] = [];
    for (const [method, route, cookie] of routes) {
      for (const body of bodies) {
        // A body that happens to name a token is a real request to create one: not sent.
        if (route === '/api/v1/tokens' && cookie === owner && isValidTokenRequest(body)) continue;
        probes.push(
          probe(
            `${method} ${route}${cookie ? ' (session)' : ''} ${body.slice(0, 60)}`,
            json(method, route, body, { Cookie: cookie }),
            {
              // Never a success: none of these is a valid request (log-out succeeds whatever the body).
              check: (a) => (a.status >= 200 && a.status < 300 && route !== '/api/v1/auth/logout' ? 'accepted' : null),
            },
          ),
        );
      }
    }
    await expectNoFailures(probes);
    await expectHealthy();
  }, 120_000);

  test('invalid ObjectIds in path parameters and form fields: 4xx', async () => {
    const ids = [
      'zzz',
      '123',
      '0',
      '-1',
      '000000000000000000000000',
      'ffffffffffffffffffffffff',
      '5f1d7f1d7f1d7f1d7f1d7f1', // 23 characters
      '5f1d7f1d7f1d7f1d7f1d7f1d7', // 25 characters
      "'; DROP TABLE listings; --",
      '%7B%22%24gt%22%3A%22%22%7D', // {"$gt":""}
      '%24where',
      '__proto__',
      'constructor',
      'toString',
      'a'.repeat(5000),
      '%E2%80%AE',
      'null',
      'undefined',
      '..',
      '%2e%2e',
    ];
    const probes: Probe[] = [];
    for (const id of ids) {
      // `..` and `%2e%2e` navigate up (to / and /api/v1/) rather than name a listing.
      const notFound = (a: Answer) =>
        a.status === 200 && !id.includes('.') && !id.includes('%2e') ? 'a listing for a bad id' : null;
      probes.push(
        probe(`GET /listings/${id.slice(0, 30)}`, http('GET', `/listings/${id}`), { check: notFound }),
        probe(`GET /orgs/${id.slice(0, 30)}`, http('GET', `/orgs/${id}`)),
        probe(
          `GET /listings/${id.slice(0, 30)} (session)`,
          http('GET', `/listings/${id}`, { headers: { Cookie: operator } }),
        ),
        probe(`GET /api/v1/listings/${id.slice(0, 30)}`, http('GET', `/api/v1/listings/${id}`), { check: notFound }),
        probe(`GET /api/v1/orgs/${id.slice(0, 30)}`, http('GET', `/api/v1/orgs/${id}`)),
        probe(
          `POST /api/v1/orgs/${id.slice(0, 30)}/verify`,
          json('POST', `/api/v1/orgs/${id}/verify`, '{}', { Cookie: operator }),
        ),
        probe(
          `POST /api/v1/orgs/${id.slice(0, 30)}/reject`,
          json('POST', `/api/v1/orgs/${id}/reject`, '{"reason":"hostile"}', { Cookie: operator }),
        ),
        probe(
          `DELETE /api/v1/tokens/${id.slice(0, 30)}`,
          http('DELETE', `/api/v1/tokens/${id}`, { headers: { Cookie: owner } }),
        ),
        probe(
          `POST /operator/organizations verify ${id.slice(0, 30)}`,
          form('/operator/organizations', `intent=verify&id=${id}`, { Cookie: operator }),
        ),
        probe(
          `POST /operator/organizations reject ${id.slice(0, 30)}`,
          form('/operator/organizations', `intent=reject&id=${id}&reason=hostile`, { Cookie: operator }),
        ),
        probe(
          `POST /operator/organizations as owner ${id.slice(0, 30)}`,
          form('/operator/organizations', `intent=verify&id=${id}`, { Cookie: owner }),
        ),
        probe(
          `POST /account/tokens revoke ${id.slice(0, 30)}`,
          form('/account/tokens', `intent=revoke&id=${id}`, { Cookie: owner }),
        ),
        probe(`GET /verify-email?token=${id.slice(0, 30)}`, http('GET', `/verify-email?token=${id}`)),
        probe(`GET /reset-password?token=${id.slice(0, 30)}`, http('GET', `/reset-password?token=${id}`)),
        probe(
          `POST /reset-password token=${id.slice(0, 30)}`,
          form('/reset-password', `token=${id}&password=hostile-passphrase-2`),
        ),
        probe(`GET /signup?invitation=${id.slice(0, 30)}`, http('GET', `/signup?invitation=${id}`)),
        probe(
          `GET /inquiries/${id.slice(0, 30)} (session)`,
          http('GET', `/inquiries/${id}`, { headers: { Cookie: owner } }),
        ),
        probe(
          `GET /api/v1/inquiries/${id.slice(0, 30)}:${id.slice(0, 30)}`,
          http('GET', `/api/v1/inquiries/${id}:${id}`, { headers: { Cookie: owner } }),
        ),
        probe(`POST /listings/${id.slice(0, 30)}/ask`, form(`/listings/${id}/ask`, 'body=hostile', { Cookie: owner })),
        probe(
          `GET /api/v1/offers/${id.slice(0, 30)}`,
          http('GET', `/api/v1/offers/${id}`, { headers: { Cookie: owner } }),
        ),
        probe(`GET /offers/${id.slice(0, 30)}`, http('GET', `/offers/${id}`, { headers: { Cookie: owner } })),
        probe(
          `POST /listings/${id.slice(0, 30)}/offer`,
          form(`/listings/${id}/offer`, 'terms.dealType=assignment', { Cookie: owner }),
        ),
        probe(`GET /api/v1/listings/${id.slice(0, 30)}/auction`, http('GET', `/api/v1/listings/${id}/auction`)),
        probe(`GET /listings/${id.slice(0, 30)}/auction`, http('GET', `/listings/${id}/auction`)),
        probe(
          `POST /listings/${id.slice(0, 30)}/auction`,
          form(`/listings/${id}/auction`, 'amount.amount=100&amount.currency=CNY', { Cookie: owner }),
        ),
      );
    }
    // Ids of the wrong kind of thing: an organisation's id as a listing and back.
    probes.push(
      probe('a listing id as an organisation', http('GET', `/api/v1/orgs/${listingId}`), {
        check: (a) => (a.status === 404 ? null : 'expected 404'),
      }),
      probe('an organisation id as a listing', http('GET', `/api/v1/listings/${orgId}`), {
        check: (a) => (a.status === 404 ? null : 'expected 404'),
      }),
    );
    await expectNoFailures(probes);
    await expectHealthy();
  }, 120_000);

  test('names with control or text-direction characters: a field error, nothing created', async () => {
    const names = ['Acme\u202Egnp.exe', '\u2067Acme', 'Acme\u0000', 'Acme\u001b[31m', 'Acme\r\nCorp', 'Acme\u0085'];
    const probes: Probe[] = [];
    for (const name of names) {
      const e = encodeURIComponent(name);
      probes.push(
        probe(
          `POST /signup name ${JSON.stringify(name)}`,
          form(
            '/signup',
            `name=${e}&email=hostile-name%40example.com&password=hostile-passphrase-1&organization.kind=company&organization.name.en=Fine+Co`,
          ),
          {
            check: (a) => (a.status === 400 ? null : 'expected 400'),
          },
        ),
        probe(
          `POST /signup organisation ${JSON.stringify(name)}`,
          form(
            '/signup',
            `name=Fine&email=hostile-name%40example.com&password=hostile-passphrase-1&organization.kind=company&organization.name.en=${e}`,
          ),
          {
            check: (a) => (a.status === 400 ? null : 'expected 400'),
          },
        ),
        probe(
          `POST /account/tokens name ${JSON.stringify(name)}`,
          form('/account/tokens', `intent=create&name=${e}`, { Cookie: owner }),
          {
            check: (a) => (a.status === 400 ? null : 'expected 400'),
          },
        ),
        probe(
          `POST /api/v1/tokens name ${JSON.stringify(name)}`,
          json('POST', '/api/v1/tokens', JSON.stringify({ name }), { Cookie: owner }),
          {
            check: (a) => (a.status === 400 ? null : 'expected 400'),
          },
        ),
      );
    }
    await expectNoFailures(probes);
  });

  test('uploads and downloads: malformed multipart, hostile file names and contents, wrong ids: 4xx, nothing stored', async () => {
    const boundary = 'uploadBoundaryQ3z';
    const filePart = (name: string, fileName: string, content: string, type = 'application/pdf') =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`;
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const end = `--${boundary}--\r\n`;
    const bodies: [string, string][] = [
      ['a text file named .pdf', filePart('file', 'report.pdf', 'not a pdf at all') + end],
      ['a path in the file name', filePart('file', '../../../etc/passwd', '%PDF-1.7 broken') + end],
      ['CR/LF and bidi characters in the file name', filePart('file', 'a\u202eexe.pdf', '%PDF-') + end],
      ['HTML posing as an image', filePart('file', 'x.png', '<script>alert(1)</script>', 'image/png') + end],
      ['a PDF header with nothing after it', filePart('file', 'x.pdf', '%PDF-1.4\n%%EOF') + end],
      ['an empty file', filePart('file', 'empty.pdf', '') + end],
      ['two files under one name', filePart('file', 'a.pdf', 'x') + filePart('file', 'b.pdf', 'y') + end],
      ['a file under __proto__', filePart('__proto__', 'a.pdf', 'x') + field('visibility', 'public') + end],
      ['prototype names beside a file', field('__proto__.polluted', '1') + filePart('file', 'a.pdf', 'x') + end],
      ['a bad visibility', field('visibility', 'secret') + filePart('file', 'a.pdf', 'x') + end],
      ['no closing boundary', filePart('file', 'a.pdf', 'x')],
      ['no parts', end],
      ['garbage', 'this is not multipart at all'],
    ];
    const drafts = '/listings/drafts/0123456789abcdef01234567/documents';
    const targets = [`/api/v1/listings/${listingId}/documents`, '/api/v1/listings/zzz/documents', drafts];
    const probes: Probe[] = [];
    for (const target of targets) {
      for (const cookie of [undefined, BOGUS_SESSION, owner, operator]) {
        for (const [label, body] of bodies) {
          probes.push(
            probe(
              `POST ${target} ${label}${cookie ? ' (session)' : ''}`,
              http('POST', target, {
                body,
                headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: cookie },
              }),
              { check: (a) => (a.status >= 200 && a.status < 300 ? 'accepted' : null) },
            ),
          );
        }
      }
      probes.push(
        probe(
          `POST ${target} declaring a body over the limit`,
          http('POST', target, {
            body: 'x',
            contentLength: 500 * 1024 * 1024,
            headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: owner },
          }),
          { check: (a) => (a.status === 413 ? null : 'expected 413') },
        ),
      );
    }
    const documentIds = ['zzz', '0123456789abcdef01234567', '..%2f..%2fetc%2fpasswd', '%00', 'a'.repeat(300)];
    for (const documentId of documentIds) {
      for (const base of [`/listings/${listingId}`, `/api/v1/listings/${listingId}`, '/listings/zzz']) {
        for (const cookie of [undefined, owner, operator]) {
          probes.push(
            probe(
              `GET ${base}/documents/${documentId.slice(0, 30)}`,
              http('GET', `${base}/documents/${documentId}`, {
                headers: { Cookie: cookie },
              }),
              { check: (a) => (a.status === 404 || a.status === 400 ? null : 'expected 404') },
            ),
          );
        }
      }
      probes.push(
        probe(
          `DELETE a document ${documentId.slice(0, 30)}`,
          http('DELETE', `/api/v1/listings/${listingId}/documents/${documentId}`, {
            headers: { Cookie: owner },
          }),
          { check: (a) => (a.status >= 200 && a.status < 300 ? 'accepted' : null) },
        ),
      );
    }
    for (const target of ['/api/v1/listings/zzz/nda', '/api/v1/listings/0123456789abcdef01234567/nda']) {
      for (const cookie of [undefined, BOGUS_SESSION, owner, operator]) {
        probes.push(probe(`POST ${target}`, json('POST', target, '{}', { Cookie: cookie })));
      }
    }
    // The operator never signs an NDA; nor does a bogus session, on the page or the API.
    for (const cookie of [BOGUS_SESSION, operator]) {
      probes.push(
        probe('POST the listing page intent=nda', form(`/listings/${listingId}`, 'intent=nda', { Cookie: cookie }), {
          // A bogus session is sent to log in; anything else that is not a refusal is a signature.
          check: (a) =>
            a.status === 302
              ? /\r\nLocation: \/login/i.test(a.head)
                ? null
                : 'redirected on'
              : a.status < 400
                ? 'accepted'
                : null,
        }),
        probe('POST the NDA API', json('POST', `/api/v1/listings/${listingId}/nda`, '{}', { Cookie: cookie }), {
          check: (a) => (a.status >= 200 && a.status < 300 ? 'accepted' : null),
        }),
      );
    }
    await expectNoFailures(probes);
  }, 180_000);

  test('a body shorter than its Content-Length (or never finished) ends within 12 s, without a 5xx', async () => {
    const short = [
      probe(
        'POST /login Content-Length 100, 7 bytes sent',
        http('POST', '/login', { body: 'email=x', contentLength: 100, headers: { 'Content-Type': FORM } }),
      ),
      probe(
        'POST /signup multipart, half sent',
        http('POST', '/signup', {
          body: '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nx',
          contentLength: 5000,
          headers: { 'Content-Type': 'multipart/form-data; boundary=b' },
        }),
      ),
      probe('POST /api/v1/auth/login JSON, half sent', json('POST', '/api/v1/auth/login', '{"email":', {}), {}),
      probe(
        'POST /api/v1/auth/login Content-Length 1000',
        http('POST', '/api/v1/auth/login', {
          body: '{"email":"a"',
          contentLength: 1000,
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
      probe(
        'POST /locale chunked, never finished',
        http('POST', '/locale', {
          body: '7\r\nlocale=\r\n',
          contentLength: null,
          headers: { 'Content-Type': FORM, 'Transfer-Encoding': 'chunked' },
        }),
      ),
      probe('GET / with an unsent body', http('GET', '/', { body: 'x', contentLength: 500 })),
    ].map((p) => ({ ...p, timeoutMs: 12_000 }));
    // The socket stays open (no FIN) as a stalled client's would.
    const stalled = (p: Probe) =>
      new Promise<Answer>((resolve) => {
        const started = Date.now();
        const chunks: Buffer[] = [];
        let timedOut = false;
        const socket = connect(port, '127.0.0.1', () => socket.write(p.bytes));
        const timer = setTimeout(() => {
          timedOut = true;
          socket.destroy();
        }, p.timeoutMs);
        socket.on('data', (d: Buffer) => chunks.push(d));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('latin1');
          resolve({
            status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0),
            head: text,
            body: '',
            ms: Date.now() - started,
            timedOut,
          });
        });
      });
    corpusSize += short.length;
    const answers = await Promise.all(short.map(stalled));
    const failures = answers
      .map((a, i) =>
        a.timedOut
          ? `${short[i]!.label}: still open after 12 s`
          : a.status >= 500
            ? `${short[i]!.label}: ${a.status}`
            : null,
      )
      .filter(Boolean);
    expect(failures, `${failures.join('\n')}\n${serverLogFrom(0)}`).toEqual([]);
    // The issue's case answers 408.
    expect(answers[0]!.status).toBe(408);
    await expectHealthy();
  }, 60_000);

  test('nothing in the corpus wrote to the database', async () => {
    const after = await snapshot();
    for (const name of Object.keys(BOOKKEEPING)) {
      delete before[name];
      delete after[name];
    }
    expect(after).toEqual(before);
  });
});

test('afterwards the server still answers normal pages and /healthz with 200', async () => {
  await expectHealthy();
  expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ db: 'ok', search: 'ok', payments: 'offline' });
  const page = await fetch(`${server.url}/listings/${listingId}`, { headers: { Cookie: owner } });
  expect(page.status).toBe(200);
  expect(page.headers.get('Cache-Control')).toBe('private, no-store');
  const html = await page.text();
  const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(page.headers.get('Content-Security-Policy') ?? '')?.[1];
  expect(nonce).toBeTruthy();
  // Every inline script carries this response's nonce.
  for (const [tag] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)) expect(tag).toContain(`nonce="${nonce}"`);
  expect(server.output()).not.toMatch(/"level":(50|60)/);
});
