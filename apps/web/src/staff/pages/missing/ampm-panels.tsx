// The ante-mortem data on a report's page and the post-mortem examination on a remains record's
// page (decision 0147): read, then edited in place when asked for ("Editar"), saved with the
// version read (a concurrent edit is refused, never overwritten); on the remains also the
// laboratory's result of a DNA comparison.
import './ampm.css';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DNA_RESULTS } from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';
import { Alert } from '../../../shared/components/alert';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { InputField, SelectField } from '../people/form-fields';
import { ampmApi } from './ampm-api';
import { anteMortemOf, draftOfAnteMortem, draftOfPostMortem, postMortemOf, type AmPmDraft } from './ampm-drafts';
import { AmPmEditor } from './ampm-editor';
import { optionsOf, useVocabulary } from './ampm-labels';
import { AmPmSummary } from './ampm-summary';
import type { FoundRecord, MissingReport } from './missing-api';

function EditableSection({
  mode,
  title,
  intro,
  empty,
  data,
  toDraft,
  save,
  onSaved,
}: {
  mode: 'am' | 'pm';
  title: string;
  intro: string;
  empty: string;
  data: Parameters<typeof AmPmSummary>[0]['data'] | undefined;
  toDraft: () => AmPmDraft;
  save: (draft: AmPmDraft) => Promise<unknown>;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AmPmDraft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = `${mode}-section-title`;
  const prefix = mode === 'am' ? 'anteMortem' : 'postMortem';
  const errorFor = (key: string) =>
    error instanceof ApiError && error.field === `${prefix}.${key}` ? errorMessage(error, t) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      await save(draft);
      setDraft(null);
      setNotice(t('ampm.saved'));
      await onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section-card ampm-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{intro}</p>
      <div role="status">{notice}</div>
      {draft ? (
        <form className="missing-form" onSubmit={submit} noValidate>
          {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
          <AmPmEditor mode={mode} idPrefix={`edit-${mode}`} draft={draft} onChange={setDraft} errorFor={errorFor} />
          <p className="page-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('ampm.save')}
            </button>{' '}
            <button type="button" className="button button--quiet" onClick={() => setDraft(null)}>
              {t('ampm.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <>
          {data ? <AmPmSummary mode={mode} data={data} /> : <p className="muted">{empty}</p>}
          <p>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setNotice(null);
                setDraft(toDraft());
              }}
            >
              {data ? t('ampm.edit') : t('ampm.add')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}

export function AnteMortemPanel({ report, onSaved }: { report: MissingReport; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <EditableSection
      mode="am"
      title={t('ampm.section.am')}
      intro={t('ampm.am.introPage')}
      empty={t('ampm.am.none')}
      data={report.anteMortem}
      toDraft={() => draftOfAnteMortem(report.anteMortem)}
      save={(d) => ampmApi.saveAnteMortem(report.id, anteMortemOf(d), report.version)}
      onSaved={onSaved}
    />
  );
}

export function PostMortemPanel({ record, onSaved }: { record: FoundRecord; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <>
      <EditableSection
        mode="pm"
        title={t('ampm.section.pm')}
        intro={t('ampm.pm.introPage')}
        empty={t('ampm.pm.none')}
        data={record.postMortem}
        toDraft={() => draftOfPostMortem(record.postMortem)}
        save={(d) => ampmApi.savePostMortem(record.id, postMortemOf(d), record.version)}
        onSaved={onSaved}
      />
      <DnaResultForm record={record} onSaved={onSaved} />
    </>
  );
}

/** The laboratory's result of one comparison: a result and its strength, never a profile. */
function DnaResultForm({ record, onSaved }: { record: FoundRecord; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const { lang } = useVocabulary();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const set = (k: string, value: string) => setV((x) => ({ ...x, [k]: value }));
  const field = (k: string) => (error instanceof ApiError && error.field === k ? errorMessage(error, t) : undefined);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const text = (k: string) => v[k]?.trim() || undefined;
    const lr = text('likelihoodRatio');
    try {
      await ampmApi.addDnaComparison(
        record.id,
        Object.fromEntries(
          Object.entries({
            laboratory: text('laboratory') ?? '',
            result: v.result ?? 'inconclusive',
            comparedOn: text('comparedOn') ?? '',
            familySampleCode: text('familySampleCode'),
            remainsSampleCode: text('remainsSampleCode'),
            labReference: text('labReference'),
            likelihoodRatio: lr ? Number(lr.replace(',', '.')) : undefined,
          }).filter(([, x]) => x !== undefined),
        ) as never,
      );
      setOpen(false);
      setV({});
      await onSaved();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section className="section-card" aria-labelledby="dna-result-title">
      <h2 id="dna-result-title">{t('ampm.dna.resultTitle')}</h2>
      <p className="muted">{t('ampm.dna.resultIntro')}</p>
      {open ? (
        <form className="missing-form" onSubmit={submit} noValidate>
          {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
          <div className="field-row">
            <InputField
              id="dna-laboratory"
              label={t('ampm.dna.laboratory')}
              value={v.laboratory ?? ''}
              onChange={(e) => set('laboratory', e.target.value)}
              error={field('laboratory')}
            />
            <SelectField
              id="dna-result"
              label={t('ampm.dna.result')}
              value={v.result ?? 'inconclusive'}
              onChange={(e) => set('result', e.target.value)}
            >
              {optionsOf(DNA_RESULTS, lang).map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            <InputField
              id="dna-likelihood"
              label={t('ampm.dna.likelihoodRatio')}
              inputMode="decimal"
              value={v.likelihoodRatio ?? ''}
              onChange={(e) => set('likelihoodRatio', e.target.value)}
              error={field('likelihoodRatio')}
            />
            <InputField
              id="dna-compared-on"
              label={t('ampm.dna.comparedOn')}
              type="date"
              value={v.comparedOn ?? ''}
              onChange={(e) => set('comparedOn', e.target.value)}
              error={field('comparedOn')}
            />
          </div>
          <div className="field-row">
            <InputField
              id="dna-family-sample"
              label={t('ampm.dna.familySample')}
              value={v.familySampleCode ?? ''}
              onChange={(e) => set('familySampleCode', e.target.value)}
            />
            <InputField
              id="dna-remains-sample"
              label={t('ampm.dna.remainsSample')}
              value={v.remainsSampleCode ?? ''}
              onChange={(e) => set('remainsSampleCode', e.target.value)}
            />
            <InputField
              id="dna-lab-reference"
              label={t('ampm.dna.labReference')}
              value={v.labReference ?? ''}
              onChange={(e) => set('labReference', e.target.value)}
            />
          </div>
          <p className="page-actions">
            <button type="submit" className="button button--primary">
              {t('ampm.dna.saveResult')}
            </button>{' '}
            <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
              {t('ampm.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <p>
          <button type="button" className="button button--small" onClick={() => setOpen(true)}>
            {t('ampm.dna.addResult')}
          </button>
        </p>
      )}
    </section>
  );
}
