// "Register a person": the intake form; on success, the new person's page.
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import { PageTitle } from '../../../shared/components/page-title';
import { Link, navigate } from '../../router/router';
import { peopleApi } from './people-api';
import { PersonForm } from './person-form';
import { emptyPersonForm, toCreatePayload } from './person-form-values';

export function RegisterPersonPage() {
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('people.register.title')}</PageTitle>
      <p>{t('people.register.intro')}</p>
      <PersonForm
        initial={emptyPersonForm}
        submitLabel={t('people.register.submit')}
        submittingLabel={t('people.register.submitting')}
        onSubmit={async (values) => {
          const person = await peopleApi.create(toCreatePayload(values));
          navigate(`/people/${person.id}?registered=1`);
        }}
        onCancel={() => navigate('/people')}
      />
    </>
  );
}
