// `--profile` of the search benchmark: V8 CPU profiles of the in-process engine
// phases and of the server under load, summarised as where the time goes: the
// functions with the most self time, and the app's own functions (build/,
// server/) with the most time including what they call.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
}

/** Runs `run` under the in-process profiler; returns its value and the summary lines. */
export async function profiled<T>(run: () => Promise<T>): Promise<{ value: T; summary: string[] }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    const value = await run();
    const { profile } = await session.post('Profiler.stop');
    return { value, summary: summarize(profile as Profile) };
  } finally {
    session.disconnect();
  }
}

/** The summary of the main thread's profile among those `node --cpu-prof` wrote into `dir` (the largest file). */
export function summarizeProfileDir(dir: string): string[] {
  const files = readdirSync(dir).map((f) => path.join(dir, f));
  if (!files.length) return ['no profile written'];
  const main = files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  return [`(${main})`, ...summarize(JSON.parse(readFileSync(main, 'utf8')) as Profile)];
}

/**
 * "name file:line". tsx compiles a module onto one line: its source map (this
 * process has one for every module it loaded) gives the line in the .ts file;
 * modules only the server loaded keep just their file name.
 */
const frameName = ({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']) => {
  const name = functionName || '(anonymous)';
  if (!url) return name;
  if (!url.startsWith('file://')) return `${name} ${url}:${lineNumber + 1}`;
  const file = path.relative(process.cwd(), new URL(url).pathname);
  if (!file.endsWith('.ts')) return `${name} ${file}:${lineNumber + 1}`;
  const entry = findSourceMap(url.replace(/\?.*$/, ''))?.findEntry(lineNumber, columnNumber);
  return entry && 'originalLine' in entry ? `${name} ${file}:${entry.originalLine + 1}` : `${name} ${file}`;
};

function summarize(profile: Profile, count = 12): string[] {
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits || node.callFrame.functionName === '(idle)') continue;
    busy += hits;
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + hits);
    // Each app function on the stack once, however deep the recursion.
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = parent.get(n.id)) {
      if (!/\/(build|server|app)\//.test(n.callFrame.url)) continue;
      const key = frameName(n.callFrame).replace(/\?v=\d+/, '');
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + hits);
      seen.add(key);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, hits]) => `  ${((100 * hits) / busy).toFixed(1).padStart(5)}%  ${name}`);
  return ['% of busy time, self:', ...top(self), '% of busy time, app functions including callees:', ...top(inclusive)];
}
