// Shown for a deep link to a page the account's role may not use in the active organisation.
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/components/page-title';
import { Link } from '../router/router';
import { useMe } from '../session/session-context';
import { useRoleLabel } from './role-label';

export function ForbiddenPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('staffApp.forbidden.title')}</PageTitle>
      <p>
        {t('staffApp.forbidden.body', {
          org: me.activeOrg?.name ?? '',
          role: me.role ? roleLabel(me.role) : '',
        })}
      </p>
      <p>
        <Link to="/">{t('staffApp.forbidden.backHome')}</Link>
      </p>
    </>
  );
}
