// The missing-person search module: the organisation's reports (with candidates waiting for
// review), its found people and unidentified remains, and tracing requests sent and received.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../session/capabilities';
import '../../../shared/styles/records.css';
import './missing.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link, navigate, useLocation } from '../../router/router';
import { formatInstant } from '../people/reference-data';
import { foundPath, missingApi, newFoundPath, newReportPath, queuePath, reportPath, tracingPath } from './missing-api';
import type { FoundRecord, ReportSummary, TracingSummary } from './missing-api';

type Loaded<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; items: T[] };

function useList<T>(load: () => Promise<{ items: T[] }>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    load().then(
      (r) => setState({ status: 'ready', items: r.items }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
    // Loaded once: the loaders are module functions.
  }, []);
  return state;
}

export function reportName(
  r: { givenNames?: string | undefined; surnames?: string | undefined },
  unnamed: string,
): string {
  return [r.givenNames, r.surnames].filter(Boolean).join(' ') || unnamed;
}

function ListState<T>({
  state,
  none,
  children,
}: {
  state: Loaded<T>;
  none: string;
  children: (items: T[]) => React.ReactNode;
}) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.status === 'failed') return <Alert tone="error">{errorMessage(state.error, t)}</Alert>;
  if (state.items.length === 0) return <p className="muted">{none}</p>;
  return <>{children(state.items)}</>;
}

export function SearchPage() {
  const { t } = useTranslation();
  const canReport = useCan('missing.report');
  const reports = useList<ReportSummary>(missingApi.reports);
  const found = useList<FoundRecord>(missingApi.found);
  // Notifications link to /search?report=<id>: open that report.
  const target = useLocation().search.get('report');
  useEffect(() => {
    if (target && /^[0-9a-f-]{36}$/i.test(target)) navigate(reportPath(target), { replace: true });
  }, [target]);

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('missing.title')}</PageTitle>
      <p className="muted">{t('missing.intro')}</p>
      <p className="page-actions">
        {canReport ? (
          <>
            <Link className="button button--primary" to={newReportPath}>
              {t('missing.report.new')}
            </Link>{' '}
            <Link className="button" to={newFoundPath}>
              {t('missing.found.new')}
            </Link>{' '}
          </>
        ) : null}
        <Link className="button" to={queuePath}>
          {t('missing.queue.title')}
        </Link>
      </p>

      <section className="section-card" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('missing.report.list')}</h2>
        <ListState state={reports} none={t('missing.report.none')}>
          {(items) => (
            <ul className="record-list">
              {items.map((r) => (
                <li key={r.id} className="record-list__item">
                  <Link to={reportPath(r.id)}>{reportName(r, t('missing.unnamed'))}</Link>
                  <span className="muted">
                    {t(`missing.report.status.${r.status}`)}
                    {r.lastContactMonth ? ` · ${t('missing.report.lastSeen', { month: r.lastContactMonth })}` : ''}
                  </span>
                  {r.pendingCandidates > 0 ? (
                    <span className="badge badge--at-risk">
                      {t('missing.review.pending', { count: r.pendingCandidates })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </ListState>
      </section>

      <section className="section-card" aria-labelledby="found-heading">
        <h2 id="found-heading">{t('missing.found.list')}</h2>
        <ListState state={found} none={t('missing.found.none')}>
          {(items) => (
            <ul className="record-list">
              {items.map((f) => (
                <li key={f.id} className="record-list__item">
                  <Link to={foundPath(f.id)}>{reportName(f, t(`missing.found.kind.${f.kind}`))}</Link>
                  <span className="muted">
                    {t(`missing.found.status.${f.status}`)}
                    {f.foundOn ? ` · ${f.foundOn}` : ''}
                    {f.foundPlace ? ` · ${f.foundPlace}` : ''}
                    {f.ageMin !== undefined || f.ageMax !== undefined
                      ? ` · ${t('missing.ageRange', { min: f.ageMin ?? '?', max: f.ageMax ?? '?' })}`
                      : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </ListState>
      </section>

      <TracingList direction="incoming" />
      <TracingList direction="outgoing" />
    </>
  );
}

/** Tracing requests received (inbox) or sent (outbox), newest first, a page at a time. */
function TracingList({ direction }: { direction: 'incoming' | 'outgoing' }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [state, setState] = useState<Loaded<TracingSummary>>({ status: 'loading' });
  const [next, setNext] = useState<string | null>(null);
  const incoming = direction === 'incoming';
  const load = (cursor: string | null) =>
    missingApi.tracingList(direction, cursor).then(
      (page) => {
        setState((prev) => ({
          status: 'ready',
          items: cursor && prev.status === 'ready' ? [...prev.items, ...page.items] : page.items,
        }));
        setNext(page.nextCursor);
      },
      (error: unknown) => setState({ status: 'failed', error }),
    );
  useEffect(() => {
    void load(null);
    // Loaded once per direction.
  }, [direction]);
  const heading = `${direction}-heading`;
  return (
    <section className="section-card" aria-labelledby={heading}>
      <h2 id={heading}>{t(incoming ? 'missing.tracing.inbox' : 'missing.tracing.outbox')}</h2>
      <ListState state={state} none={t(incoming ? 'missing.tracing.noneIn' : 'missing.tracing.noneOut')}>
        {(items) => (
          <ul className="record-list">
            {items.map((r) => (
              <li key={r.id} className="record-list__item">
                <Link to={tracingPath(r.id)}>
                  {incoming
                    ? t('missing.tracing.from', { org: r.fromOrg.name })
                    : t('missing.tracing.to', { org: r.toOrg.name })}
                </Link>
                <span className="muted">
                  {t(`missing.tracing.status.${r.status}`)} · {formatInstant(r.createdAt, language)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </ListState>
      {next ? (
        <p>
          <button type="button" className="button button--small" onClick={() => void load(next)}>
            {t('missing.queue.more')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
