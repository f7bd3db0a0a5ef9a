// Recording a filing on a step (the COMAR application was filed): a dialog asks for the filing
// date and the receipt, says what will happen (the step is done on that date, the procedure moves
// to its next stage), and sends both. The recorded filing shows its date and receipt, and for a
// few minutes an "Deshacer" that puts everything back (the server keeps the window and audits it).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { filingStageOf } from '../../../../../../packages/core/src/procedures/filing-steps.ts';
import {
  AT_RISK_CALENDAR_DAYS_WITHOUT_CALENDAR,
  AT_RISK_FRACTION,
  AT_RISK_WORKING_DAYS,
} from '../../../../../../packages/core/src/deadlines/at-risk.ts';
import { Alert } from '../../../shared/components/alert';
import './procedure-filing.css';
import { DateInputField } from '../../../shared/components/date-field';
import { RecordDialog } from '../../../shared/components/record-dialog';
import { currentLanguage } from '../../../i18n/i18n';
import { ApiError, apiRequest, currentCsrfToken } from '../../api/client';
import { errorMessage, failureAt, formFailure, localFailure, type FormFailure } from '../../api/error-message';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import type { ProcedureStepView, ProcedureView } from './people-api';
import type { Localized } from './reference-data';
import { formatInstant, formatPlainDate, localized, procedureStageLabels, todayText } from './reference-data';

const enc = encodeURIComponent;

export const filingApi = {
  /** The receipt travels as the request body (raw bytes), the date as a query parameter. */
  async record(id: string, step: string, filedOn: string, file: File): Promise<ProcedureView> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': currentLanguage(),
      'Content-Type': file.type || 'application/octet-stream',
      'x-file-name': enc(file.name),
    };
    const csrf = currentCsrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
    let response: Response;
    try {
      response = await fetch(`/api/procedures/${enc(id)}/steps/${enc(step)}/filing?filedOn=${enc(filedOn)}`, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: file,
      });
    } catch {
      throw new ApiError(0, { code: 'client.network', message: '' });
    }
    const body = (await response.json().catch(() => undefined)) as unknown;
    if (response.ok) return body as ProcedureView;
    throw new ApiError(
      response.status,
      body && typeof body === 'object' && 'code' in body
        ? (body as { code: string; message: string; field?: string })
        : { code: 'client.unexpected', message: '' },
    );
  },
  undo: (id: string, filingId: string) =>
    apiRequest<ProcedureView>('POST', `/api/procedures/${enc(id)}/filings/${enc(filingId)}/undo`, { body: {} }),
  receiptUrl: (id: string, filingId: string) => `/api/procedures/${enc(id)}/filings/${enc(filingId)}/receipt`,
};

/** Whether a step is recorded as a filing (date and receipt) rather than "marked as done". */
export function isFilingStep(procedure: ProcedureView, step: ProcedureStepView): boolean {
  return filingStageOf(procedure.type, step.key) !== undefined;
}

function stageName(stage: string, language: string): string {
  const label = procedureStageLabels[stage];
  return label ? localized(label as Localized, language) : stage;
}

interface Props {
  procedure: ProcedureView;
  step: ProcedureStepView;
  onChange: (procedure: ProcedureView) => void;
}

/** "Registrar la presentación" and its dialog. */
export function FilingButton({ procedure, step, onChange }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [open, setOpen] = useState(false);
  const [filedOn, setFiledOn] = useState(todayText());
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormFailure | null>(null);
  const base = `filing-${procedure.id}-${step.key}`;
  const stepTitle = localized(step.title, language);
  const leadsTo = filingStageOf(procedure.type, step.key) ?? procedure.stage;

  async function submit(event: FormEvent, close: () => void) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!filedOn) return setError(localFailure('filedOn', t('filing.dateRequired')));
    if (!file) return setError(localFailure('receipt', t('filing.receiptRequired')));
    setBusy(true);
    try {
      onChange(await filingApi.record(procedure.id, step.key, filedOn, file));
      setFile(null);
      close();
      focusWhenPresent(() => document.getElementById(`${base}-recorded`));
    } catch (e) {
      setError(formFailure(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        id={`${base}-open`}
        className="button button--primary button--small"
        onClick={() => {
          setError(null);
          setFiledOn(todayText());
          setOpen(true);
        }}
      >
        {t('filing.record', { step: stepTitle })}
      </button>
      <RecordDialog
        title={t('filing.title', { step: stepTitle })}
        closeLabel={t('personTabs.close')}
        isOpen={open}
        onOpenChange={setOpen}
      >
        {(close) => (
          <form className="form" noValidate onSubmit={(e) => void submit(e, close)}>
            <p>{t('filing.explain', { step: stepTitle, stage: stageName(leadsTo, language) })}</p>
            {error && error.fields.length === 0 ? <Alert tone="error">{error.message}</Alert> : null}
            <DateInputField
              id={`${base}-date`}
              label={t('filing.date')}
              hint={t('filing.dateHint')}
              language={language}
              value={filedOn}
              onChange={setFiledOn}
              error={failureAt(error, 'filedOn')}
              required
            />
            <div className={failureAt(error, 'receipt') ? 'field field--invalid' : 'field'}>
              <label className="field__label" htmlFor={`${base}-receipt`}>
                {t('filing.receipt')}
              </label>
              <p className="field__hint" id={`${base}-receipt-hint`}>
                {t('filing.receiptHint')}
              </p>
              {failureAt(error, 'receipt') ? (
                <p className="field__error" id={`${base}-receipt-error`}>
                  {failureAt(error, 'receipt')}
                </p>
              ) : null}
              <input
                id={`${base}-receipt`}
                type="file"
                className="field__input"
                accept="image/*,application/pdf"
                aria-describedby={`${base}-receipt-hint${failureAt(error, 'receipt') ? ` ${base}-receipt-error` : ''}`}
                aria-invalid={failureAt(error, 'receipt') ? true : undefined}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </div>
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? t('filing.saving') : t('filing.confirm')}
              </button>
              <button type="button" className="button button--quiet" onClick={close}>
                {t('filing.cancel')}
              </button>
            </div>
          </form>
        )}
      </RecordDialog>
    </>
  );
}

/** A recorded filing: date, receipt (download), fingerprint, and "Deshacer" while the window lasts. */
export function FilingRecord({ procedure, step, onChange }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const filing = step.filing;
  if (!filing) return null;
  const base = `filing-${procedure.id}-${step.key}`;
  const undoable = filing.undoUntil !== null && new Date(filing.undoUntil).getTime() > Date.now();

  async function undo() {
    if (!filing) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await filingApi.undo(procedure.id, filing.id));
      focusWhenPresent(() => document.getElementById(`${base}-open`));
    } catch (e) {
      setError(errorMessage(e, t));
      setBusy(false);
    }
  }

  return (
    <div id={`${base}-recorded`} tabIndex={-1} className="step__filing">
      <div className="step__filing-box">
        <p>
          {t('filing.recorded', {
            date: formatPlainDate(filing.filedOn, language, 'full'),
            stage: stageName(procedure.stage, language),
          })}
        </p>
        <p>
          <a href={filingApi.receiptUrl(procedure.id, filing.id)} download={filing.receiptName || undefined}>
            {t('filing.download', { name: filing.receiptName || t('filing.receiptDefault') })}
          </a>{' '}
          <span className="muted">
            {t('filing.fingerprint', { hash: filing.receiptSha256.slice(0, 12) })}
            {filing.recordedBy
              ? ` · ${t('filing.by', { name: filing.recordedBy, at: formatInstant(filing.recordedAt, language) })}`
              : ''}
          </span>
        </p>
        {undoable ? (
          <p>
            <button
              type="button"
              id={`${base}-undo`}
              className="button button--quiet button--small"
              disabled={busy}
              onClick={() => void undo()}
            >
              {t('filing.undo')}
            </button>{' '}
            <span className="muted">
              {t('filing.undoUntil', { time: formatInstant(filing.undoUntil ?? '', language) })}
            </span>
          </p>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}

/** The "at risk" rule in words, from the same thresholds the server applies (decision 0102). */
export function AtRiskRule() {
  const { t } = useTranslation();
  return (
    <p className="at-risk-rule">
      {t('filing.atRiskRule', {
        days: AT_RISK_WORKING_DAYS,
        share: `${Math.round(AT_RISK_FRACTION * 100)} %`,
        calendarDays: AT_RISK_CALENDAR_DAYS_WITHOUT_CALENDAR,
      })}
    </p>
  );
}
