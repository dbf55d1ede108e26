import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { EmbeddedEngine } from '../../server/search/embedded/engine.ts';
import type { SearchEngine } from '../../server/search/engine.ts';
import { MeilisearchEngine } from '../../server/search/meilisearch.ts';

// The engines a test run can reach: the embedded one always, Meilisearch when
// MEILI_HOST (and MEILI_API_KEY) point at a server. Each gets an index of its own.

export interface EngineUnderTest {
  name: 'embedded' | 'meilisearch';
  /** Null when the engine is not configured on this machine (its tests are reported as skipped). */
  create: (() => Promise<{ engine: SearchEngine; dispose: () => Promise<void> }>) | null;
}

export const meiliHost = process.env.MEILI_HOST?.trim() || undefined;

export const ENGINES: EngineUnderTest[] = [
  {
    name: 'embedded',
    create: async () => {
      const engine = new EmbeddedEngine();
      await engine.open();
      return { engine, dispose: () => engine.close() };
    },
  },
  {
    name: 'meilisearch',
    create: meiliHost
      ? async () => {
          const indexUid = `test_${randomBytes(6).toString('hex')}`;
          const apiKey = process.env.MEILI_API_KEY;
          const engine = new MeilisearchEngine({ host: meiliHost, apiKey, indexUid });
          await engine.open();
          const dispose = async () => {
            await new Meilisearch({ host: meiliHost, apiKey }).deleteIndex(indexUid).waitTask();
          };
          return { engine, dispose };
        }
      : null,
  },
];
