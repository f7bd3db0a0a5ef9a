// Administration landing page: links to the administration screens the account may use.
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/components/page-title';
import { Link } from '../router/router';
import { useMe } from '../session/session-context';
import { auditLink } from '../shell/modules';
import { adminPaths } from './admin/admin-paths';
import './admin/admin.css';

export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('nav.admin')}</PageTitle>
      <p>{t('adminScreens.intro')}</p>
      {me.role === 'admin' ? (
        <ul className="admin-links">
          <li>
            <Link to={adminPaths.accounts}>{t('accountsAdmin.adminLink')}</Link>
          </li>
          <li>
            <Link to={adminPaths.oidc}>{t('oidcAdmin.adminLink')}</Link>
          </li>
          <li>
            <Link to={adminPaths.sharing}>{t('adminScreens.sharing.title')}</Link>
          </li>
          <li>
            <Link to={adminPaths.auditLog}>{t('adminScreens.audit.title')}</Link>
          </li>
          <li>
            <Link to={auditLink.path}>{t('admin.auditLink')}</Link>
          </li>
        </ul>
      ) : null}
    </>
  );
}
