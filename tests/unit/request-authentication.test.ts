import type { AppLoadContext } from '@remix-run/node';
import { authenticate } from '../../app/utils/session.server.ts';

// Remix gives every loader of a page its own copy of the Request (without the
// `index` parameter) and one load context per HTTP request.

function contextCountingLookups() {
  const context = {
    auth: {
      authenticate: async () => {
        context.lookups++;
        return { actor: null, userId: null };
      },
    },
    lookups: 0,
  };
  return context;
}

const copyOf = (request: Request) => new Request(request.url, { method: request.method, headers: request.headers });

test('the loaders of one page read share one authentication: one session look-up per request', async () => {
  const context = contextCountingLookups();
  const request = new Request('http://localhost/listings?index', { headers: { Cookie: 'auth_session=abc' } });
  await Promise.all(
    [request, copyOf(request), copyOf(request)].map((r) => authenticate(r, context as unknown as AppLoadContext)),
  );
  expect(context.lookups).toBe(1);
});

test('two requests are authenticated separately', async () => {
  const first = contextCountingLookups();
  const second = contextCountingLookups();
  await authenticate(new Request('http://localhost/'), first as unknown as AppLoadContext);
  await authenticate(new Request('http://localhost/'), second as unknown as AppLoadContext);
  expect([first.lookups, second.lookups]).toEqual([1, 1]);
});

test("after a post's action (which may sign in or out) each loader looks again", async () => {
  const context = contextCountingLookups();
  const post = new Request('http://localhost/account', { method: 'POST', headers: { Cookie: 'auth_session=abc' } });
  await authenticate(post, context as unknown as AppLoadContext);
  await authenticate(copyOf(post), context as unknown as AppLoadContext);
  expect(context.lookups).toBe(2);
});
