// Victims of an event: a registered person found by name in a picker (with the consent to link
// them), or people counted anonymously by sex and age group. A person the account may not see is
// counted anonymously, and the officer asks whoever looks after that person to link them: the
// request goes out with the name the victim gave, and the list says how it ended.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { RecordDialog } from '../../../shared/components/record-dialog';
import { plain } from '../../../i18n/i18n';
import { errorMessage, fieldMessage, namesFields } from '../../api/error-message';
import { useSession } from '../../session/session-context';
import { InputField, SelectField, TextAreaField } from '../people/form-fields';
import { incidentsApi } from './incidents-api';
import type { EventLinkRequest } from './incidents-api';
import { ageGroups, linkConsentMethods, victimSexes } from './incident-options';
import { PartSection, useSave, victimLabel, type SectionProps } from './incident-parts-sections';
import { PersonPicker, type PersonOption } from './person-picker';

type Mode = 'linked' | 'anonymous';

export function VictimsSection({ event, readOnly, onSaved }: SectionProps) {
  const { t } = useTranslation();
  const { state: session } = useSession();
  const me = session.status === 'authenticated' ? session.me : null;
  const seesPeople = Boolean(me?.permissions.person?.read);
  const { busy, error, run } = useSave(onSaved);
  const [mode, setMode] = useState<Mode>(seesPeople ? 'linked' : 'anonymous');
  const [person, setPerson] = useState<PersonOption | null>(null);
  const [v, setV] = useState({ count: '1', sex: 'U', ageGroup: 'unknown', consent: 'signed' });
  const [requests, setRequests] = useState<EventLinkRequest[]>([]);
  const [asking, setAsking] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const loadRequests = useCallback(() => {
    incidentsApi.linkRequests(event.id).then(
      (r) => setRequests(r.items),
      () => setRequests([]),
    );
  }, [event.id]);
  useEffect(loadRequests, [loadRequests, event.version]);

  const submit = () =>
    run(
      () =>
        incidentsApi.addVictim(
          event.id,
          mode === 'linked'
            ? {
                personId: person?.personId ?? '',
                consent: { method: v.consent as 'signed' },
                ageGroup: v.ageGroup as 'unknown',
              }
            : { count: Number(v.count), sex: v.sex as 'U', ageGroup: v.ageGroup as 'unknown' },
        ),
      () => {
        setPerson(null);
        setV({ ...v, count: '1' });
        setSent(false);
      },
    );
  const personError = mode === 'linked' && error && !person ? t('incidents.victims.choosePerson') : null;
  const requestOf = (victimId: string) => [...requests].reverse().find((r) => r.victimId === victimId);

  return (
    <PartSection
      id="incident-victims"
      title={t('incidents.victims.title', { count: event.victimCount })}
      onSubmit={submit}
      busy={busy}
      error={personError ? null : error}
      submitLabel={t('incidents.victims.add')}
      form={
        readOnly ? null : (
          <>
            <fieldset className="checkbox-row">
              <legend>{t('incidents.victims.mode')}</legend>
              {seesPeople ? (
                <label>
                  <input
                    type="radio"
                    name="victim-mode"
                    checked={mode === 'linked'}
                    onChange={() => setMode('linked')}
                  />{' '}
                  {t('incidents.victims.linked')}
                </label>
              ) : null}
              <label>
                <input
                  type="radio"
                  name="victim-mode"
                  checked={mode === 'anonymous'}
                  onChange={() => setMode('anonymous')}
                />{' '}
                {t('incidents.victims.anonymous')}
              </label>
            </fieldset>
            <div className="fieldset">
              {mode === 'linked' ? (
                <>
                  <PersonPicker
                    id="victim-person"
                    label={t('incidents.victims.person')}
                    hint={t('incidents.victims.personHint')}
                    error={personError}
                    value={person}
                    onChange={setPerson}
                  />
                  <SelectField
                    id="victim-consent"
                    label={t('incidents.victims.consent')}
                    value={v.consent}
                    onChange={(e) => setV({ ...v, consent: e.target.value })}
                  >
                    {linkConsentMethods.map((m) => (
                      <option key={m} value={m}>
                        {t(`incidents.consent.${m}`)}
                      </option>
                    ))}
                  </SelectField>
                </>
              ) : (
                <>
                  <InputField
                    id="victim-count"
                    type="number"
                    min={1}
                    max={10000}
                    label={t('incidents.victims.count')}
                    value={v.count}
                    onChange={(e) => setV({ ...v, count: e.target.value })}
                  />
                  <SelectField
                    id="victim-sex"
                    label={t('incidents.list.sex')}
                    value={v.sex}
                    onChange={(e) => setV({ ...v, sex: e.target.value })}
                  >
                    {victimSexes.map((s) => (
                      <option key={s} value={s}>
                        {t(`incidents.sex.${s}`)}
                      </option>
                    ))}
                  </SelectField>
                </>
              )}
              <SelectField
                id="victim-age"
                label={t('incidents.list.ageGroup')}
                value={v.ageGroup}
                onChange={(e) => setV({ ...v, ageGroup: e.target.value })}
              >
                {ageGroups.map((a) => (
                  <option key={a} value={a}>
                    {t(`incidents.age.${a}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <p className="muted">{t('incidents.victims.notFoundHelp')}</p>
          </>
        )
      }
    >
      {sent ? <Alert tone="success">{t('incidents.linkRequests.sent')}</Alert> : null}
      <ul className="incident-parts">
        {event.victims.map((victim) => {
          const request = victim.personId ? undefined : requestOf(victim.id);
          return (
            <li key={victim.id}>
              {victimLabel(event, victim.id, plain(t))}
              {victim.personId
                ? ` · ${t('incidents.victims.linkedWith', { method: t(`incidents.consent.${(victim.linkConsent ?? 'signed') as 'signed'}`) })}`
                : ''}
              {request ? ` · ${t(`incidents.linkRequests.status.${request.status}`)}` : ''}
              {!readOnly && !victim.personId && request?.status !== 'open' ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() => setAsking(victim.id)}
                  >
                    {t('incidents.linkRequests.ask')}
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <RecordDialog
        title={t('incidents.linkRequests.dialogTitle')}
        isOpen={asking !== null}
        onOpenChange={(open) => setAsking(open ? asking : null)}
        closeLabel={t('incidents.linkRequests.cancel')}
      >
        {(close) => (
          <LinkRequestForm
            eventId={event.id}
            victimId={asking ?? ''}
            onSent={() => {
              close();
              setSent(true);
              loadRequests();
            }}
          />
        )}
      </RecordDialog>
    </PartSection>
  );
}

function LinkRequestForm({ eventId, victimId, onSent }: { eventId: string; victimId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [nameHint, setNameHint] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => fieldMessage(error, t, field);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        incidentsApi
          .requestLink(eventId, victimId, { nameHint, ...(note.trim() ? { note } : {}) })
          .then(onSent, setError)
          .finally(() => setBusy(false));
      }}
    >
      <p>{t('incidents.linkRequests.explain')}</p>
      {error && !namesFields(error) ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <InputField
        id="link-name"
        label={t('incidents.linkRequests.nameHint')}
        hint={t('incidents.linkRequests.nameHintHelp')}
        required
        minLength={2}
        maxLength={200}
        value={nameHint}
        error={fieldError('nameHint')}
        onChange={(e) => setNameHint(e.target.value)}
      />
      <TextAreaField
        id="link-note"
        label={t('incidents.linkRequests.note')}
        rows={3}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('incidents.linkRequests.send')}
        </button>
      </div>
    </form>
  );
}
