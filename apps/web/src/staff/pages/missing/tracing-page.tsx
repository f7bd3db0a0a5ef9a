// A tracing request. The organisation that asked sees opaque references with a score band, and
// after acceptance only the details the partner chose. The partner sees the minimal search fields
// and its own candidate records, and accepts (choosing references and fields) or declines.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './missing.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { TextAreaField } from '../people/form-fields';
import { missingApi, reportPath, searchPath } from './missing-api';
import type { TracingRequest } from './missing-api';
import { opaqueReference } from '../../../../../../packages/core/src/util/opaque-reference.ts';

/** Keys built from payload field names; unknown ones fall back to the name itself. */
const dynamicKey = (key: string) => key as 'missing.unknown';
const shareable = [
  'givenNames',
  'surnames',
  'aliases',
  'sex',
  'birthDate',
  'nationality',
  'recordDate',
  'place',
  'custodian',
  'status',
] as const;

function Values({ values }: { values: Record<string, unknown> }) {
  const { t } = useTranslation();
  return (
    <dl className="record">
      {Object.entries(values).map(([k, v]) => (
        <div key={k} className="record__row">
          <dt>{t(dynamicKey(`missing.tracing.field.${k}`), { defaultValue: k })}</dt>
          <dd>{Array.isArray(v) ? v.join(', ') : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Incoming({ request, onDone }: { request: TracingRequest; onDone: (r: TracingRequest) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [reply, setReply] = useState('');
  const [error, setError] = useState<unknown>(null);
  const toggle = (ref: string, field: string, on: boolean) =>
    setChosen((c) => ({ ...c, [ref]: on ? [...(c[ref] ?? []), field] : (c[ref] ?? []).filter((f) => f !== field) }));
  const act = async (action: () => Promise<TracingRequest>) => {
    setError(null);
    try {
      onDone(await action());
    } catch (e) {
      setError(e);
    }
  };
  const share = Object.entries(chosen)
    .filter(([, fields]) => fields.length)
    .map(([referenceId, fields]) => ({ referenceId, fields: fields as (typeof shareable)[number][] }));
  return (
    <>
      <h2>{t('missing.tracing.searchFields')}</h2>
      {request.query ? <Values values={request.query} /> : <p className="muted">{t('missing.tracing.erased')}</p>}
      <h2>{t('missing.tracing.yourCandidates')}</h2>
      {request.partnerCandidates.length === 0 ? <p className="muted">{t('missing.tracing.noCandidates')}</p> : null}
      {request.partnerCandidates.map((c) => (
        <article key={c.referenceId} className="candidate-card" aria-label={t(`missing.tracing.band.${c.scoreBand}`)}>
          <h3>
            {t(`missing.candidateKind.${c.candidateKind}`)} · {t(`missing.tracing.band.${c.scoreBand}`)}
          </h3>
          {c.record ? <Values values={c.record} /> : <p className="muted">{t('missing.compare.gone')}</p>}
          {request.status === 'sent' ? (
            <fieldset className="fieldset">
              <legend>{t('missing.tracing.chooseFields')}</legend>
              <ul className="choice-list">
                {shareable
                  .filter((f) => c.record && c.record[f] !== undefined)
                  .map((f) => (
                    <li key={f}>
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          checked={(chosen[c.referenceId] ?? []).includes(f)}
                          onChange={(e) => toggle(c.referenceId, f, e.target.checked)}
                        />{' '}
                        {t(`missing.tracing.field.${f}`)}
                      </label>
                    </li>
                  ))}
              </ul>
            </fieldset>
          ) : c.sharedFields.length ? (
            <p className="muted">
              {t('missing.tracing.sharedFields', {
                fields: c.sharedFields
                  .map((f) => t(dynamicKey(`missing.tracing.field.${f}`), { defaultValue: f }))
                  .join(', '),
              })}
            </p>
          ) : null}
        </article>
      ))}
      {request.status === 'sent' ? (
        <>
          <TextAreaField
            id="tracing-reply"
            label={t('missing.tracing.reply')}
            hint={t('missing.tracing.replyHint')}
            rows={2}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
          />
          {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
          <p className="page-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={share.length === 0}
              onClick={() =>
                void act(() =>
                  missingApi.acceptTracing(request.id, { share, ...(reply.trim() ? { reply: reply.trim() } : {}) }),
                )
              }
            >
              {t('missing.tracing.accept')}
            </button>{' '}
            <button
              type="button"
              className="button"
              onClick={() => void act(() => missingApi.declineTracing(request.id))}
            >
              {t('missing.tracing.decline')}
            </button>
          </p>
        </>
      ) : null}
    </>
  );
}

function Outgoing({ request }: { request: TracingRequest }) {
  const { t } = useTranslation();
  return (
    <>
      {request.reportId ? (
        <p>
          <Link to={reportPath(request.reportId)}>{t('missing.tracing.backToReport')}</Link>
        </p>
      ) : null}
      {request.reply ? (
        <p>
          {t('missing.tracing.reply')}: {request.reply}
        </p>
      ) : null}
      <h2>{t('missing.tracing.references')}</h2>
      {request.references.length === 0 ? (
        <p className="muted">
          {t(request.status === 'sent' ? 'missing.tracing.noCandidates' : 'missing.tracing.nothingShared')}
        </p>
      ) : null}
      {request.references.map((r, i) => (
        <article
          key={r.referenceId}
          className="candidate-card"
          aria-label={t('missing.tracing.reference', { n: i + 1 })}
        >
          <h3>
            {t('missing.tracing.reference', { n: i + 1 })} · {t(`missing.tracing.band.${r.scoreBand}`)}
          </h3>
          {r.details ? <Values values={r.details} /> : <p className="muted">{t('missing.tracing.awaiting')}</p>}
        </article>
      ))}
    </>
  );
}

export function TracingPage({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; request: TracingRequest }
  >({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', request: await missingApi.tracing(requestId) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [requestId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (state.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.status === 'failed') return <Alert tone="error">{errorMessage(state.error, t)}</Alert>;
  const r = state.request;
  const incoming = r.direction === 'incoming';
  return (
    <>
      <p className="breadcrumb">
        <Link to={searchPath}>{t('nav.search')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>
        {incoming ? t('missing.tracing.from', { org: r.fromOrg.name }) : t('missing.tracing.to', { org: r.toOrg.name })}
      </PageTitle>
      {/* The reference the bell gives for this request (it never names the person searched for). */}
      <p>{t('missing.tracing.referenceCode', { reference: opaqueReference(r.id) })}</p>
      <p className="muted" role="status">
        {t(`missing.tracing.status.${r.status}`)}
      </p>
      {incoming ? (
        <Incoming request={r} onDone={(next) => setState({ status: 'ready', request: next })} />
      ) : (
        <Outgoing request={r} />
      )}
    </>
  );
}
