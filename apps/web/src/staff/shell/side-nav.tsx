// The module navigation. On wide screens it is always shown; on narrow ones the header's menu
// button shows and hides it (the `open` prop), and choosing a link closes it again.
import { useTranslation } from 'react-i18next';
import { Link } from '../router/router';
import { routeAllowed } from '../router/route-access';
import { useCapabilities } from '../session/capabilities';
import type { ModuleLink } from './modules';
import { adminLink, auditLink, homeLink, moduleLinks, twoFactorLink } from './modules';

interface SideNavProps {
  id: string;
  open: boolean;
  currentPath: string;
  onNavigate: () => void;
}

/** A page inside a module (/people/new inside /people) marks the module as where the user is. */
function isWithin(currentPath: string, modulePath: string): boolean {
  return modulePath !== '/' && currentPath.startsWith(`${modulePath}/`) && modulePath !== '/admin';
}

export function SideNav({ id, open, currentPath, onNavigate }: SideNavProps) {
  const { t } = useTranslation();
  // Only the modules the account's role may use in the active organisation (decision 0134).
  const capabilities = useCapabilities();
  const allowed = (link: ModuleLink) => routeAllowed(link.path, capabilities);
  const item = (link: ModuleLink, nested = false) => (
    <li key={link.path} className={nested ? 'side-nav__item side-nav__item--nested' : 'side-nav__item'}>
      <Link
        className="side-nav__link"
        to={link.path}
        aria-current={currentPath === link.path ? 'page' : isWithin(currentPath, link.path) ? 'location' : undefined}
        onClick={onNavigate}
      >
        {t(link.labelKey)}
      </Link>
    </li>
  );
  return (
    <nav id={id} className={open ? 'side-nav side-nav--open' : 'side-nav'} aria-label={t('nav.label')}>
      <ul className="side-nav__list">
        {item(homeLink)}
        {moduleLinks.filter(allowed).map((link) => item(link))}
        {allowed(adminLink) ? item(adminLink) : null}
        {allowed(auditLink) ? item(auditLink, allowed(adminLink)) : null}
      </ul>
      <h2 className="side-nav__heading" id={`${id}-account`}>
        {t('nav.account')}
      </h2>
      <ul className="side-nav__list" aria-labelledby={`${id}-account`}>
        {item(twoFactorLink)}
      </ul>
    </nav>
  );
}
