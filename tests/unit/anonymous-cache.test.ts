import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express from 'express';
import { anonymousCache } from '../../server/http/anonymous-cache.ts';

// The micro-cache in front of Remix, on a real Express server and mounted as
// server/main.ts mounts it around compression: a handler that counts its calls
// stands for the page, and writes the nonce the way Remix does.

let url: string;
let server: ReturnType<express.Express['listen']>;
let rendered = 0;
let generation = 1;

beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${res.locals.cspNonce}'`);
    next();
  });
  const cache = anonymousCache({
    paths: ['/page', '/teapot', '/cookie'],
    sessionCookieName: 'sid',
    generation: () => generation,
    ttlMs: 300,
  });
  app.use(cache.serve);
  app.use(compression({ threshold: 0 }));
  app.use(cache.record);
  app.get('/page', (req, res) => {
    rendered++;
    res.type('html');
    res.write(`<p>${req.headers['accept-language'] ?? ''} ${req.originalUrl} #${rendered}</p>`);
    res.end(`<script nonce="${res.locals.cspNonce}"></script>`);
  });
  app.get('/teapot', (_req, res) => void res.status(418).send(`teapot ${++rendered}`));
  app.get('/cookie', (_req, res) => void res.cookie('flash', 'x').send(`cookie ${++rendered}`));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url + path, { headers });
  const body = await response.text();
  const nonce = /script-src 'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  return { response, body, nonce, cache: response.headers.get('x-cache') };
};

test('a repeated anonymous request is answered from the cache, with its own nonce in body and header', async () => {
  const first = await get('/page?q=1');
  const second = await get('/page?q=1');
  expect([first.cache, second.cache]).toEqual(['MISS', 'HIT']);
  expect(second.body.replace(second.nonce!, 'N')).toBe(first.body.replace(first.nonce!, 'N'));
  expect(second.nonce).not.toBe(first.nonce);
  expect(second.body).toContain(`nonce="${second.nonce}"`);
});

test('compressed answers stay compressed and readable when served from the cache', async () => {
  await get('/page?q=gzip', { 'Accept-Encoding': 'gzip' });
  const hit = await get('/page?q=gzip', { 'Accept-Encoding': 'gzip' });
  expect(hit.cache).toBe('HIT');
  expect(hit.response.headers.get('content-encoding')).toBe('gzip');
  expect(hit.body).toMatch(/^<p>\S* \/page\?q=gzip #\d+<\/p>/);
});

test('a request with a session cookie or an Authorization header is neither served from nor stored in the cache', async () => {
  await get('/page?q=2');
  expect((await get('/page?q=2', { Cookie: 'sid=abc' })).cache).toBeNull();
  expect((await get('/page?q=2', { Authorization: 'Bearer x' })).cache).toBeNull();
  expect((await get('/page?q=3', { Cookie: 'other=1; sid=abc' })).cache).toBeNull();
  expect((await get('/page?q=3')).cache).toBe('MISS');
});

test('the language is part of the key: the locale cookie and Accept-Language', async () => {
  await get('/page?q=4', { 'Accept-Language': 'en' });
  expect((await get('/page?q=4', { 'Accept-Language': 'zh-CN' })).cache).toBe('MISS');
  expect((await get('/page?q=4', { 'Accept-Language': 'en', Cookie: 'locale=zh-CN' })).cache).toBe('MISS');
  expect((await get('/page?q=4', { 'Accept-Language': 'en' })).cache).toBe('HIT');
});

test('answers other than 200, or that set a cookie, are not stored', async () => {
  const before = rendered;
  await get('/teapot');
  await get('/teapot');
  await get('/cookie');
  await get('/cookie');
  expect(rendered - before).toBe(4);
});

test('a new generation (the search index changed) or the end of the TTL empties it', async () => {
  await get('/page?q=5');
  generation++;
  expect((await get('/page?q=5')).cache).toBe('MISS');
  expect((await get('/page?q=5')).cache).toBe('HIT');
  await new Promise((resolve) => setTimeout(resolve, 350));
  expect((await get('/page?q=5')).cache).toBe('MISS');
});

test('a request asking for a fresh answer (Cache-Control: no-cache) is rendered again', async () => {
  await get('/page?q=7');
  expect((await get('/page?q=7', { 'Cache-Control': 'no-cache' })).cache).toBe('MISS');
  expect((await get('/page?q=7', { Pragma: 'no-cache' })).cache).toBe('MISS');
  expect((await get('/page?q=7')).cache).toBe('HIT');
});

test('paths not listed and methods other than GET pass through', async () => {
  const post = await fetch(`${url}/page?q=6`, { method: 'POST' });
  expect(post.headers.get('x-cache')).toBeNull();
});

test('a GET carrying a body is left to the handlers behind (a cached answer would leave the body unread)', async () => {
  await get('/page?q=8');
  const cacheHeader = await new Promise<string | undefined>((resolve, reject) => {
    const request = http.request(`${url}/page?q=8`, { method: 'GET', headers: { 'Content-Length': '3' } }, (res) => {
      res.resume();
      resolve(res.headers['x-cache'] as string | undefined);
    });
    request.on('error', reject);
    request.end('abc');
  });
  expect(cacheHeader).toBeUndefined();
});

test('an uncompressed hit announces the length of the body it sends', async () => {
  const identity = { 'Accept-Encoding': 'identity' };
  await get('/page?q=9', identity);
  const hit = await get('/page?q=9', identity);
  expect(hit.cache).toBe('HIT');
  expect(Number(hit.response.headers.get('content-length'))).toBe(Buffer.byteLength(hit.body));
});

/** The raw bytes of an answer, as sent (no client-side decoding). */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

test('a gzip client gets a hit gzip-encoded: valid gzip (length and checksum) of the page with its own nonce', async () => {
  const miss = await rawGet('/page?q=10', { 'Accept-Encoding': 'gzip' });
  const hit = await rawGet('/page?q=10', { 'Accept-Encoding': 'gzip, deflate, br' });
  expect([miss.headers['x-cache'], hit.headers['x-cache']]).toEqual(['MISS', 'HIT']);
  expect(hit.headers['content-encoding']).toBe('gzip');
  expect(hit.headers.vary).toMatch(/accept-encoding/i);
  expect(Number(hit.headers['content-length'])).toBe(hit.body.length);
  const nonceOf = (headers: http.IncomingHttpHeaders) =>
    /'nonce-([^']+)'/.exec(String(headers['content-security-policy']))![1]!;
  const [missText, hitText] = [gunzipSync(miss.body).toString(), gunzipSync(hit.body).toString()];
  expect(hitText).toBe(missText.replace(nonceOf(miss.headers), nonceOf(hit.headers)));
  expect(hitText).toContain(`nonce="${nonceOf(hit.headers)}"`);
});

test('a client that accepts only identity gets the hit unencoded', async () => {
  await rawGet('/page?q=11', { 'Accept-Encoding': 'gzip' });
  const hit = await rawGet('/page?q=11', { 'Accept-Encoding': 'identity' });
  expect(hit.headers['x-cache']).toBe('HIT');
  expect(hit.headers['content-encoding']).toBeUndefined();
  expect(hit.body.toString()).toMatch(/^<p>.*<\/script>$/);
});
