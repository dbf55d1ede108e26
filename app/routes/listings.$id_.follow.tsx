import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormError } from '~/components/forms';
import { formHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { safeRedirect } from '~/utils/safe-redirect';
import { requireUser } from '~/utils/session.server';
import { parseInput, readForm } from '~/utils/validation.server';

// The follow button's form target (app/components/follow-button.tsx): follows or
// unfollows, then goes back to the page the button was on. A refusal (an
// unknown listing, too many follows) renders here with a way back.

const followForm = z.object({
  intent: z.enum(['follow', 'unfollow']),
  returnTo: z.string().max(2048).optional(),
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'follows.title');

const listingPath = (id: string) => `/listings/${encodeURIComponent(id)}`;

/** Nothing to show on a GET (a log-in that came back here, a typed URL): the listing itself. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(listingPath(params.id ?? ''));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(request, async () => {
    const id = params.id ?? '';
    const { intent, returnTo } = parseInput(followForm, await readForm(request), await getLocale(request));
    if (intent === 'follow') await context.follows.follow(actor, id);
    else await context.follows.unfollow(actor, id);
    return redirect(safeRedirect(returnTo, listingPath(id)));
  });
}

export default function FollowRefused() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <div className="auth">
      <h1>{t('follows.title')}</h1>
      <FormError />
      <p>
        <Link to={listingPath(id)}>{t('follows.backToListing')}</Link> ·{' '}
        <Link to="/dashboard">{t('nav.dashboard')}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
