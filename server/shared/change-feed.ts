import { logger } from '../logger.ts';

// Other modules keep copies of a record's public fields (the search index holds
// each listing and its organization's name). They subscribe to the owning
// module's feed instead of that module importing them: dependencies point one way.

type Listener<T> = (change: T) => Promise<void>;

/** A feed of changes: a record's id by default, or an event describing the change. */
export function createChangeFeed<T = string>(what: string) {
  const listeners: Listener<T>[] = [];
  return {
    subscribe(listener: Listener<T>): void {
      listeners.push(listener);
    },
    /** Tells every subscriber, before the change's response goes out; a failing copy is logged, not fatal. */
    async publish(change: T): Promise<void> {
      const results = await Promise.allSettled(listeners.map((listener) => listener(change)));
      for (const result of results) {
        if (result.status === 'rejected')
          logger.error({ err: result.reason, [what]: change }, `${what} copy not updated`);
      }
    },
  };
}
