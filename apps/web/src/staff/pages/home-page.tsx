// The landing page after login: who you are, for which organisation, and where to go.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/components/format-date';
import { Alert } from '../../shared/components/alert';
import { PageTitle } from '../../shared/components/page-title';
import { currentLanguage } from '../../i18n/i18n';
import { Link } from '../router/router';
import { useMe } from '../session/session-context';
import { moduleLinks, twoFactorLink } from '../shell/modules';
import { useRoleLabel } from './role-label';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const today = formatDate(new Date(), currentLanguage(), { dateStyle: 'full' });
  return (
    <>
      <PageTitle appName={t('app.name')} documentTitle={t('home.title')}>
        {t('home.greeting', { name: me.account.displayName })}
      </PageTitle>
      <div className="home__welcome">
        {me.activeOrg && me.role ? (
          <p className="home__role">{t('home.roleInOrg', { org: me.activeOrg.name, role: roleLabel(me.role) })}</p>
        ) : (
          <p className="home__role">{t('home.noOrg')}</p>
        )}
        <p className="home__today">{t('home.today', { date: today })}</p>
      </div>
      {me.totpEnrolled ? null : (
        <Alert tone="warning">
          <p>{t('home.twoFactorAdvice')}</p>
          <p>
            <Link to={twoFactorLink.path}>{t('home.twoFactorLink')}</Link>
          </p>
        </Alert>
      )}
      <section aria-labelledby="home-modules">
        <h2 id="home-modules">{t('home.modules')}</h2>
        <ul className="module-grid">
          {moduleLinks.map((link) => (
            <li key={link.path}>
              <Link className="module-grid__link" to={link.path}>
                {t(link.labelKey)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
