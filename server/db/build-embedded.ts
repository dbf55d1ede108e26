// Run by `npm ci` (postinstall): builds the embedded database ahead of the
// first start. Never fails the install: with MONGODB_URI, Go is not needed.
import { buildEmbeddedDatabase, EmbeddedDatabaseUnavailable } from './embedded.ts';

try {
  const binary = buildEmbeddedDatabase({ log: (line) => console.log(`[medip] ${line}`) });
  console.log(`[medip] embedded database ready: ${binary}`);
} catch (error) {
  if (!(error instanceof EmbeddedDatabaseUnavailable)) throw error;
  console.warn(`[medip] ${error.message}`);
}
