import { NavLink } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** The header's link to /notifications, with the unread count in its name for screen readers. */
export function NotificationBell({ unread }: { unread: number }) {
  const { t } = useTranslation();
  const label = unread > 0 ? t('notifications.bell', { count: unread }) : t('notifications.bellNone');
  return (
    <NavLink to="/notifications" aria-label={label} title={label} className="notification-bell">
      <svg
        aria-hidden="true"
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 ? (
        <span className="badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
