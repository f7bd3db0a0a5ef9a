// The module navigation. On wide screens it is always shown; on narrow ones the header's menu
// button shows and hides it (the `open` prop), and choosing a link closes it again.
import { useTranslation } from 'react-i18next';
import { Link } from '../router/router';
import type { ModuleLink } from './modules';
import { adminLink, auditLink, homeLink, moduleLinks, twoFactorLink } from './modules';

interface SideNavProps {
  id: string;
  open: boolean;
  currentPath: string;
  isAdmin: boolean;
  onNavigate: () => void;
}

/** A page inside a module (/people/new inside /people) marks the module as where the user is. */
function isWithin(currentPath: string, modulePath: string): boolean {
  return modulePath !== '/' && currentPath.startsWith(`${modulePath}/`) && modulePath !== '/admin';
}

export function SideNav({ id, open, currentPath, isAdmin, onNavigate }: SideNavProps) {
  const { t } = useTranslation();
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
        {moduleLinks.map((link) => item(link))}
        {item(adminLink)}
        {isAdmin ? item(auditLink, true) : null}
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
