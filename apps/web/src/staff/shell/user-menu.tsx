// Account menu as a disclosure (button + panel) rather than an ARIA menu: it holds a link and two
// buttons, Tab reaches them in order, and Escape or a click outside closes it.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/router';
import { errorMessage } from '../api/error-message';
import { useMe, useSession } from '../session/session-context';
import { twoFactorLink } from './modules';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const onLogout = async (everywhere: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await logout(everywhere);
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t('header.userMenu')}: </span>
        <svg className="user-menu__icon" aria-hidden="true" viewBox="0 0 20 20" width="22" height="22">
          <circle cx="10" cy="6" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M2 19c1-4.5 4-6.5 8-6.5s7 2 8 6.5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span className="user-menu__name">{me.account.displayName}</span>
        <svg className="user-menu__chevron" aria-hidden="true" viewBox="0 0 12 8" width="12" height="8">
          <path d="M1 1l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__email">{t('header.signedInAs', { email: me.account.email })}</p>
        <ul className="user-menu__list">
          <li>
            <Link className="user-menu__item" to={twoFactorLink.path} onClick={() => setOpen(false)}>
              {t(twoFactorLink.labelKey)}
            </Link>
          </li>
          <li>
            <button type="button" className="user-menu__item" disabled={busy} onClick={() => void onLogout(false)}>
              {t('header.logout')}
            </button>
          </li>
          <li>
            <button type="button" className="user-menu__item" disabled={busy} onClick={() => void onLogout(true)}>
              {t('header.logoutAll')}
            </button>
          </li>
        </ul>
        {error ? (
          <p className="user-menu__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
