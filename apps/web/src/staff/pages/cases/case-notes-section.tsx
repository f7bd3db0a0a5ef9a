// Case notes: free text, stored encrypted, read only by the team working on the case.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { AddForm, useRecordList } from '../../shared/record-list';
import { TextAreaField } from '../people/form-fields';
import { formatInstant } from '../people/reference-data';
import { casesApi } from './cases-api';

export function CaseNotesSection({
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
  const [text, setText] = useState('');
  const { items, loadError, busy, error, add } = useRecordList(
    useCallback(() => casesApi.notes(caseId), [caseId]),
    onChanged,
  );

  const submit = () =>
    add(async () => {
      await casesApi.addNote(caseId, text);
      setText('');
    });

  return (
    <section aria-labelledby="case-notes" className="card section-card">
      <h2 id="case-notes">{t('cases.notes.title')}</h2>
      {loadError ? <Alert tone="error">{errorMessage(loadError, t)}</Alert> : null}
      {!readOnly ? (
        <AddForm
          busy={busy}
          submitLabel={t('cases.notes.add')}
          busyLabel={t('cases.notes.adding')}
          onSubmit={() => void submit()}
          noValidate
        >
          <TextAreaField
            id="case-note-text"
            label={t('cases.notes.label')}
            hint={t('cases.notes.hint')}
            error={error}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </AddForm>
      ) : null}
      {items && items.length === 0 ? <p>{t('cases.notes.none')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="note-list">
          {items.map((note) => (
            <li key={note.id} className="note">
              <p className="note__meta">
                {t('cases.notes.by', { name: note.authorName ?? '', date: formatInstant(note.createdAt, language) })}
              </p>
              {note.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
