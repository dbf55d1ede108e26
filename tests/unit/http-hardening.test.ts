import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import express from 'express';
import {
  allowedMethods,
  bodyPolicy,
  isValidHost,
  originFormTarget,
  tolerantCookieHeader,
  tolerantCookies,
  validHost,
} from '../../server/http/request-hygiene.ts';
import { sameOriginGuard } from '../../server/http/same-origin.ts';
import { cspNonce, noStoreForCredentials, securityHeaders } from '../../server/http/security-headers.ts';

/** An app with the middleware stack of server/main.ts and an echo route behind it. */
async function start(https = false) {
  const app = express();
  app.set('trust proxy', 'loopback');
  app.use(cspNonce());
  app.use(securityHeaders({ https, development: false }));
  app.use(allowedMethods());
  app.use(originFormTarget());
  app.use(validHost());
  app.use(tolerantCookies());
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  app.use(noStoreForCredentials('medip_session'));
  app.use(bodyPolicy({ maxBytes: 4096, baseMs: 300, minBytesPerSecond: 1_000_000 }));
  app.use(sameOriginGuard('medip_session'));
  app.all('*', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.set('Cache-Control', 'public, max-age=600');
      res.json({
        nonce: res.locals.cspNonce,
        origin: req.headers.origin ?? null,
        cookie: req.headers.cookie ?? null,
        body: Buffer.concat(chunks).toString(),
      });
    });
  });
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let server: Server;
let base: string;
beforeAll(async () => ({ server, base } = await start()));
afterAll(() => server.close());

/** One raw HTTP/1.1 exchange: whatever bytes we like, the whole answer back. */
function raw(text: string, { endAfterMs = 5_000 } = {}): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
    setTimeout(() => socket.destroy(), endAfterMs);
  });
}

describe('Host headers', () => {
  test.each(['localhost', 'localhost:3000', 'medip.example.com', '127.0.0.1:80', '[::1]', '[::1]:3000', 'my_app:3000'])(
    '%s is valid',
    (host) => expect(isValidHost(host)).toBe(true),
  );
  test.each([
    '[::1',
    '::1]',
    'a b',
    'a/b',
    'a@b',
    'host:99999',
    'host:',
    'host:x',
    '',
    'a'.repeat(300),
    'ex%41mple',
    'a\u0000b',
  ])('%j is refused', (host) => expect(isValidHost(host)).toBe(false));
  test('a request with Host: [::1 gets a 400', async () => {
    expect(await raw('GET / HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
  });
  test('a bad X-Forwarded-Host or -Proto from the (trusted) loopback proxy gets a 400', async () => {
    expect((await fetch(`${base}/`, { headers: { 'X-Forwarded-Host': '[::1' } })).status).toBe(400);
    expect((await fetch(`${base}/`, { headers: { 'X-Forwarded-Proto': 'javascript' } })).status).toBe(400);
    expect(
      (await fetch(`${base}/`, { headers: { 'X-Forwarded-Host': 'medip.example.com', 'X-Forwarded-Proto': 'https' } }))
        .status,
    ).toBe(200);
  });
});

test('unknown methods get a 405 with Allow', async () => {
  for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'LOCK', 'SEARCH', 'PURGE']) {
    const answer = await raw(`${method} / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    expect(answer, method).toMatch(/^HTTP\/1\.1 405/);
    expect(answer, method).toMatch(/\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n/i);
  }
  // Node's parser itself answers methods it does not know with a 400.
  expect(await raw('FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
});

describe('cookies', () => {
  test.each([
    ['other=%', ''],
    ['a=1; other=%; b=2', 'a=1; b=2'],
    ['medip_session=%zz; locale=%22en%22', 'locale=%22en%22'],
    ['%=1; a=2', 'a=2'],
    ['a=1;b=2', 'a=1; b=2'],
    ['=x; a=1', 'a=1'],
  ])('%j becomes %j', (header, clean) => expect(tolerantCookieHeader(header)).toBe(clean));
  test('a clean header is left alone', () => expect(tolerantCookieHeader('a=1; locale=%22en%22')).toBeNull());
  test('the app sees only decodable pairs', async () => {
    const seen = await (await fetch(`${base}/`, { headers: { Cookie: 'other=%; locale=%22en%22' } })).json();
    expect(seen.cookie).toBe('locale=%22en%22');
    const none = await (await fetch(`${base}/`, { headers: { Cookie: 'other=%' } })).json();
    expect(none.cookie).toBeNull();
  });
});

describe('security headers', () => {
  test('a CSP with a fresh nonce per response and the lockdown directives', async () => {
    const [a, b] = await Promise.all([fetch(`${base}/`), fetch(`${base}/`)]);
    const csp = a.headers.get('content-security-policy')!;
    const { nonce } = await a.json();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect((await b.json()).nonce).not.toBe(nonce);
  });
  test('Referrer-Policy lets same-origin posts carry their Origin', async () => {
    expect((await fetch(`${base}/`)).headers.get('referrer-policy')).toBe('same-origin');
  });
  test('HSTS only when the site is https', async () => {
    expect((await fetch(`${base}/`)).headers.get('strict-transport-security')).toBeNull();
    const https = await start(true);
    try {
      const answer = await fetch(`${https.base}/`);
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(answer.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      https.server.close();
    }
  });
  test('refusals carry the headers too', async () => {
    const answer = await raw('TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/\r\nContent-Security-Policy: /i);
  });
});

describe('Cache-Control', () => {
  test('anonymous answers keep the route’s caching', async () => {
    expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe('public, max-age=600');
    expect((await fetch(`${base}/`, { headers: { Cookie: 'locale=%22en%22' } })).headers.get('cache-control')).toBe(
      'public, max-age=600',
    );
  });
  test('answers to a session cookie or an Authorization header are private, no-store', async () => {
    const credentials: Record<string, string>[] = [
      { Cookie: 'locale=x; medip_session=abc' },
      { Authorization: 'Bearer mix_abc' },
    ];
    for (const headers of credentials) {
      expect((await fetch(`${base}/account`, { headers })).headers.get('cache-control')).toBe('private, no-store');
    }
  });
});

describe('Origin: null (a form posted without JavaScript under a strict referrer policy)', () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${base}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: 'a=1',
    });

  test('same-origin by Sec-Fetch-Site: passes, and Remix never sees the null Origin', async () => {
    const answer = await post({ Origin: 'null', 'Sec-Fetch-Site': 'same-origin', Cookie: 'medip_session=abc' });
    expect(answer.status).toBe(200);
    expect((await answer.json()).origin).toBeNull();
  });
  test('cross-site by Sec-Fetch-Site with our cookie: 403', async () => {
    expect((await post({ Origin: 'null', 'Sec-Fetch-Site': 'cross-site', Cookie: 'medip_session=abc' })).status).toBe(
      403,
    );
  });
  test('a matching Origin is passed on untouched', async () => {
    const host = new URL(base).host;
    const answer = await post({ Origin: base, Cookie: 'medip_session=abc' });
    expect(answer.status).toBe(200);
    expect((await answer.json()).origin).toBe(`http://${host}`);
  });
  test('an unparsable Origin is refused', async () => {
    expect((await post({ Origin: 'not a url' })).status).toBe(403);
  });
  test('a bearer request to the API from elsewhere passes without its Origin', async () => {
    const answer = await fetch(`${base}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', Authorization: 'Bearer mix_x' },
      body: '{}',
    });
    expect(answer.status).toBe(200);
    expect((await answer.json()).origin).toBeNull();
  });
});

describe('bodies that never finish arriving', () => {
  test('a body shorter than its Content-Length gets a 408 and the connection closed', async () => {
    const started = Date.now();
    const answer = await raw(
      'POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=a',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
  test('a body declared larger than the limit is refused with a 413 before it is read', async () => {
    const answer = await raw(
      'POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\nabc',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
  });
  test('a chunked body is refused with a 411: its size is not declared', async () => {
    const answer = await raw(
      'POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 411/);
  });
  test('a body that stalls after its first bytes is cut off with a 408 after the grace period', async () => {
    const started = Date.now();
    const answer = await raw(
      'POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 4000\r\n\r\nabc',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
  test('a complete body is read as usual', async () => {
    const answer = await fetch(`${base}/x`, {
      method: 'POST',
      body: 'email=a',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect((await answer.json()).body).toBe('email=a');
  });
  test('a GET answers without waiting for a body', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${base}/`, (res) => {
        expect(res.statusCode).toBe(200);
        res.resume();
        resolve();
      });
      req.on('error', reject);
      req.end();
    });
  });
});

describe('request targets', () => {
  test('absolute-form targets are a 400; OPTIONS (* or a path) a 204 with Allow', async () => {
    expect(await raw('GET http://evil.example/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 400/,
    );
    for (const target of ['*', '/login']) {
      const answer = await raw(`OPTIONS ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      expect(answer, target).toMatch(/^HTTP\/1\.1 204/);
      expect(answer, target).toMatch(/\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n/i);
    }
  });
  test('a path that does not percent-decode is a 400', async () => {
    for (const target of ['/%', '/listings/%E0%A4%A', '/%zz?x=1']) {
      expect(await raw(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`), target).toMatch(
        /^HTTP\/1\.1 400/,
      );
    }
    // The query string is the route's to read.
    expect((await fetch(`${base}/x?q=%`)).status).toBe(200);
  });
});
