import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The repository documents itself: a clone has no folder beside it to point at.

const root = path.resolve(__dirname, '../..');

function markdownFiles(): string[] {
  const docs = readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join(root, 'docs', file));
  return [path.join(root, 'README.md'), ...docs];
}

/** Relative link targets of a markdown file, without their #fragment. */
function relativeLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!.split('#')[0]!)
    .filter((target) => target && !/^[a-z]+:/i.test(target));
}

test('every relative link in README and docs/ resolves to a file inside the repository', () => {
  const broken: string[] = [];
  for (const file of markdownFiles()) {
    for (const target of relativeLinks(file)) {
      const resolved = path.resolve(path.dirname(file), target);
      if (!resolved.startsWith(root + path.sep) || !existsSync(resolved)) {
        broken.push(`${path.relative(root, file)} → ${target}`);
      }
    }
  }
  expect(broken).toEqual([]);
});

test('no document names the design folder outside the repository', () => {
  const outside = markdownFiles().filter((file) => /\.\.\/shared\/|shared\/design/.test(readFileSync(file, 'utf8')));
  expect(outside.map((file) => path.relative(root, file))).toEqual([]);
});
