// Account menu as a disclosure (button + panel) rather than an ARIA menu: it holds a link and two
// buttons, Tab reaches them in order, and Escape or a click outside closes it (see popover.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/router';
import { errorMessage } from '../api/error-message';
import { useMe, useSession } from '../session/session-context';
import { twoFactorLink } from './modules';
import { PopoverDisclosure, usePopover } from './popover';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const popover = usePopover();
  const { setOpen } = popover;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
    <PopoverDisclosure
      popover={popover}
      className="user-menu"
      button={
        <>
          <span className="visually-hidden">{t('header.userMenu')}: </span>
          <svg className="user-menu__icon" aria-hidden="true" viewBox="0 0 20 20" width="22" height="22">
            <circle cx="10" cy="6" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M2 19c1-4.5 4-6.5 8-6.5s7 2 8 6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
          <span className="user-menu__name">{me.account.displayName}</span>
          <svg className="user-menu__chevron" aria-hidden="true" viewBox="0 0 12 8" width="12" height="8">
            <path d="M1 1l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </>
      }
    >
      <p className="user-menu__email">{t('header.signedInAs', { email: me.account.email })}</p>
      <ul className="user-menu__list">
        <li>
          <Link className="user-menu__item" to={twoFactorLink.path} onClick={() => setOpen(false)}>
            {t(twoFactorLink.labelKey)}
          </Link>
        </li>
        <li>
          <Link className="user-menu__item" to="/account/passkeys" onClick={() => setOpen(false)}>
            {t('passkeys.menuLink')}
          </Link>
        </li>
        <li>
          <Link className="user-menu__item" to="/account/security" onClick={() => setOpen(false)}>
            {t('accountLife.security.menuLink')}
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
    </PopoverDisclosure>
  );
}
