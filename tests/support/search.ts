import { afterAll, beforeAll } from 'vitest';
import { closeSearch, openSearch, reconcile } from '../../server/search/index.ts';
import { ENGINES } from './search-engines.ts';

/**
 * Opens the search module on an index of this file's own: Meilisearch when
 * MEILI_HOST is set, else the embedded engine. Call after useTestDatabase().
 */
export function useTestSearch(): void {
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const available = ENGINES.filter((e) => e.create);
    const created = await available.at(-1)!.create!();
    dispose = created.dispose;
    await openSearch(created.engine);
    await reconcile();
  });
  afterAll(async () => {
    await closeSearch();
    await dispose?.();
  });
}
