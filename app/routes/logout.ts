import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { authenticate } from '~/utils/session.server';

/** POST /logout ends this session (a GET never logs anyone out). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { sessionId } = await authenticate(request, context);
  if (sessionId) await context.auth.logout(sessionId);
  return redirect('/', { headers: { 'Set-Cookie': context.auth.blankSessionCookie() } });
}

export function loader() {
  return redirect('/');
}
