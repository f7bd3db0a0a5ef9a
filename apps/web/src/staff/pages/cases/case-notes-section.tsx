// Case notes: free text, stored encrypted, read only by the team working on the case.
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { TextAreaField } from '../people/form-fields';
import { formatInstant } from '../people/reference-data';
import { casesApi } from './cases-api';
import type { CaseNote } from './cases-api';

export function CaseNotesSection({ caseId, readOnly, onChanged }: { caseId: string; readOnly: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [items, setItems] = useState<CaseNote[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await casesApi.notes(caseId)).items);
    } catch (e) {
      setLoadError(e);
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await casesApi.addNote(caseId, text);
      setText('');
      await load();
      onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="case-notes" className="card section-card">
      <h2 id="case-notes">{t('cases.notes.title')}</h2>
      {loadError ? <Alert tone="error">{errorMessage(loadError, t)}</Alert> : null}
      {!readOnly ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <TextAreaField id="case-note-text" label={t('cases.notes.label')} hint={t('cases.notes.hint')} error={error} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('cases.notes.adding') : t('cases.notes.add')}
            </button>
          </div>
        </form>
      ) : null}
      {items && items.length === 0 ? <p>{t('cases.notes.none')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="note-list">
          {items.map((note) => (
            <li key={note.id} className="note">
              <p className="note__meta">{t('cases.notes.by', { name: note.authorName ?? '', date: formatInstant(note.createdAt, language) })}</p>
              {note.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
