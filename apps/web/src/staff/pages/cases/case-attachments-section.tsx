// Attachments: uploaded as they are (type checked by content on the server, SHA-256 recorded,
// stored encrypted), downloaded decrypted and checked again.
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { AddForm, useRecordList } from '../../shared/record-list';
import { InputField } from '../people/form-fields';
import { formatInstant } from '../people/reference-data';
import { casesApi } from './cases-api';

export function CaseAttachmentsSection({
  caseId,
  readOnly,
  onChanged,
}: {
  caseId: string;
  readOnly: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const fileRef = useRef<HTMLInputElement>(null);
  const { items, loadError, busy, error, add } = useRecordList(
    useCallback(() => casesApi.attachments(caseId), [caseId]),
    onChanged,
  );

  function submit() {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    void add(async () => {
      await casesApi.upload(caseId, file, language);
      if (fileRef.current) fileRef.current.value = '';
    });
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
                {t('cases.attachments.size', { size: Math.max(1, Math.round(a.sizeBytes / 1024)) })} ·{' '}
                {formatInstant(a.uploadedAt, language)} · SHA-256 {a.sha256.slice(0, 12)}…
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {!readOnly ? (
        // A list that failed to load says so at the file field, where this section has its messages.
        <AddForm
          busy={busy}
          submitLabel={t('cases.attachments.upload')}
          busyLabel={t('cases.attachments.uploading')}
          onSubmit={submit}
        >
          <InputField
            ref={fileRef}
            id="case-attachment-file"
            type="file"
            label={t('cases.attachments.file')}
            hint={t('cases.attachments.hint')}
            error={error ?? (loadError ? errorMessage(loadError, t) : null)}
            accept="image/jpeg,image/png,image/webp,application/pdf,audio/*,video/*"
          />
        </AddForm>
      ) : null}
    </section>
  );
}
