// "Register a person": the intake form. Before saving, the organisation's likely existing
// records of the same person are shown (journey 1); on success, the new person's page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import { PageTitle } from '../../../shared/components/page-title';
import { Link, navigate } from '../../router/router';
import { peopleApi, type DuplicateCandidate, type PersonCreate } from './people-api';
import { PersonForm } from './person-form';
import { DuplicateWarning } from './duplicate-warning';
import { emptyPersonForm, toCreatePayload } from './person-form-values';

export function RegisterPersonPage() {
  const { t } = useTranslation();
  const [duplicates, setDuplicates] = useState<{ payload: PersonCreate; candidates: DuplicateCandidate[] } | null>(null);

  async function create(payload: PersonCreate): Promise<void> {
    const person = await peopleApi.create(payload);
    navigate(`/people/${person.id}?registered=1`);
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('people.register.title')}</PageTitle>
      <p>{t('people.register.intro')}</p>
      {duplicates ? <DuplicateWarning candidates={duplicates.candidates} onNotTheSame={() => void create(duplicates.payload)} /> : null}
      <PersonForm
        initial={emptyPersonForm}
        submitLabel={t('people.register.submit')}
        submittingLabel={t('people.register.submitting')}
        onSubmit={async (values) => {
          const payload = toCreatePayload(values);
          const { items } = await peopleApi.duplicateCheck(payload);
          if (items.length > 0) {
            setDuplicates({ payload, candidates: items });
            return;
          }
          await create(payload);
        }}
        onCancel={() => navigate('/people')}
      />
    </>
  );
}
