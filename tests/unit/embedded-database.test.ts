import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEmbeddedDatabase, EmbeddedDatabaseUnavailable } from '../../server/db/embedded.ts';
import { applyFerretdbPatches } from '../../server/db/ferretdb-patches.ts';

test('without Go and without a built binary, the embedded database explains itself in one sentence', () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'medip-no-go-'));
  try {
    expect(() => buildEmbeddedDatabase({ cacheDir, go: 'go-is-not-installed-here' })).toThrow(
      EmbeddedDatabaseUnavailable,
    );
    expect(() => buildEmbeddedDatabase({ cacheDir, go: 'go-is-not-installed-here' })).toThrow(
      'The embedded database needs the Go toolchain (1.22 or newer, https://go.dev/dl/) to build once: install Go, or set MONGODB_URI to a MongoDB server.',
    );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a FerretDB source the patches were not written for stops the build', () => {
  const moduleDir = mkdtempSync(path.join(tmpdir(), 'medip-ferretdb-source-'));
  try {
    const file = path.join(moduleDir, 'metadata.go');
    writeFileSync(file, 'const IDColumn = DefaultColumn + "->\'_id\'"\n');
    const patch = {
      file: 'metadata.go',
      find: 'IDColumn = DefaultColumn + "->\'$._id\'"',
      replace: '',
      occurrences: 1,
    };

    expect(() => applyFerretdbPatches(moduleDir, [patch])).toThrow(
      `FerretDB's metadata.go has 0 occurrence(s) of "IDColumn = DefaultColumn + \\"->'$._id'\\"" where 1 were expected`,
    );
    writeFileSync(file, `${patch.find}\n${patch.find}\n`);
    expect(() => applyFerretdbPatches(moduleDir, [patch])).toThrow("FerretDB's metadata.go has 2 occurrence(s)");
  } finally {
    rmSync(moduleDir, { recursive: true, force: true });
  }
});
