// Publishing is irreversible (a published release is frozen and cannot be deleted), so it asks
// first and says what happens: the figures and files never change; a correction is a revision.
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { useModalAction } from '../../shared/modal-action';

interface PublishReleaseDialogProps {
  title: string;
  period: string;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

export function PublishReleaseDialog({ title, period, onConfirm, onCancel }: PublishReleaseDialogProps) {
  const { t } = useTranslation();
  const { ref, busy, error, run } = useModalAction(onConfirm);
  return (
    <dialog ref={ref} className="statistics-dialog" aria-labelledby="publish-release-title" onCancel={onCancel}>
      <h2 id="publish-release-title">{t('statistics.releases.confirmTitle', { title })}</h2>
      <p>{t('statistics.releases.periodOf', { period })}</p>
      <p>{t('statistics.releases.confirmFrozen')}</p>
      <p>{t('statistics.releases.confirmRevision')}</p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
          {t('statistics.releases.confirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('statistics.releases.cancel')}
        </button>
      </div>
    </dialog>
  );
}
