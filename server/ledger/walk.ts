import { entryAt, headHint } from './chain.ts';
import type { StoredEntry } from './record.ts';

// Walking the chain from the first entry, by `_id` look-ups in windows read in
// parallel. Measured on the embedded FerretDB at 10,000 entries (decision 006):
// an `_id` look-up takes about 1 ms whatever the size, while an `_id` range, an
// `$in` or a sort scans and decodes the whole collection each time (2.3 s per
// query), so a walk by ranges would cost a scan per window. Verifying the chain
// and the statistics page both walk it this way.

/** Look-ups in flight at once. */
const WINDOW = 32;

/** How a walk ended: at the first free slot (`entries` were read), at a gap, or because the visitor stopped it. */
export type WalkEnd = { end: 'free'; entries: number } | { end: 'gap'; seq: number } | { end: 'stopped'; seq: number };

/**
 * Hands every entry to `visit` in slot order, 1, 2, …, until the first free
 * slot. A free slot with entries after it (or one the head hint counts) is a
 * gap and ends the walk; `visit` returning `false` stops it at that entry.
 * `onProgress` hears how many slots were read.
 */
export async function walkLedger(
  visit: (entry: StoredEntry, seq: number) => boolean | void,
  { onProgress }: { onProgress?: (read: number) => void } = {},
): Promise<WalkEnd> {
  const hint = await headHint();
  for (let start = 1; ; start += WINDOW) {
    const window = await Promise.all(Array.from({ length: WINDOW }, (_, i) => entryAt(start + i)));
    for (const [i, entry] of window.entries()) {
      const seq = start + i;
      if (!entry) {
        if (seq <= hint || window.slice(i + 1).some(Boolean)) return { end: 'gap', seq };
        return { end: 'free', entries: seq - 1 };
      }
      if (visit(entry, seq) === false) return { end: 'stopped', seq };
    }
    onProgress?.(start + WINDOW - 1);
  }
}

/** A walk's answer serves requests for this long: a public endpoint must not let anyone keep the database walking. */
export const WALK_REUSE_MS = 60_000;

/** A request-time walk's answer, with when it was computed. */
export type Checked<T> = T & { checkedAt: string };

/**
 * A walk for requests: whoever asks while one runs shares its answer, and an
 * answer less than WALK_REUSE_MS old is given again (with the time it was
 * computed), so no burst of requests costs more than one walk a minute.
 * `forget` drops the last answer (tests, after changing the ledger on purpose).
 */
export function sharedWalk<T extends object>(walk: () => Promise<T>) {
  let running: Promise<Checked<T>> | null = null;
  let last: { at: number; result: Checked<T> } | null = null;
  return {
    get(now = Date.now()): Promise<Checked<T>> {
      if (last && now - last.at < WALK_REUSE_MS) return Promise.resolve(last.result);
      running ??= walk()
        .then((result) => {
          const checked = { at: Date.now(), result: { ...result, checkedAt: new Date().toISOString() } };
          last = checked;
          return checked.result;
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
    forget(): void {
      last = null;
    },
  };
}
