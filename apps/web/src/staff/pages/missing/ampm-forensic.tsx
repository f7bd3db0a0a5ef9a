// The forensic workflow of remains on their page (decision 0147): the stages as steps with the
// current one marked, what happened (who, when), the pairs with reports, and only the steps the
// reader may take now. Proposing, confirming and recording that the family was told each ask
// first and say what follows; confirming needs a second person; the family is told by the
// report's case owner and only after the confirmation — the application never contacts a family.
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FORENSIC_STAGES } from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';
import { Alert } from '../../../shared/components/alert';
import { formatDate } from '../../../shared/components/format-date';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { InputField, SelectField, TextAreaField } from '../people/form-fields';
import { ampmApi, type ForensicState, type ForensicStep } from './ampm-api';
import { capital, useVocabulary } from './ampm-labels';
import { reportPath } from './missing-api';

const STAGES = Object.keys(FORENSIC_STAGES);
const METHODS = ['in_person', 'phone', 'video', 'through_authority', 'other'] as const;

export function ForensicPanel({
  foundId,
  version,
  onChanged,
}: {
  foundId: string;
  /** The record's version: an edit elsewhere on the page (the examination) reloads the workflow. */
  version: number;
  onChanged: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { label } = useVocabulary();
  const [state, setState] = useState<ForensicState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState<ForensicStep['step'] | null>(null);
  const [pair, setPair] = useState('');
  const [v, setV] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setState(await ampmApi.forensic(foundId));
    } catch (e) {
      setError(e);
    }
  }, [foundId]);
  useEffect(() => {
    void load();
  }, [load, version]);

  if (!state) return error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null;
  const when = (at: string) => formatDate(new Date(at), i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  const pairName = (id: string | null) => {
    const p = state.pairs.find((x) => x.candidateId === id);
    return p ? (p.reportName ?? t('missing.unnamed')) : '';
  };
  const open = state.pairs.filter((p) => p.reviewStatus === 'pending' || p.reviewStatus === 'needs_info');
  const current = STAGES.indexOf(state.stage);

  async function take(step: ForensicStep['step']) {
    if (!state) return;
    setBusy(true);
    setError(null);
    const proposed = state.pairs.find((p) => p.reviewStatus === 'proposed');
    const confirmed = state.pairs.find((p) => p.reviewStatus === 'confirmed');
    const candidateId =
      step === 'propose_identification'
        ? pair || open[0]?.candidateId
        : step === 'confirm_identification' || step === 'withdraw_proposal'
          ? proposed?.candidateId
          : step === 'family_informed'
            ? confirmed?.candidateId
            : undefined;
    const text = (k: string) => v[k]?.trim() || undefined;
    const body = Object.fromEntries(
      Object.entries({
        step,
        version: state.version,
        candidateId,
        method: step === 'family_informed' ? (text('method') ?? 'in_person') : undefined,
        on: text('on'),
        note: text('note'),
        releasedTo: step === 'released' ? text('releasedTo') : undefined,
      }).filter(([, x]) => x !== undefined),
    ) as ForensicStep;
    try {
      const next = await ampmApi.forensicStep(foundId, body);
      setState(next);
      setAsking(null);
      setV({});
      setNotice(t('ampm.forensic.done', { stage: label(FORENSIC_STAGES, next.stage) }));
      await onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const ask = (step: ForensicStep['step']) => {
    setError(null);
    setAsking(step);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (asking) void take(asking);
  };

  return (
    <section className="section-card forensic" aria-labelledby="forensic-title">
      <h2 id="forensic-title">{t('ampm.forensic.title')}</h2>
      <ol className="forensic__stages">
        {STAGES.map((s, i) => (
          <li
            key={s}
            className={`forensic__stage${i < current ? ' forensic__stage--done' : ''}${i === current ? ' forensic__stage--current' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="forensic__mark" aria-hidden="true">
              {i < current ? '✓' : i === current ? '●' : '○'}
            </span>{' '}
            {capital(label(FORENSIC_STAGES, s))}
            {i === current ? <span className="visually-hidden"> {t('ampm.forensic.now')}</span> : null}
          </li>
        ))}
      </ol>
      <p className="muted">{t('ampm.forensic.never')}</p>
      <div role="status">{notice}</div>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}

      {state.pairs.length ? (
        <>
          <h3>{t('ampm.forensic.pairs')}</h3>
          <ul className="record-list">
            {state.pairs.map((p) => (
              <li key={p.candidateId} className="record-list__item">
                <Link to={reportPath(p.reportId)}>{p.reportName ?? t('missing.unnamed')}</Link>
                <span>{t('matchReview.score', { score: Math.round(p.score * 100) })}</span>
                <span className="muted">
                  {t(`missing.review.status.${p.reviewStatus}` as 'missing.review.status.pending')}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('ampm.forensic.noPairs')}</p>
      )}

      {state.next.length && !asking ? (
        <p className="page-actions">
          {state.next.map((step) => (
            <button
              key={step}
              type="button"
              className={`button${step === 'confirm_identification' || step === 'propose_identification' ? ' button--primary' : ''}`}
              onClick={() =>
                step === 'examined' || step === 'candidates_reviewed'
                  ? void take(step)
                  : ask(step as ForensicStep['step'])
              }
              disabled={busy}
            >
              {t(`ampm.forensic.step.${step}` as 'ampm.forensic.step.examined')}
            </button>
          ))}
        </p>
      ) : null}

      {asking ? (
        <form className="forensic__ask missing-form" onSubmit={submit} noValidate aria-labelledby="forensic-ask-title">
          <h3 id="forensic-ask-title">
            {t(`ampm.forensic.ask.${asking}.title` as 'ampm.forensic.ask.released.title')}
          </h3>
          <p>
            {t(`ampm.forensic.ask.${asking}.text` as 'ampm.forensic.ask.released.text', {
              name: pairName(
                state.pairs.find((p) => p.reviewStatus === 'proposed' || p.reviewStatus === 'confirmed')?.candidateId ??
                  null,
              ),
            })}
          </p>
          {asking === 'propose_identification' ? (
            <SelectField
              id="forensic-pair"
              label={t('ampm.forensic.pair')}
              value={pair || open[0]?.candidateId || ''}
              onChange={(e) => setPair(e.target.value)}
            >
              {open.map((p) => (
                <option key={p.candidateId} value={p.candidateId}>
                  {p.reportName ?? t('missing.unnamed')} —{' '}
                  {t('matchReview.score', { score: Math.round(p.score * 100) })}
                </option>
              ))}
            </SelectField>
          ) : null}
          {asking === 'family_informed' ? (
            <div className="field-row">
              <SelectField
                id="forensic-method"
                label={t('ampm.forensic.method')}
                value={v.method ?? 'in_person'}
                onChange={(e) => setV((x) => ({ ...x, method: e.target.value }))}
              >
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`ampm.forensic.methods.${m}`)}
                  </option>
                ))}
              </SelectField>
              <InputField
                id="forensic-on"
                label={t('ampm.forensic.informedOn')}
                type="date"
                value={v.on ?? ''}
                onChange={(e) => setV((x) => ({ ...x, on: e.target.value }))}
              />
            </div>
          ) : null}
          {asking === 'released' ? (
            <div className="field-row">
              <InputField
                id="forensic-released-to"
                label={t('ampm.forensic.releasedTo')}
                value={v.releasedTo ?? ''}
                onChange={(e) => setV((x) => ({ ...x, releasedTo: e.target.value }))}
              />
              <InputField
                id="forensic-released-on"
                label={t('ampm.forensic.releasedOn')}
                type="date"
                value={v.on ?? ''}
                onChange={(e) => setV((x) => ({ ...x, on: e.target.value }))}
              />
            </div>
          ) : null}
          {asking !== 'withdraw_proposal' ? (
            <TextAreaField
              id="forensic-note"
              label={t('ampm.forensic.note')}
              rows={2}
              value={v.note ?? ''}
              onChange={(e) => setV((x) => ({ ...x, note: e.target.value }))}
            />
          ) : null}
          <p className="page-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t(`ampm.forensic.ask.${asking}.yes` as 'ampm.forensic.ask.released.yes')}
            </button>{' '}
            <button type="button" className="button button--quiet" onClick={() => setAsking(null)}>
              {t('ampm.cancel')}
            </button>
          </p>
        </form>
      ) : null}

      {state.history.length ? (
        <>
          <h3>{t('ampm.forensic.history')}</h3>
          <ol className="forensic__history">
            {state.history.map((h) => (
              <li key={h.id}>
                {when(h.at)} — {t(`ampm.forensic.did.${h.step}` as 'ampm.forensic.did.examined')}
                {h.candidateId ? ` (${pairName(h.candidateId)})` : ''}
                {h.releasedTo ? `: ${h.releasedTo}` : ''}
                {h.method ? ` · ${t(`ampm.forensic.methods.${h.method}` as 'ampm.forensic.methods.other')}` : ''}
                {h.note ? ` · ${h.note}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
