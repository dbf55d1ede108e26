import { readFileSync } from 'node:fs';
import { ensureBuild } from '../support/server-process.ts';

// One instance of every server module: the Remix server bundle reaches the domain
// through the load context only, so it carries none of server/'s stateful code
// (models, connection, sessions, jobs, mail, logging).

beforeAll(() => ensureBuild());

const bundle = () => readFileSync('build/index.js', 'utf8');

/** Every module the bundle imports, statically or dynamically. */
function importedModules(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s*["']([^"']+)["']/g)) found.add(match[1]!);
  for (const match of source.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g)) found.add(match[1]!);
  for (const match of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.add(match[1]!);
  return [...found].sort();
}

test('the Remix server bundle imports only UI packages, none of the domain’s', () => {
  expect(importedModules(bundle())).toEqual([
    '@hookform/resolvers/zod',
    '@remix-run/node',
    '@remix-run/react',
    'i18next',
    'isbot',
    'negotiator',
    'node:stream',
    'react',
    'react-dom/server',
    'react-hook-form',
    'react-i18next',
    'react/jsx-runtime',
    'zod',
  ]);
});

test('the Remix server bundle holds no copy of a server model, the session store or the job scheduler', () => {
  const source = bundle();
  for (const marker of ['RateLimitCounter', 'OutboxMessage', 'sessionExpiresIn', 'initialDelayMs', 'createIndexes']) {
    expect(source, marker).not.toContain(marker);
  }
});
