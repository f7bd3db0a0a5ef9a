// One proposed candidate: both records side by side (a partner's record only with the fields its
// sharing allows), the engine's explanation (which fields agree or disagree, and how much each
// weighs), and the reviewer's decision. Confirming tells the report's case owner inside the
// organisation; the system never contacts the family.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { TextAreaField } from '../people/form-fields';
import { missingApi } from './missing-api';
import { PhotoStrip } from './photo-gallery';
import type { MatchCandidate } from './missing-api';

/** Keys built from the engine's field names; unknown ones fall back to the engine's own label. */
const dynamicKey = (key: string) => key as 'missing.unknown';

type Compared = MatchCandidate['report'];
type RowKey =
  | 'givenNames'
  | 'surnames'
  | 'aliases'
  | 'sex'
  | 'birthDate'
  | 'ageRange'
  | 'nationality'
  | 'originPlace'
  | 'eventDate'
  | 'eventPlace'
  | 'description';
const rows: { key: RowKey; value: (r: Compared) => string | undefined }[] = [
  { key: 'givenNames', value: (r) => r.givenNames },
  { key: 'surnames', value: (r) => r.surnames },
  { key: 'aliases', value: (r) => r.aliases?.join(', ') },
  { key: 'sex', value: (r) => r.sex },
  { key: 'birthDate', value: (r) => r.birthDate ?? (r.birthYear !== undefined ? String(r.birthYear) : undefined) },
  {
    key: 'ageRange',
    value: (r) =>
      r.ageMin !== undefined || r.ageMax !== undefined ? `${r.ageMin ?? '?'}–${r.ageMax ?? '?'}` : undefined,
  },
  { key: 'nationality', value: (r) => r.nationality },
  { key: 'originPlace', value: (r) => r.originPlace },
  { key: 'eventDate', value: (r) => r.eventDate },
  { key: 'eventPlace', value: (r) => r.eventPlace },
  { key: 'description', value: (r) => r.description },
];

export function CandidateCard({
  candidate,
  onReviewed,
}: {
  candidate: MatchCandidate;
  onReviewed: (c: MatchCandidate) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const other = candidate.candidate;
  const headingId = `candidate-${candidate.id}`;

  async function decide(decision: 'confirmed' | 'rejected' | 'needs_info') {
    setBusy(true);
    setError(null);
    try {
      onReviewed(await missingApi.review(candidate.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const shown = (r: Compared | null, key: RowKey, value: string | undefined) => {
    if (!r) return '';
    if (r.access === 'partner' && r.sharedFields && !r.sharedFields.includes(key) && key !== 'ageRange')
      return t('missing.compare.notShared');
    return value ?? '—';
  };

  return (
    <article className="candidate-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`missing.candidateKind.${candidate.candidateKind}`)} ·{' '}
        {t('missing.compare.score', { score: Math.round(candidate.score * 100) })} ·{' '}
        {t(`missing.engine.${candidate.engineDecision === 'match' ? 'match' : 'possible'}`)}
      </h3>
      <p className="muted">
        {t(`missing.review.status.${candidate.reviewStatus}`)}
        {other?.access === 'partner' ? ` · ${t('missing.compare.partnerRecord')}` : ''}
      </p>
      {other === null ? <Alert tone="warning">{t('missing.compare.gone')}</Alert> : null}
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
      <table className="compare">
        <caption className="visually-hidden">{t('missing.compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('missing.compare.field')}</th>
            <th scope="col">{t('missing.compare.report')}</th>
            <th scope="col">{t('missing.compare.candidate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((row) => row.value(candidate.report) !== undefined || (other && row.value(other) !== undefined))
            .map((row) => (
              <tr key={row.key}>
                <th scope="row">{t(`missing.compare.row.${row.key}`)}</th>
                <td>{row.value(candidate.report) ?? '—'}</td>
                <td>{shown(other, row.key, other ? row.value(other) : undefined)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <h4>{t('missing.explanation.title')}</h4>
      <ul className="explanation">
        {candidate.explanation.fields
          .filter((f) => f.level !== 0)
          .map((f) => (
            <li
              key={f.field}
              className={`explanation__item ${f.weight >= 0 ? 'explanation__item--agrees' : 'explanation__item--disagrees'}`}
            >
              <span className="explanation__field">
                {t(dynamicKey(`missing.explanation.field.${f.field}`), { defaultValue: f.field })}
              </span>
              <span>
                {f.weight >= 0 ? t('missing.explanation.agrees') : t('missing.explanation.disagrees')}:{' '}
                {t(dynamicKey(`missing.explanation.level.${f.field}.${f.level}`), { defaultValue: f.label })}
                {f.frequencyAdjusted ? ` (${t('missing.explanation.frequency')})` : ''}
              </span>
              <span className="explanation__weight">
                {t('missing.explanation.weight', { weight: (f.weight > 0 ? '+' : '') + f.weight.toFixed(1) })}
              </span>
            </li>
          ))}
      </ul>
      {candidate.reviewStatus === 'pending' || candidate.reviewStatus === 'needs_info' ? (
        <>
          <TextAreaField
            id={`note-${candidate.id}`}
            label={t('missing.review.note')}
            hint={t('missing.review.noteHint')}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
          <p className="page-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void decide('confirmed')}
            >
              {t('missing.review.confirm')}
            </button>{' '}
            <button type="button" className="button" disabled={busy} onClick={() => void decide('rejected')}>
              {t('missing.review.reject')}
            </button>{' '}
            {candidate.reviewStatus === 'pending' ? (
              <button type="button" className="button" disabled={busy} onClick={() => void decide('needs_info')}>
                {t('missing.review.needsInfo')}
              </button>
            ) : null}
          </p>
        </>
      ) : candidate.note ? (
        <p>
          {t('missing.review.note')}: {candidate.note}
        </p>
      ) : null}
    </article>
  );
}
