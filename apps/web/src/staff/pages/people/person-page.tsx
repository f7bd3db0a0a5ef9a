// A person's page: the record as the server returned it (the read is audited there), an edit
// form that sends the version it read, consents, and the person's legal procedures.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage, type Translate, plain } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link, navigate, useLocation } from '../../router/router';
import { ConsentsSection } from './consents-section';
import { ProfileSection } from './profile-section';
import { PhotoSection } from './photo-section';
import { HouseholdsSection } from '../households/households-section';
import { peopleApi } from './people-api';
import type { Person } from './people-api';
import { PersonForm } from './person-form';
import { toUpdatePayload, valuesFromPerson } from './person-form-values';
import { personName } from './person-name';
import { PersonHeader } from './person-header';
import { ProceduresSection } from './procedures-section';
import { DataRightsSection } from './data-rights-section';
import { OpenCaseButton } from '../cases/open-case-button';
import { countryName, formatInstant, formatPlainDate } from './reference-data';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import { contactChannels, type ContactChannel } from './person-form-values';

type Load = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; person: Person };

export function PersonPage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);

  const reload = useCallback(async () => {
    try {
      setLoad({ status: 'ready', person: await peopleApi.get(personId) });
    } catch (error) {
      setLoad({ status: 'failed', error });
    }
  }, [personId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <>
        <PageTitle appName={t('app.name')}>{t('people.person.notAvailable')}</PageTitle>
        <Alert tone="error">{errorMessage(load.error, t)}</Alert>
        <p>
          <Link to="/people">{t('people.backToList')}</Link>
        </p>
      </>
    );
  }
  const person = load.person;
  const registered = search.get('registered') === '1';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{personName(person, t)}</PageTitle>
      <PersonHeader person={person} />
      {registered ? <Alert tone="success">{t('people.register.done')}</Alert> : null}
      {saved ? <Alert tone="success">{t('people.person.saved')}</Alert> : null}
      <OpenCaseButton personId={person.id} />

      <section aria-labelledby="person-record" className="card section-card">
        <h2 id="person-record">{t('people.person.record')}</h2>
        {editing ? (
          <PersonForm
            key={formKey}
            initial={valuesFromPerson(person)}
            submitLabel={t('people.person.save')}
            submittingLabel={t('people.person.saving')}
            onSubmit={async (values) => {
              const updated = await peopleApi.update(person.id, toUpdatePayload(values, person));
              setLoad({ status: 'ready', person: updated });
              setEditing(false);
              setSaved(true);
              focusWhenPresent(() => document.getElementById('person-edit'));
            }}
            onCancel={() => {
              setEditing(false);
              focusWhenPresent(() => document.getElementById('person-edit'));
            }}
            onReload={() => {
              void reload().then(() => setFormKey((k) => k + 1));
            }}
          />
        ) : (
          <>
            <PersonRecord person={person} />
            <p>
              <button
                id="person-edit"
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                  if (registered) navigate(`/people/${person.id}`, { replace: true });
                  focusWhenPresent(() => document.getElementById('person-givenNames'));
                }}
              >
                {t('people.person.edit')}
              </button>
            </p>
          </>
        )}
      </section>
      <ProfileSection key={`profile-${person.version}`} person={person} onChanged={reload} />
      <HouseholdsSection personId={person.id} />
      <PhotoSection person={person} onChanged={reload} />
      <ConsentsSection personId={person.id} />
      <ProceduresSection personId={person.id} />
      <DataRightsSection person={person} />
    </>
  );
}

function PersonRecord({ person }: { person: Person }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const none = t('people.person.none');
  const birth = person.birthDate
    ? formatPlainDate(person.birthDate, language)
    : person.birthYear
      ? person.birthYearEstimated
        ? t('people.person.estimatedYear', { year: person.birthYear })
        : String(person.birthYear)
      : none;
  const rows: [string, string][] = [
    [t('people.fields.givenNames'), person.givenNames || none],
    [t('people.fields.surnames'), person.surnames || none],
    [t('people.fields.sex'), person.sex ? t(`people.sex.${person.sex}`) : none],
    [t('people.fields.birthDate'), birth],
    [t('people.fields.aliases'), person.aliases.length ? person.aliases.join('; ') : none],
    [t('people.fields.genderIdentity'), person.genderIdentity || none],
    [t('people.fields.nationality'), person.nationality ? countryName(person.nationality, language) : none],
    [
      t('people.fields.origin'),
      [person.origin?.place, person.origin?.country ? countryName(person.origin.country, language) : undefined]
        .filter(Boolean)
        .join(', ') || none,
    ],
    [
      t('people.fields.contacts'),
      person.contacts.length
        ? person.contacts
            .map((c) => `${channelLabel(c.channel, plain(t))}: ${c.value}${c.note ? ` (${c.note})` : ''}`)
            .join('; ')
        : none,
    ],
    [
      t('people.fields.documents'),
      person.documents.length
        ? person.documents.map((d) => `${documentLabel(d.type, plain(t))}: ${d.number}`).join('; ')
        : none,
    ],
    [
      t('people.fields.languages'),
      person.languages.length
        ? person.languages
            .map((l) =>
              l.interpreterNeeded ? t('people.person.withInterpreter', { language: l.language }) : l.language,
            )
            .join('; ')
        : none,
    ],
    [t('people.fields.notes'), person.notes || none],
    [t('people.person.updatedAt'), formatInstant(person.updatedAt, language)],
  ];
  return (
    <dl className="record">
      {rows.map(([term, value]) => (
        <div key={term} className="record__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function channelLabel(channel: string, t: Translate): string {
  return (contactChannels as readonly string[]).includes(channel)
    ? t(`people.contactChannels.${channel as ContactChannel}`)
    : channel;
}

const knownDocumentTypes = new Set([
  'passport',
  'national_id',
  'birth_certificate',
  'consular_id',
  'refugee_card',
  'humanitarian_visa',
  'other',
]);
function documentLabel(type: string, t: Translate): string {
  return knownDocumentTypes.has(type) ? t(`people.documentTypes.${type}`) : type;
}
