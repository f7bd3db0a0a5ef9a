// Attachments: uploaded as they are (type checked by content on the server, SHA-256 recorded,
// stored encrypted), downloaded decrypted and checked again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { InputField } from '../people/form-fields';
import { formatInstant } from '../people/reference-data';
import { casesApi } from './cases-api';
import type { CaseAttachment } from './cases-api';

export function CaseAttachmentsSection({ caseId, readOnly, onChanged }: { caseId: string; readOnly: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [items, setItems] = useState<CaseAttachment[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      setItems((await casesApi.attachments(caseId)).items);
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }, [caseId, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await casesApi.upload(caseId, file, language);
      if (fileRef.current) fileRef.current.value = '';
      await load();
      onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="case-attachments" className="card section-card">
      <h2 id="case-attachments">{t('cases.attachments.title')}</h2>
      {items && items.length === 0 ? <p>{t('cases.attachments.none')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="attachment-list">
          {items.map((a) => (
            <li key={a.id}>
              <a href={casesApi.attachmentUrl(caseId, a.id)} download={a.originalName}>
                {t('cases.attachments.download', { name: a.originalName })}
              </a>{' '}
              <span className="muted">
                {t('cases.attachments.size', { size: Math.max(1, Math.round(a.sizeBytes / 1024)) })} · {formatInstant(a.uploadedAt, language)} · SHA-256 {a.sha256.slice(0, 12)}…
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {!readOnly ? (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <InputField ref={fileRef} id="case-attachment-file" type="file" label={t('cases.attachments.file')} hint={t('cases.attachments.hint')} error={error} accept="image/jpeg,image/png,image/webp,application/pdf,audio/*,video/*" />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('cases.attachments.uploading') : t('cases.attachments.upload')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
