// The person's photo (optional): shown from the API (served only to those who may read the
// person, every view audited), uploaded as raw bytes (JPEG, PNG or WebP, checked by content on
// the server), or removed.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import type { Person } from './people-api';
import { profileApi } from './profile-api';
import { personName } from './person-name';

export function PhotoSection({ person, onChanged }: { person: Person; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<void>, message: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      setFile(null);
      await onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  function upload(event: FormEvent) {
    event.preventDefault();
    if (file) void act(() => profileApi.uploadPhoto(person.id, file, currentLanguage()), t('photo.uploaded'));
  }

  return (
    <section aria-labelledby="photo-title" className="card section-card">
      <h2 id="photo-title">{t('photo.title')}</h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {person.photo ? (
        <p>
          <img
            className="person-photo"
            src={profileApi.photoUrl(person.id, person.photo.uploadedAt)}
            alt={t('photo.alt', { name: personName(person, t) })}
            width={160}
          />
        </p>
      ) : (
        <p className="muted">{t('photo.none')}</p>
      )}
      <form className="form inline-form" aria-labelledby="photo-title" noValidate onSubmit={upload}>
        <div className="field">
          <label htmlFor="photo-file">{t('photo.choose')}</label>
          <input
            id="photo-file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !file}>
            {t('photo.upload')}
          </button>
          {person.photo ? (
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => void act(() => profileApi.removePhoto(person.id), t('photo.removed'))}
            >
              {t('photo.remove')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
