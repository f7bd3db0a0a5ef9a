// Closing and reopening ask for a reason in a modal dialog (native <dialog>: focus is kept inside
// and Escape cancels). The server refuses an empty reason too, naming the field.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { TextAreaField } from '../people/form-fields';
import { useModalAction } from '../../shared/modal-action';

interface ReasonDialogProps {
  mode: 'close' | 'reopen';
  onConfirm: (reason: string) => Promise<void>;
  onCancel: () => void;
}

export function ReasonDialog({ mode, onConfirm, onCancel }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { ref, busy, error, run } = useModalAction(() => onConfirm(reason));

  function submit(event: FormEvent) {
    event.preventDefault();
    void run();
  }

  const title = mode === 'close' ? t('cases.close.closeTitle') : t('cases.close.reopenTitle');
  return (
    <dialog ref={ref} className="reason-dialog" aria-labelledby="reason-dialog-title" onCancel={onCancel}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="reason-dialog-title">{title}</h2>
        {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
        <TextAreaField
          id="case-reason"
          label={t('cases.close.reason')}
          hint={t('cases.close.reasonHint')}
          value={reason}
          required
          rows={4}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {mode === 'close' ? t('cases.close.confirmClose') : t('cases.close.confirmReopen')}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('cases.close.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
