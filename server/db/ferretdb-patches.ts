import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Our changes to FerretDB's source (decision 005). The launcher build copies
// the pinned module out of Go's module cache, applies these replacements to the
// copy and builds against it. Each one must match exactly as often as stated:
// a FerretDB whose source differs stops the build instead of running unpatched.

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

export interface SourcePatch {
  /** Path inside the module. */
  file: string;
  find: string;
  replace: string;
  /** How often `find` occurs in FerretDB's file. */
  occurrences: number;
}

export const ferretdbPatches: SourcePatch[] = [
  // The SQLite backend queried `_id` as `_ferretdb_sjson->'$._id'` but indexes
  // it as `_ferretdb_sjson->"_id"`; SQLite uses an expression index only for
  // the same expression, so every look-up, update and delete by `_id` scanned
  // the table. Both address the same value; this one matches the index, also
  // in data directories created before the patch.
  {
    file: 'internal/backends/sqlite/metadata/metadata.go',
    find: `IDColumn = DefaultColumn + "->'$._id'"`,
    replace: `IDColumn = DefaultColumn + "->'_id'"`,
    occurrences: 1,
  },
  // It pushed `_id` equality down to SQL only when `_id` was the filter's sole
  // key, so a guarded write (`{ _id, version }`) scanned the table under the
  // write lock. Every handler filters the rows again in Go, so narrowing them by
  // `_id` first is safe (FerretDB's PostgreSQL backend does the same).
  {
    file: 'internal/backends/sqlite/collection.go',
    find: 'if params.Filter.Len() == 1 {\n\t\tv, _ := params.Filter.Get("_id")',
    replace: 'if params.Filter.Len() > 0 {\n\t\tv, _ := params.Filter.Get("_id")',
    occurrences: 2, // Query and Explain
  },
];

/** Applies the patches to the module copy in `moduleDir`; throws when FerretDB's source is not the one they were written for. */
export function applyFerretdbPatches(moduleDir: string, patches: SourcePatch[] = ferretdbPatches): void {
  for (const patch of patches) {
    const file = path.join(moduleDir, patch.file);
    const source = readFileSync(file, 'utf8');
    const found = source.split(patch.find).length - 1;
    if (found !== patch.occurrences) {
      throw new Error(
        `FerretDB's ${patch.file} has ${found} occurrence(s) of ${JSON.stringify(patch.find)} where ${patch.occurrences} were expected: its source is not the one server/db/ferretdb-patches.ts was written for.`,
      );
    }
    writeFileSync(file, source.replaceAll(patch.find, patch.replace));
  }
}

/** Copies a directory tree with writable files (Go's module cache is read-only). */
export function copyWritable(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copyWritable(source, target);
    } else {
      copyFileSync(source, target);
      chmodSync(target, 0o644);
    }
  }
}
