// A list of records under a file (a case's notes, its attachments) with a form that adds one:
// the list loads on its own, the form is busy while it saves, then the list is read again and
// the file is told that it changed (its history shows the addition).
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';

export interface RecordList<T> {
  /** Null until the first load answers. */
  items: T[] | null;
  loadError: unknown;
  busy: boolean;
  /** Why the last addition failed, as a message for the field. */
  error: string | null;
  add: (save: () => Promise<void>) => Promise<void>;
}

/** `fetchItems` must be stable (useCallback): the list loads again when it changes. */
export function useRecordList<T>(fetchItems: () => Promise<{ items: T[] }>, onChanged: () => void): RecordList<T> {
  const { t } = useTranslation();
  const [items, setItems] = useState<T[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await fetchItems()).items);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [fetchItems]);

  useEffect(() => {
    void load();
  }, [load]);

  async function add(save: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await save();
      await load();
      onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  return { items, loadError, busy, error, add };
}

interface AddFormProps {
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit: () => void;
  noValidate?: boolean;
  children: ReactNode;
}

export function AddForm({ busy, submitLabel, busyLabel, onSubmit, noValidate, children }: AddFormProps) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form className="form" onSubmit={submit} noValidate={noValidate}>
      {children}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
