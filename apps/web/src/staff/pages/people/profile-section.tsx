// The person's differentiated profile: effective indicators (those derived from the record
// marked so), editing with the person's version (409 when someone changed the record), and the
// intake plan it produces.
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { TextAreaField } from './form-fields';
import type { Person } from './people-api';
import { IntakePlanView } from './intake-plan-view';
import { ProfileFieldset } from './profile-fieldset';
import { profileApi, type IntakePlan } from './profile-api';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import '../households/households.css';

export function ProfileSection({ person, onChanged }: { person: Person; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const profile = person.profile;
  const [plan, setPlan] = useState<IntakePlan | null>(null);
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set(profile?.recorded ?? []));
  const [notes, setNotes] = useState(profile?.notes ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const loadPlan = useCallback(async () => {
    try {
      setPlan(await profileApi.intakePlan(person.id));
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }, [person.id, t]);

  useEffect(() => {
    void loadPlan();
  }, [loadPlan, person.version]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await profileApi.save(person.id, {
        version: person.version,
        indicators: [...selected],
        ...(notes.trim() ? { notes } : {}),
      });
      setEditing(false);
      setSaved(true);
      await onChanged();
      focusWhenPresent(() => document.getElementById('profile-title'));
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  const effective = profile?.effective ?? [];
  return (
    <section aria-labelledby="profile-title" className="card section-card">
      <h2 id="profile-title" tabIndex={-1}>
        {t('profile.title')}
      </h2>
      <p className="muted">{t('profile.intro')}</p>
      {saved ? <Alert tone="success">{t('profile.saved')}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {profile?.ageDisputed ? <Alert tone="warning">{t('profile.ageDisputed')}</Alert> : null}
      {editing ? (
        <form className="form" noValidate onSubmit={(e) => void save(e)}>
          <ProfileFieldset
            idPrefix="profile-edit"
            selected={selected}
            derived={profile?.derived ?? []}
            onChange={setSelected}
          />
          <TextAreaField
            id="profile-notes"
            label={t('profile.notes')}
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('profile.saving') : t('profile.save')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setEditing(false)}>
              {t('profile.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {effective.length === 0 ? (
            <p className="muted">{t('profile.none')}</p>
          ) : (
            <ul className="profile-indicators">
              {effective.map((key) => (
                <li key={key} className="badge">
                  {t(`profile.indicators.${key as 'child'}`, { defaultValue: key })}
                  {profile?.derived.includes(key) && !profile.recorded.includes(key)
                    ? ` (${t('profile.derived')})`
                    : ''}
                </li>
              ))}
            </ul>
          )}
          {profile?.notes ? <p>{profile.notes}</p> : null}
          <p>
            <button
              id="profile-edit"
              type="button"
              className="button button--quiet"
              onClick={() => {
                setSelected(new Set(profile?.recorded ?? []));
                setNotes(profile?.notes ?? '');
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('profile.edit')}
            </button>
          </p>
        </>
      )}
      {plan ? <IntakePlanView plan={plan} personId={person.id} /> : null}
    </section>
  );
}
