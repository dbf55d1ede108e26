import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEmbeddedDatabase, EmbeddedDatabaseUnavailable } from '../../server/db/embedded.ts';

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
