import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '~/i18n';

export function SiteHeader({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
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
          <NavLink to="/listings">{t('nav.listings')}</NavLink>
        </nav>
        <Form method="post" action="/locale" className="locale-switch" reloadDocument>
          <input type="hidden" name="locale" value={other} />
          <input type="hidden" name="returnTo" value={location.pathname + location.search} />
          <button type="submit" lang={other} aria-label={t('nav.switchLabel')}>
            {t('nav.switchTo')}
          </button>
        </Form>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t('footer.about')}</p>
      <p>
        <a href="/api/v1/listings">{t('footer.api')}</a>
      </p>
    </footer>
  );
}
