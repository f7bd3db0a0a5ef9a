import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/components/page-title';
import { Link } from '../router/router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('placeholder.backHome')}</Link>
      </p>
    </>
  );
}
