// The notification bell in the header: the unread count (refreshed every minute and on every page
// change) and, as a disclosure like the account menu, the latest notifications, each a link to
// its record (a deadline opens the person's file) and saying for whom (notification-text.ts).
// Opening one marks it read.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { errorMessage } from '../api/error-message';
import { Link } from '../router/router';
import { notificationText } from './notification-text';
import { notificationsApi } from './notifications-api';
import type { AppNotification, NotificationPage } from './notifications-api';
import { PopoverDisclosure, usePopover } from './popover';
import './notification-bell.css';

const REFRESH_MS = 60_000;

function useNotificationText() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (n: AppNotification): string => notificationText(n, t, language);
}

export function NotificationBell({ currentPath }: { currentPath: string }) {
  const { t } = useTranslation();
  const text = useNotificationText();
  const popover = usePopover(currentPath);
  const { setOpen } = popover;
  const [page, setPage] = useState<NotificationPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setPage(await notificationsApi.list());
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }, [t]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh, currentPath]);

  const unread = page?.unread ?? 0;

  async function openOne(n: AppNotification) {
    setOpen(false);
    if (n.readAt) return;
    try {
      const { unread: left } = await notificationsApi.markRead(n.id);
      setPage((p) =>
        p
          ? {
              ...p,
              unread: left,
              items: p.items.map((i) => (i.id === n.id ? { ...i, readAt: new Date().toISOString() } : i)),
            }
          : p,
      );
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }

  async function readAll() {
    try {
      await notificationsApi.markAllRead();
      await refresh();
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }

  return (
    <PopoverDisclosure
      popover={popover}
      className="notification-bell"
      onOpen={() => void refresh()}
      button={
        <>
          <svg aria-hidden="true" viewBox="0 0 20 20" width="22" height="22">
            <path
              d="M10 2a5 5 0 0 0-5 5v3.5L3 14h14l-2-3.5V7a5 5 0 0 0-5-5zM8 16a2 2 0 0 0 4 0"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          </svg>
          <span className="visually-hidden">{t('notifications.title')}: </span>
          <span
            className={
              unread > 0 ? 'notification-bell__count' : 'notification-bell__count notification-bell__count--none'
            }
            data-testid="notification-count"
          >
            {unread}
          </span>
          <span className="visually-hidden"> {t('notifications.unread', { count: unread })}</span>
        </>
      }
    >
      <h2 className="notification-bell__heading">{t('notifications.title')}</h2>
      {error ? (
        <p className="notification-bell__error" role="alert">
          {error}
        </p>
      ) : null}
      {page && page.items.length === 0 ? <p className="muted">{t('notifications.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <ul className="notification-bell__list">
          {page.items.map((n) => (
            <li
              key={n.id}
              className={
                n.readAt ? 'notification-bell__item' : 'notification-bell__item notification-bell__item--unread'
              }
            >
              {n.readAt ? null : <span className="visually-hidden">{t('notifications.new')}: </span>}
              {n.link ? (
                <Link to={n.link} onClick={() => void openOne(n)}>
                  {text(n)}
                </Link>
              ) : (
                <span>{text(n)}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {unread > 0 ? (
        <button type="button" className="button button--quiet button--small" onClick={() => void readAll()}>
          {t('notifications.readAll')}
        </button>
      ) : null}
    </PopoverDisclosure>
  );
}
