// The question before a decision on a pair that cannot simply be taken back: confirming (or
// proposing, where a second person must confirm) or discarding. It names the two records and
// says who will be told: the report's case owner, the organisation holding the record, never the
// family.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { useModalAction } from '../../shared/modal-action';
import type { MatchCandidate } from './missing-api';

export type PairAction = 'confirm' | 'propose' | 'reject';

const nameOf = (r: { givenNames?: string; surnames?: string } | null) =>
  [r?.givenNames, r?.surnames].filter(Boolean).join(' ');

export function ConfirmMatchDialog({
  candidate,
  action,
  holder,
  onConfirm,
  onCancel,
}: {
  candidate: MatchCandidate;
  action: PairAction;
  /** The organisation holding the candidate record, when it is a partner. */
  holder: string | null;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { ref, busy, error, run } = useModalAction(onConfirm);
  const titleId = `confirm-match-${candidate.id}`;
  function submit(event: FormEvent) {
    event.preventDefault();
    void run();
  }
  const title = t(`matchReview.dialog.${action}Title`);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={titleId} onCancel={onCancel}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        <p>
          {t('matchReview.dialog.pair', {
            report: nameOf(candidate.report) || t('missing.unnamed'),
            candidate: nameOf(candidate.candidate) || t('matchReview.dialog.unnamed'),
            holder: holder ?? t('matchReview.holderOwn'),
          })}
        </p>
        <ul>
          {action === 'reject' ? <li>{t('matchReview.dialog.rejectNext')}</li> : null}
          {action === 'propose' ? <li>{t('matchReview.dialog.proposeNext')}</li> : null}
          {action !== 'reject' ? <li>{t('matchReview.dialog.ownerTold')}</li> : null}
          {action !== 'reject' && holder ? <li>{t('matchReview.dialog.holderTold', { org: holder })}</li> : null}
        </ul>
        {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t(
              action === 'confirm'
                ? 'matchReview.dialog.yesConfirm'
                : action === 'propose'
                  ? 'matchReview.dialog.yesPropose'
                  : 'matchReview.dialog.yesReject',
            )}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('matchReview.dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
