// Stand-in for a module that is not built yet, so that navigation is complete from day one.
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/components/page-title';
import { Link } from '../router/router';
import type { ModuleLink } from '../shell/modules';

export function PlaceholderPage({ module }: { module: ModuleLink }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle appName={t('app.name')}>{t(module.labelKey)}</PageTitle>
      <p className="placeholder">{t('placeholder.coming')}</p>
      <p>
        <Link to="/">{t('placeholder.backHome')}</Link>
      </p>
    </>
  );
}
