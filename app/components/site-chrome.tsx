import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '~/i18n';
import { NotificationBell } from '~/components/notification-bell';
import { useViewer } from '~/root';

export function SiteHeader({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const viewer = useViewer();
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="brand" aria-label={t('meta.siteName')}>
          <span className="brand__mark" aria-hidden="true">
            MIX
          </span>
          <span className="brand__name">{t('meta.siteName')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="site-nav">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/listings" end>
            {t('nav.listings')}
          </NavLink>
          {viewer?.mayCreateListings ? <NavLink to="/listings/new">{t('nav.newListing')}</NavLink> : null}
          {viewer?.mayReviewOrganizations ? <NavLink to="/operator/organizations">{t('nav.orgQueue')}</NavLink> : null}
          {viewer?.mayReviewListings ? <NavLink to="/operator/listings">{t('nav.listingQueue')}</NavLink> : null}
          {viewer?.mayConfirmPayments ? <NavLink to="/operator/deals">{t('nav.dealQueue')}</NavLink> : null}
          {viewer?.mayManagePayments ? <NavLink to="/operator/payments">{t('payments.nav')}</NavLink> : null}
          {viewer?.mayReadOutbox ? <NavLink to="/operator/outbox">{t('nav.outbox')}</NavLink> : null}
        </nav>
        <div className="site-header__actions">
          {viewer ? (
            <>
              <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
              <NavLink to="/inquiries">{t('inquiries.nav')}</NavLink>
              <NavLink to="/offers">{t('offers.nav')}</NavLink>
              <NotificationBell unread={viewer.unreadNotifications} />
              <NavLink to="/account">{t('nav.account')}</NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t('nav.logout')}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login">{t('nav.login')}</NavLink>
              <NavLink to="/signup">{t('nav.signup')}</NavLink>
            </>
          )}
          <Form method="post" action="/locale" className="locale-switch" reloadDocument>
            <input type="hidden" name="locale" value={other} />
            <input type="hidden" name="returnTo" value={location.pathname + location.search} />
            <button type="submit" lang={other} aria-label={t('nav.switchLabel')}>
              {t('nav.switchTo')}
            </button>
          </Form>
        </div>
      </div>
    </header>
  );
}

/** Until the e-mail address is confirmed, every page asks for it. */
export function EmailBanner() {
  const viewer = useViewer();
  const { t } = useTranslation();
  if (!viewer || viewer.emailVerified) return null;
  return (
    <div className="banner" role="status">
      <p>{t('banner.verifyEmail')}</p>
      <Form method="post" action="/verify-email">
        <button type="submit" className="link-button">
          {t('banner.resend')}
        </button>
      </Form>
    </div>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t('footer.about')}</p>
      <p>
        <Link to="/ledger">{t('ledger.nav')}</Link> · <Link to="/stats">{t('stats.nav')}</Link> ·{' '}
        <Link to="/notices">{t('nav.notices')}</Link> · <a href="/api/v1/listings">{t('footer.api')}</a>
      </p>
    </footer>
  );
}
