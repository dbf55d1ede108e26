import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { logout } from '~/services/auth.server';
import { authenticate, blankSessionCookie } from '~/utils/session.server';

/** POST /logout ends this session (a GET never logs anyone out). */
export async function action({ request }: ActionFunctionArgs) {
  const { sessionId } = await authenticate(request);
  if (sessionId) await logout(sessionId);
  return redirect('/', { headers: { 'Set-Cookie': blankSessionCookie() } });
}

export function loader() {
  return redirect('/');
}
