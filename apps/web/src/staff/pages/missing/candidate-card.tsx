// One proposed candidate: who holds the record, the score as a percentage and why in plain
// words, both records side by side (a partner's record only with the fields its sharing allows)
// with each row marked as agreeing or not, and the reviewer's decision. Where the organisation
// asks for a second person (by default for remains) the first confirmation only proposes; a
// different account confirms, and the proposer may withdraw meanwhile. Confirming tells the
// report's case owner and the holding organisation; the system never contacts the family.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { formatDate } from '../../../shared/components/format-date';
import { errorMessage } from '../../api/error-message';
import { useMe } from '../../session/session-context';
import { TextAreaField } from '../people/form-fields';
import { ConfirmMatchDialog, type PairAction } from './confirm-match-dialog';
import { matchReasons } from './match-reasons';
import { missingApi } from './missing-api';
import { PhotoStrip } from './photo-gallery';
import type { MatchCandidate } from './missing-api';
import { CompareTable } from './compare-table';
import { AmPmTable } from './ampm-table';

export function CandidateCard({
  candidate,
  onReviewed,
}: {
  candidate: MatchCandidate;
  onReviewed: (c: MatchCandidate, withdrawn?: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<PairAction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const other = candidate.candidate;
  const headingId = `candidate-${candidate.id}`;
  const partner = candidate.candidateOrgId !== candidate.report.orgId;
  const holder = partner ? (other?.organisationName ?? null) : null;
  const reasons = matchReasons(candidate, t);
  const status = candidate.reviewStatus;
  const mine = candidate.confirmationProposedBy === me.account.id;
  const proposedOn = candidate.confirmationProposedAt
    ? formatDate(new Date(candidate.confirmationProposedAt), i18n.language, { dateStyle: 'long' })
    : '';

  async function decide(decision: 'confirmed' | 'rejected' | 'needs_info') {
    onReviewed(await missingApi.review(candidate.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) }));
  }

  async function act(run: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const withdraw = () => act(async () => onReviewed(await missingApi.withdrawProposal(candidate.id), true));

  return (
    <article className="candidate-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`missing.candidateKind.${candidate.candidateKind}`)} ·{' '}
        {t('matchReview.score', { score: Math.round(candidate.score * 100) })} ·{' '}
        {t(`missing.engine.${candidate.engineDecision === 'match' ? 'match' : 'possible'}`)}
      </h3>
      <p className="candidate-card__holder">
        {holder ? t('matchReview.holder', { org: holder }) : t('matchReview.holderOwn')}
      </p>
      <p className="muted">
        {t(`missing.review.status.${status}`)}
        {other?.access === 'partner' ? ` · ${t('missing.compare.partnerRecord')}` : ''}
      </p>
      {other === null ? <Alert tone="warning">{t('missing.compare.gone')}</Alert> : null}
      <section className="match-reasons" aria-label={t('matchReview.reasonsTitle')}>
        <h4>{t('matchReview.reasonsTitle')}</h4>
        {reasons.agree.length ? (
          <p className="match-reasons__agree">{t('matchReview.agree', { reasons: reasons.agree.join('; ') })}</p>
        ) : null}
        {reasons.disagree.length ? (
          <p className="match-reasons__disagree">
            {t('matchReview.disagree', { reasons: reasons.disagree.join('; ') })}
          </p>
        ) : null}
        {!reasons.agree.length && !reasons.disagree.length ? (
          <p className="muted">{t('matchReview.noReasons')}</p>
        ) : null}
      </section>
      {candidate.reportPhotos?.length || candidate.candidatePhotos?.length ? (
        <div className="compare-photos">
          <div>
            <PhotoStrip photos={candidate.reportPhotos} label={t('missing.photos.ofReport')} />
          </div>
          <div>
            <PhotoStrip photos={candidate.candidatePhotos} label={t('missing.photos.ofCandidate')} />
          </div>
        </div>
      ) : null}
      <CompareTable candidate={candidate} />
      <AmPmTable candidate={candidate} />
      {candidate.secondConfirmationRequired && (status === 'pending' || status === 'needs_info') ? (
        <p className="muted">{t('matchReview.fourEyes')}</p>
      ) : null}
      {status === 'proposed' ? (
        <p className="candidate-card__proposal">
          {t(mine ? 'matchReview.proposedByYou' : 'matchReview.proposedByOther', { date: proposedOn })}
        </p>
      ) : null}
      {status === 'pending' || status === 'needs_info' || status === 'proposed' ? (
        <>
          {status !== 'proposed' || !mine ? (
            <TextAreaField
              id={`note-${candidate.id}`}
              label={t('missing.review.note')}
              hint={t('missing.review.noteHint')}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          ) : null}
          {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
          <p className="page-actions">
            {status === 'proposed' && mine ? (
              <button type="button" className="button" disabled={busy} onClick={() => void withdraw()}>
                {t('matchReview.withdraw')}
              </button>
            ) : (
              <>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  onClick={() =>
                    setAsking(candidate.secondConfirmationRequired && status !== 'proposed' ? 'propose' : 'confirm')
                  }
                >
                  {status === 'proposed'
                    ? t('matchReview.confirmSecond')
                    : candidate.secondConfirmationRequired
                      ? t('matchReview.propose')
                      : t('missing.review.confirm')}
                </button>{' '}
                <button type="button" className="button" disabled={busy} onClick={() => setAsking('reject')}>
                  {t('missing.review.reject')}
                </button>{' '}
                {status === 'pending' ? (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => void act(() => decide('needs_info'))}
                  >
                    {t('missing.review.needsInfo')}
                  </button>
                ) : null}
              </>
            )}
          </p>
        </>
      ) : candidate.note ? (
        <p>
          {t('missing.review.note')}: {candidate.note}
        </p>
      ) : null}
      {asking ? (
        <ConfirmMatchDialog
          candidate={candidate}
          action={asking}
          holder={holder}
          onCancel={() => setAsking(null)}
          onConfirm={() => decide(asking === 'reject' ? 'rejected' : 'confirmed')}
        />
      ) : null}
    </article>
  );
}
