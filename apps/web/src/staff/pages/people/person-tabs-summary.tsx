// The "Resumen" tab: the record as read (the read is audited on the server), an edit form that
// opens in a dialog when asked for and sends the version it read, and the differentiated profile.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { RecordDialog } from '../../../shared/components/record-dialog';
import { currentLanguage, type Translate, plain } from '../../../i18n/i18n';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import { peopleApi } from './people-api';
import type { Person } from './people-api';
import { PersonForm } from './person-form';
import { contactChannels, type ContactChannel, toUpdatePayload, valuesFromPerson } from './person-form-values';
import { ProfileSection } from './profile-section';
import { countryName, formatInstant, formatPlainDate } from './reference-data';

interface Props {
  person: Person;
  onSaved: (person: Person) => void;
  reload: () => Promise<void>;
}

export function PersonSummaryTab({ person, onSaved, reload }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <section aria-labelledby="person-record" className="card section-card">
        <h2 id="person-record">{t('people.person.record')}</h2>
        {saved ? <Alert tone="success">{t('people.person.saved')}</Alert> : null}
        <PersonRecord person={person} />
        <p>
          <button
            id="person-edit"
            type="button"
            className="button button--quiet"
            onClick={() => {
              setSaved(false);
              setEditing(true);
              focusWhenPresent(() => document.getElementById('person-givenNames'));
            }}
          >
            {t('people.person.edit')}
          </button>
        </p>
      </section>
      <RecordDialog
        title={t('people.person.edit')}
        closeLabel={t('personTabs.close')}
        isOpen={editing}
        onOpenChange={setEditing}
        wide
      >
        {(close) => (
          <PersonForm
            key={formKey}
            initial={valuesFromPerson(person)}
            submitLabel={t('people.person.save')}
            submittingLabel={t('people.person.saving')}
            onSubmit={async (values) => {
              onSaved(await peopleApi.update(person.id, toUpdatePayload(values, person)));
              setSaved(true);
              close();
            }}
            onCancel={close}
            onReload={() => {
              void reload().then(() => setFormKey((k) => k + 1));
            }}
          />
        )}
      </RecordDialog>
      <ProfileSection key={`profile-${person.version}`} person={person} onChanged={reload} />
    </>
  );
}

export function PersonRecord({ person }: { person: Person }) {
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

/** Identity documents, shown on the "Documentos y fotos" tab. */
export function PersonDocuments({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="person-documents" className="card section-card">
      <h2 id="person-documents">{t('people.fields.documents')}</h2>
      {person.documents.length === 0 ? (
        <p className="muted">{t('personTabs.noDocuments')}</p>
      ) : (
        <dl className="record">
          {person.documents.map((d) => (
            <div key={`${d.type}-${d.number}`} className="record__row">
              <dt>{documentLabel(d.type, plain(t))}</dt>
              <dd>{d.number}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
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
