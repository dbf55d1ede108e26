import { Form, Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '~/root';

/**
 * Follow or unfollow a listing: a plain form (works without JavaScript) posting
 * to /listings/:id/follow, which comes back to this page. Visitors who are not
 * signed in get a link to log in first.
 */
export function FollowButton({ listingId, following }: { listingId: string; following: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const viewer = useViewer();
  const here = location.pathname + location.search;
  if (!viewer) {
    return (
      <p className="follow">
        <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('follows.loginToFollow')}</Link>
      </p>
    );
  }
  return (
    <Form method="post" action={`/listings/${listingId}/follow`} className="inline-form follow">
      <input type="hidden" name="returnTo" value={here} />
      {following ? <span>{t('follows.youFollow')}</span> : null}
      <button
        type="submit"
        name="intent"
        value={following ? 'unfollow' : 'follow'}
        className={following ? 'button button--secondary' : 'button'}
      >
        {following ? t('follows.unfollow') : t('follows.follow')}
      </button>
    </Form>
  );
}
