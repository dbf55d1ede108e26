import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Links, LiveReload, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { EmailBanner, SiteFooter, SiteHeader } from '~/components/site-chrome';
import { createI18n, DEFAULT_LOCALE, type Locale } from '~/i18n';
import styles from '~/styles/app.css';
import { getLocale } from '~/utils/locale.server';
import { useNonce } from '~/utils/nonce';
import { authenticate } from '~/utils/session.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [locale, auth] = await Promise.all([getLocale(request), authenticate(request, context)]);
  const { can } = context.auth;
  const viewer = auth.userId
    ? {
        emailVerified: auth.emailVerified,
        mayReviewOrganizations: can(auth.actor, { action: 'org:review' }),
        mayReviewListings: can(auth.actor, { action: 'listing:review' }),
        mayCreateListings: can(auth.actor, { action: 'listing:create' }),
        mayReadOutbox: can(auth.actor, { action: 'outbox:read' }),
        mayConfirmPayments: can(auth.actor, { action: 'deal:confirm_payment' }),
        mayManagePayments: can(auth.actor, { action: 'payment:manage' }),
        // The header's bell: one read by the user's id, for signed-in visitors only.
        unreadNotifications: auth.actor ? await context.notifications.unreadCount(auth.actor) : 0,
      }
    : null;
  const headers = new Headers({ Vary: 'Cookie, Accept-Language' });
  // A session used in its second half was extended; a dead one is cleared.
  if (auth.setCookie) headers.append('Set-Cookie', auth.setCookie);
  return json({ locale, viewer, publicUrl: context.publicUrl }, { headers });
}

export function useViewer() {
  return useRouteLoaderData<typeof loader>('root')?.viewer ?? null;
}

/** Where people reach the site (canonical links, structured data). */
export function usePublicUrl(): string {
  return useRouteLoaderData<typeof loader>('root')?.publicUrl ?? '';
}

export function useLocale(): Locale {
  return useRouteLoaderData<typeof loader>('root')?.locale ?? DEFAULT_LOCALE;
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <SiteHeader locale={locale} />
          <EmailBanner />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
