// Administration landing page: only the audit check exists so far.
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/components/page-title';
import { Link } from '../router/router';
import { useMe } from '../session/session-context';
import { auditLink } from '../shell/modules';

export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('nav.admin')}</PageTitle>
      <p className="placeholder">{t('admin.intro')}</p>
      {me.role === 'admin' ? (
        <p>
          <Link to={auditLink.path}>{t('admin.auditLink')}</Link>
        </p>
      ) : null}
    </>
  );
}
