// Revoking an agreement is irreversible (a new one must be made), so it asks first and says what
// happens: the partner stops reading at once; what it already received is not taken back.
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { useModalAction } from '../../shared/modal-action';

interface RevokeAgreementDialogProps {
  partner: string;
  direction: 'outgoing' | 'incoming';
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

export function RevokeAgreementDialog({ partner, direction, onConfirm, onCancel }: RevokeAgreementDialogProps) {
  const { t } = useTranslation();
  const { ref, busy, error, run } = useModalAction(onConfirm);
  return (
    <dialog ref={ref} className="admin-dialog" aria-labelledby="revoke-agreement-title" onCancel={onCancel}>
      <h2 id="revoke-agreement-title">{t('adminScreens.revoke.title', { org: partner })}</h2>
      <p>
        {direction === 'outgoing'
          ? t('adminScreens.revoke.outgoing', { org: partner })
          : t('adminScreens.revoke.incoming', { org: partner })}
      </p>
      <p>{t('adminScreens.revoke.final')}</p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <div className="form__actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void run()}>
          {t('adminScreens.revoke.confirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('adminScreens.cancel')}
        </button>
      </div>
    </dialog>
  );
}
