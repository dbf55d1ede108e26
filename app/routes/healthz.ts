import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';

/**
 * GET /healthz: 200 when every backing service answers, else 503 naming what is
 * down. A search index still being built ("warming") is reported but serves.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const status = await context.health.status();
  const down = Object.entries(status).filter(([, s]) => s === 'down');
  return json(down.length ? { ...status, down: down.map(([name]) => name) } : status, {
    status: down.length ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
}
