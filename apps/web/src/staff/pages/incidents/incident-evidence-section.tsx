// The evidence vault on the event page: upload (type checked by content, SHA-256 recorded,
// stored encrypted), download, verify the hash again, and the chain of custody of each file.
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { InputField } from '../people/form-fields';
import { formatInstant } from '../people/reference-data';
import { incidentsApi } from './incidents-api';
import type { CustodyEntry, Incident, Verification } from './incidents-api';

export function EvidenceSection({
  event,
  readOnly,
  onChanged,
}: {
  event: Incident;
  readOnly: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [checks, setChecks] = useState<Record<string, Verification>>({});
  const [custody, setCustody] = useState<Record<string, CustodyEntry[]>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await incidentsApi.upload(event.id, file, language);
      if (fileRef.current) fileRef.current.value = '';
      await onChanged();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  async function verify(id: string) {
    try {
      const result = await incidentsApi.verify(event.id, id);
      setChecks((c) => ({ ...c, [id]: result }));
    } catch (err) {
      setError(errorMessage(err, t));
    }
  }

  async function showCustody(id: string) {
    try {
      const { items } = await incidentsApi.custody(event.id, id);
      setCustody((c) => ({ ...c, [id]: items }));
    } catch (err) {
      setError(errorMessage(err, t));
    }
  }

  return (
    <section aria-labelledby="incident-evidence" className="card section-card">
      <h2 id="incident-evidence">{t('incidents.evidence.title')}</h2>
      {event.evidence.length === 0 ? <p>{t('incidents.evidence.none')}</p> : null}
      <ul className="incident-parts">
        {event.evidence.map((item) => (
          <li key={item.id}>
            <a href={incidentsApi.evidenceUrl(event.id, item.id)} download={item.originalName}>
              {t('incidents.evidence.download', { name: item.originalName })}
            </a>{' '}
            <span className="muted">
              {t(`incidents.evidence.kind.${item.kind as 'photo'}`)} · {Math.max(1, Math.round(item.sizeBytes / 1024))}{' '}
              KB · {formatInstant(item.uploadedAt, language)}
            </span>
            <div>
              <code className="sha">SHA-256 {item.sha256}</code>
            </div>
            <button type="button" className="button button--quiet button--small" onClick={() => void verify(item.id)}>
              {t('incidents.evidence.verify')}
            </button>{' '}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => void showCustody(item.id)}
            >
              {t('incidents.evidence.custody')}
            </button>
            {checks[item.id] ? (
              <p role="status" className={checks[item.id]?.ok ? '' : 'field__error'}>
                {checks[item.id]?.ok
                  ? t('incidents.evidence.verified')
                  : t('incidents.evidence.failed', { reason: checks[item.id]?.reason ?? '' })}
              </p>
            ) : null}
            {custody[item.id] ? (
              <ol className="custody-log" aria-label={t('incidents.evidence.custody')}>
                {custody[item.id]?.map((c, i) => (
                  <li key={i}>
                    {formatInstant(c.at, language)} · {t(`incidents.evidence.action.${c.action as 'viewed'}`)}
                    {c.detail ? ` · ${c.detail}` : ''}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {!readOnly ? (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <InputField
            ref={fileRef}
            id="evidence-file"
            type="file"
            label={t('incidents.evidence.file')}
            hint={t('incidents.evidence.hint')}
            accept="image/jpeg,image/png,image/webp,application/pdf,audio/*,video/*"
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('incidents.evidence.uploading') : t('incidents.evidence.upload')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
