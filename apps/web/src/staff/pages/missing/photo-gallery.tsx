// Photos of the person sought (report) or of the person found or remains (found record): shown
// from the API (every view audited), added one file at a time (JPEG, PNG or WebP, checked by
// content on the server) and removed after a confirmation. PhotoStrip is the read-only row of
// thumbnails shown beside each record in the side-by-side review.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { missingApi } from './missing-api';
import type { MissingPhoto, PhotoOwner } from './missing-api';

export function PhotoStrip({ photos, label }: { photos: readonly MissingPhoto[] | undefined; label: string }) {
  if (!photos?.length) return null;
  return (
    <>
      <p className="muted photo-strip__label">{label}</p>
      <ul className="photo-strip" aria-label={label}>
        {photos.map((p, i) => (
          <li key={p.id}>
            <a href={missingApi.photoUrl(p.id)} target="_blank" rel="noreferrer">
              <img src={missingApi.photoUrl(p.id)} alt={`${label} ${i + 1}`} width={120} loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PhotoGallery({
  owner,
  photos,
  canEdit,
  onChanged,
}: {
  owner: PhotoOwner;
  photos: readonly MissingPhoto[];
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      setFile(null);
      setInputKey((k) => k + 1);
      setRemoving(null);
      await onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  function upload(event: FormEvent) {
    event.preventDefault();
    if (file) void act(() => missingApi.uploadPhoto(owner, file, currentLanguage()), t('missing.photos.uploaded'));
  }

  return (
    <section className="section-card" aria-labelledby="photos-heading">
      <h2 id="photos-heading">{t('missing.photos.title')}</h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {photos.length === 0 ? <p className="muted">{t('missing.photos.none')}</p> : null}
      <ul className="photo-gallery">
        {photos.map((p, i) => (
          <li key={p.id} className="photo-gallery__item">
            <img src={missingApi.photoUrl(p.id)} alt={t('missing.photos.alt', { n: i + 1 })} width={180} />
            {canEdit ? (
              removing === p.id ? (
                <span role="group" aria-label={t('missing.photos.confirmRemove')}>
                  {t('missing.photos.confirmRemove')}{' '}
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy}
                    onClick={() => void act(() => missingApi.removePhoto(p.id), t('missing.photos.removed'))}
                  >
                    {t('missing.photos.yesRemove')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => setRemoving(null)}
                  >
                    {t('missing.photos.cancel')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t('missing.photos.removeN', { n: i + 1 })}
                  onClick={() => setRemoving(p.id)}
                >
                  {t('missing.photos.remove')}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form className="form inline-form" aria-labelledby="photos-heading" noValidate onSubmit={upload}>
          <div className="field">
            <label htmlFor="missing-photo-file">{t('missing.photos.choose')}</label>
            <input
              key={inputKey}
              id="missing-photo-file"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy || !file}>
              {t('missing.photos.upload')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
