// The organisation's review queue: candidates of every report the reviewer may read, best score
// first, by status, a page at a time. Opening one shows the side-by-side review of the report
// page (CandidateCard), with a link back to the report.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './missing.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { SelectField } from '../people/form-fields';
import { CandidateCard } from './candidate-card';
import { MatchSettingsForm } from './match-settings';
import { candidatePath, missingApi, queuePath, reportPath, searchPath } from './missing-api';
import type { MatchCandidate, ReviewQueueItem } from './missing-api';

type Status = MatchCandidate['reviewStatus'];
const statuses: readonly Status[] = ['pending', 'proposed', 'needs_info', 'confirmed', 'rejected'];

export function ReviewQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('pending');
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Which load is the current one: another status (or more of the same list) makes an older
  // answer stale, so that a slow page of another status never lands in this list.
  const latest = useRef(0);
  async function load(cursor: string | null, append: boolean) {
    const mine = ++latest.current;
    setBusy(true);
    setError(null);
    try {
      const page = await missingApi.queue(status, cursor);
      if (mine !== latest.current) return;
      setItems((prev) => (append && prev ? [...prev, ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (e) {
      if (mine === latest.current) setError(e);
    } finally {
      if (mine === latest.current) setBusy(false);
    }
  }
  useEffect(() => {
    setItems(null);
    void load(null, false);
    // Reloaded when the status filter changes; an answer still on its way is then ignored.
    return () => {
      latest.current += 1;
    };
  }, [status]);

  return (
    <>
      <p className="breadcrumb">
        <Link to={searchPath}>{t('nav.search')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('missing.queue.title')}</PageTitle>
      <p className="muted">{t('missing.queue.intro')}</p>
      <MatchSettingsForm />
      <SelectField
        id="queue-status"
        label={t('missing.queue.status')}
        value={status}
        onChange={(e) => setStatus(e.target.value as Status)}
      >
        {statuses.map((s) => (
          <option key={s} value={s}>
            {t(`missing.review.status.${s}`)}
          </option>
        ))}
      </SelectField>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {items === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('missing.queue.none')}</p>
      ) : (
        <table className="compare queue-table">
          <caption className="visually-hidden">{t('missing.queue.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('missing.queue.report')}</th>
              <th scope="col">{t('missing.queue.candidate')}</th>
              <th scope="col">{t('missing.queue.score')}</th>
              <th scope="col">{t('missing.queue.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={candidatePath(i.id)}>
                    {[i.reportGivenNames, i.reportSurnames].filter(Boolean).join(' ') || t('missing.unnamed')}
                  </Link>
                  {i.reportStatus !== 'open' ? (
                    <span className="muted"> · {t(`missing.report.status.${i.reportStatus}`)}</span>
                  ) : null}
                </td>
                <td>
                  {t(`missing.candidateKind.${i.candidateKind}`)}
                  {i.partner ? ` · ${t('missing.compare.partnerRecord')}` : ''}
                </td>
                <td>
                  {Math.round(i.score * 100)} · {t(`missing.engine.${i.engineDecision}`)}
                </td>
                <td>{i.proposedAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <p>
          <button type="button" className="button" disabled={busy} onClick={() => void load(next, true)}>
            {t('missing.queue.more')}
          </button>
        </p>
      ) : null}
    </>
  );
}

export function CandidatePage({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; candidate: MatchCandidate }
  >({ status: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    missingApi.candidate(candidateId).then(
      (candidate) => setState({ status: 'ready', candidate }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, [candidateId]);
  if (state.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.status === 'failed') return <Alert tone="error">{errorMessage(state.error, t)}</Alert>;
  const c = state.candidate;
  return (
    <>
      <p className="breadcrumb">
        <Link to={queuePath}>{t('missing.queue.title')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>
        {[c.report.givenNames, c.report.surnames].filter(Boolean).join(' ') || t('missing.unnamed')}
      </PageTitle>
      <p>
        <Link to={reportPath(c.reportId)}>{t('missing.queue.openReport')}</Link>
      </p>
      <p className="muted">{t('missing.neverFamily')}</p>
      <div role="status">{notice}</div>
      <CandidateCard
        key={`${c.id}-${c.reviewStatus}`}
        candidate={c}
        onReviewed={(next, withdrawn) => {
          setNotice(withdrawn ? t('missing.review.done.withdrawn') : t(`missing.review.done.${next.reviewStatus}`));
          setState({ status: 'ready', candidate: next });
        }}
      />
    </>
  );
}
