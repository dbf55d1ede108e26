// Load generation for the search benchmark: keep-alive HTTP clients, a fixed
// list of requests at a given concurrency, or one page for a given time. Each
// concurrent client is one connection, as browsers and proxies hold them.
import http from 'node:http';

export interface Answer {
  status: number;
  /** The body's bytes, joined on demand (joining every page would cost the client as much as the bare server). */
  body: () => Buffer;
}

export interface HttpClient {
  get(path: string): Promise<Answer>;
  close(): Promise<void>;
}

/**
 * undici (what Remix's fetch runs on) when it can be imported: less client CPU on a 2-core machine.
 * `headers` go with every request (`Cache-Control: no-cache` measures the server without its micro-cache).
 */
export async function httpClient(
  origin: string,
  connections: number,
  headers: Record<string, string> = {},
): Promise<HttpClient> {
  const undici = await import('undici').catch(() => null);
  if (!undici) return nodeHttpClient(origin, connections, headers);
  const pool = new undici.Pool(origin, { connections, pipelining: 1 });
  return {
    async get(path) {
      const res = await pool.request({ path, method: 'GET', headers });
      const chunks: Buffer[] = [];
      for await (const chunk of res.body) chunks.push(chunk as Buffer);
      return { status: res.statusCode, body: () => Buffer.concat(chunks) };
    },
    close: () => pool.close(),
  };
}

function nodeHttpClient(origin: string, connections: number, headers: Record<string, string>): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(origin);
  return {
    get: (path) =>
      new Promise((resolve, reject) => {
        http
          .get({ agent, hostname, port, path, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: () => Buffer.concat(chunks) }));
            res.on('error', reject);
          })
          .on('error', reject);
      }),
    close: async () => agent.destroy(),
  };
}

export interface LoadResult {
  /** Milliseconds per successful (200) request. */
  latencies: number[];
  /** Answers other than 200, and failed connections. */
  errors: number;
  elapsedMs: number;
  /** Successful requests per second. */
  throughput: number;
}

interface Tally {
  latencies: number[];
  errors: number;
}

async function timedGet(client: HttpClient, path: string, tally: Tally): Promise<Answer | null> {
  const started = performance.now();
  const answer = await client.get(path).catch(() => null);
  if (answer?.status === 200) tally.latencies.push(performance.now() - started);
  else tally.errors++;
  return answer;
}

function result(tally: Tally, started: number): LoadResult {
  const elapsedMs = performance.now() - started;
  return { ...tally, elapsedMs, throughput: (tally.latencies.length * 1000) / elapsedMs };
}

/** Every path once, `concurrency` at a time; `onAnswer` sees each answer with its path's index. */
export async function runList(
  client: HttpClient,
  paths: readonly string[],
  concurrency: number,
  onAnswer?: (index: number, answer: Answer | null) => void,
): Promise<LoadResult> {
  const tally: Tally = { latencies: [], errors: 0 };
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      const answer = await timedGet(client, paths[index]!, tally); // not inside onAnswer?.(…): that would skip it
      onAnswer?.(index, answer);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result(tally, started);
}

/** `path` again and again from `concurrency` clients for `ms` milliseconds. */
export async function runFor(client: HttpClient, path: string, concurrency: number, ms: number): Promise<LoadResult> {
  const tally: Tally = { latencies: [], errors: 0 };
  const started = performance.now();
  const deadline = started + ms;
  const worker = async () => {
    while (performance.now() < deadline) await timedGet(client, path, tally);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result(tally, started);
}

/** Nearest-rank percentile (p in 0…100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
