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
import { ProfileFieldset } from './profile-fieldset';
import { profileApi } from './profile-api';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { focusWhenPresent } from '../../../shared/focus-when-present';

export function RegisterPersonPage() {
  const { t } = useTranslation();
  const [duplicates, setDuplicates] = useState<{ payload: PersonCreate; candidates: DuplicateCandidate[] } | null>(
    null,
  );

  const [indicators, setIndicators] = useState<Set<string>>(new Set());
  const [profileFailure, setProfileFailure] = useState<{ personId: string; message: string } | null>(null);

  async function create(payload: PersonCreate): Promise<void> {
    const person = await peopleApi.create(payload);
    // The differentiated profile is saved right after the record (its first version). If that
    // fails the person exists: say so, with a link, rather than offering to register them again.
    if (indicators.size > 0) {
      try {
        await profileApi.save(person.id, { version: person.version, indicators: [...indicators] });
      } catch (error) {
        setProfileFailure({ personId: person.id, message: errorMessage(error, t) });
        focusWhenPresent(() => document.getElementById('profile-failure'));
        return;
      }
    }
    navigate(`/people/${person.id}?registered=1`);
  }

  if (profileFailure) {
    return (
      <>
        <PageTitle appName={t('app.name')}>{t('people.register.title')}</PageTitle>
        <div id="profile-failure" tabIndex={-1} className="focus-target">
          <Alert tone="warning">{t('profile.savedAtRegistration', { message: profileFailure.message })}</Alert>
        </div>
        <p>
          <Link to={`/people/${profileFailure.personId}`}>{t('people.duplicates.open')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('people.register.title')}</PageTitle>
      <p>{t('people.register.intro')}</p>
      {duplicates ? (
        <DuplicateWarning candidates={duplicates.candidates} onNotTheSame={() => void create(duplicates.payload)} />
      ) : null}
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
        extra={<ProfileFieldset idPrefix="register-profile" selected={indicators} onChange={setIndicators} />}
      />
    </>
  );
}
