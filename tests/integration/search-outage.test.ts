import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Meilisearch } from 'meilisearch';
import { loader as healthLoader } from '../../app/routes/healthz.ts';
import {
  closeSearch,
  openSearch,
  reconcile,
  replayPending,
  searchListings,
  searchQuery,
  syncListing,
} from '../../server/search/index.ts';
import { MeilisearchEngine } from '../../server/search/meilisearch.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { call } from '../support/requests.ts';
import { meiliHost } from '../support/search-engines.ts';

// When Meilisearch is down, pages still answer (with a notice), /healthz says
// so, and index updates wait in a queue that is replayed once it is back.

useTestDatabase();
afterAll(() => closeSearch());

const search = (q: string) => searchListings(null, searchQuery.parse({ q }));

/** A port on which nothing listens: connections are refused, as when the server is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('with the engine unreachable, search answers "unavailable" and /healthz 503', async () => {
  await openSearch(new MeilisearchEngine({ host: `http://127.0.0.1:${await closedPort()}`, indexUid: 'x' }));
  expect(await search('catheter')).toMatchObject({ hits: [], total: 0, notice: 'unavailable' });
  const health = await call(healthLoader, '/healthz');
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ db: 'ok', search: 'down', down: ['search'] });
});

/** A TCP relay to the real Meilisearch that can be cut and restored, on a fixed port. */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  return {
    async start(port = 0): Promise<number> {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 80), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1');
      await new Promise((resolve) => server!.once('listening', resolve));
      return (server.address() as net.AddressInfo).port;
    },
    async stop(): Promise<void> {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server?.close(resolve));
    },
  };
}

describe.skipIf(!meiliHost)('Meilisearch outage (needs MEILI_HOST)', () => {
  test('updates made while it is down are queued and replayed when it returns', async () => {
    const apiKey = process.env.MEILI_API_KEY;
    const indexUid = `test_${randomBytes(6).toString('hex')}`;
    const cut = relay(new URL(meiliHost!));
    const port = await cut.start();
    try {
      await openSearch(new MeilisearchEngine({ host: `http://127.0.0.1:${port}`, apiKey, indexUid, timeoutMs: 2000 }));
      await reconcile();
      const org = await createOrganization();

      await cut.stop();
      const listing = await createListing(org._id, { title: { en: 'Queued phonocardiograph' } });
      await syncListing(String(listing._id)); // does not throw: the update waits
      expect((await search('phonocardiograph')).notice).toBe('unavailable');

      await cut.start(port);
      expect(await replayPending()).toBe(1);
      expect((await search('phonocardiograph')).hits.map((h) => h.id)).toEqual([String(listing._id)]);
    } finally {
      await cut.stop();
      await new Meilisearch({ host: meiliHost!, apiKey }).deleteIndex(indexUid).waitTask();
    }
  });
});
