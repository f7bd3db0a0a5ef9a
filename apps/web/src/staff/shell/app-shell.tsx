// Layout of every signed-in page: skip link, header (banner), navigation, main, footer.
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { OrgSwitcher } from './org-switcher';
import { SideNav } from './side-nav';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

const navId = 'main-nav';

interface AppShellProps {
  currentPath: string;
  /** While 2FA enrolment is mandatory there is nowhere else to go: no navigation, no org switch. */
  restricted: boolean;
  children: ReactNode;
}

export function AppShell({ currentPath, restricted, children }: AppShellProps) {
  const { t } = useTranslation();
  const [navOpen, setNavOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setNavOpen(false), [currentPath]);

  useEffect(() => {
    if (!navOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setNavOpen(false);
      menuButtonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navOpen]);

  return (
    <div className={restricted ? 'shell shell--restricted' : 'shell'}>
      <SkipLink />
      <header className="app-header">
        {restricted ? null : (
          <button
            ref={menuButtonRef}
            type="button"
            className="app-header__menu-button"
            aria-expanded={navOpen}
            aria-controls={navId}
            onClick={() => setNavOpen((open) => !open)}
          >
            <svg aria-hidden="true" viewBox="0 0 20 14" width="20" height="14">
              <path d="M0 1h20M0 7h20M0 13h20" stroke="currentColor" strokeWidth="2" />
            </svg>
            <span className="app-header__menu-label">{t('nav.menu')}</span>
          </button>
        )}
        <p className="app-header__brand">{t('app.name')}</p>
        <div className="app-header__tools">
          {restricted ? null : <OrgSwitcher />}
          {restricted ? null : <NotificationBell currentPath={currentPath} />}
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <div className="shell__body">
        {restricted ? null : (
          <SideNav id={navId} open={navOpen} currentPath={currentPath} onNavigate={() => setNavOpen(false)} />
        )}
        <main id="main" className="shell__main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
