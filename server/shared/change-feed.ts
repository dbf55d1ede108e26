import { logger } from '../logger.ts';

// Other modules keep copies of a record's public fields (the search index holds
// each listing and its organization's name). They subscribe to the owning
// module's feed instead of that module importing them: dependencies point one way.

type Listener = (id: string) => Promise<void>;

export function createChangeFeed(what: string) {
  const listeners: Listener[] = [];
  return {
    subscribe(listener: Listener): void {
      listeners.push(listener);
    },
    /** Tells every subscriber, before the change's response goes out; a failing copy is logged, not fatal. */
    async publish(id: string): Promise<void> {
      const results = await Promise.allSettled(listeners.map((listener) => listener(id)));
      for (const result of results) {
        if (result.status === 'rejected') logger.error({ err: result.reason, [what]: id }, `${what} copy not updated`);
      }
    },
  };
}
