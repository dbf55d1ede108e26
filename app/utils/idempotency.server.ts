import type { AppLoadContext } from '@remix-run/node';
import { json } from '@remix-run/node';

/**
 * Runs a mutating API call at most once per `Idempotency-Key` header and user:
 * a repeat gets the first call's (successful) response back; without the
 * header the call simply runs. Errors thrown by `run` release the key.
 */
export async function idempotent(
  request: Request,
  context: AppLoadContext,
  userId: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get('Idempotency-Key');
  if (key === null) return run();
  const claim = await context.idempotency.claim(userId, key, `${request.method} ${new URL(request.url).pathname}`);
  if (claim.replay) {
    return json(claim.replay.body, { status: claim.replay.status, headers: { 'Idempotent-Replayed': 'true' } });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await context.idempotency.release(claim.id);
    throw error;
  }
  if (response.ok) {
    await context.idempotency.store(claim.id, { status: response.status, body: await response.clone().json() });
  } else {
    await context.idempotency.release(claim.id);
  }
  return response;
}
