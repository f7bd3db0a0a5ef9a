// One procedure: its steps with status (text and colour, working days left), due date, legal basis
// and the explanation in the UI language; a step without a date gets a field for its trigger date;
// a filing step is recorded with its date and receipt (procedure-filing.tsx), others marked done.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { StatusBadge } from '../agenda/status-badge';
import { InputField } from './form-fields';
import { proceduresApi } from './people-api';
import type { ProcedureStepView, ProcedureView } from './people-api';
import type { Localized } from './reference-data';
import {
  findProcedureType,
  formatInstant,
  formatPlainDate,
  localized,
  procedureStageLabels,
  todayText,
  triggerTakesTime,
} from './reference-data';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import { ProcedureHistory } from './procedure-history';
import { FilingButton, FilingRecord, isFilingStep } from './procedure-filing';

interface Props {
  procedure: ProcedureView;
  onChange: (procedure: ProcedureView) => void;
}

export function ProcedureCard({ procedure, onChange }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <article className="procedure" aria-labelledby={`procedure-${procedure.id}`}>
      <h3 id={`procedure-${procedure.id}`} tabIndex={-1} className="procedure__title">
        {localized(procedure.title, language)}
      </h3>
      <p className="procedure__meta">
        {t('procedures.stage', {
          stage: procedureStageLabels[procedure.stage]
            ? localized(procedureStageLabels[procedure.stage] as Localized, language)
            : procedure.stage,
        })}
      </p>
      <ol className="step-list">
        {procedure.steps.map((step, index) => (
          <StepItem key={step.key} procedure={procedure} step={step} openByDefault={index === 0} onChange={onChange} />
        ))}
      </ol>
      <ProcedureHistory procedure={procedure} />
    </article>
  );
}

function StepItem({
  procedure,
  step,
  openByDefault,
  onChange,
}: {
  procedure: ProcedureView;
  step: ProcedureStepView;
  openByDefault: boolean;
  onChange: (p: ProcedureView) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const type = findProcedureType(procedure.type, procedure.typeVersion);
  const stepType = type?.steps.find((s) => s.key === step.key);
  const triggerLabel = stepType?.trigger;
  const detailKeys = stepType?.details ?? [];
  const [details, setDetails] = useState<Record<string, string>>(() => ({ ...(step.details ?? {}) }));
  const withTime = triggerTakesTime(step.ruleId);
  const [value, setValue] = useState(step.trigger?.slice(0, withTime ? 16 : 10) ?? '');
  const [editing, setEditing] = useState(openByDefault && step.trigger === null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `step-${procedure.id}-${step.key}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!value) throw new ApiError(400, { code: 'client.required', message: t('procedures.triggerRequired') });
      const filled = Object.fromEntries(
        detailKeys.map((k) => [k, (details[k] ?? '').trim()]).filter(([, v]) => v !== ''),
      );
      onChange(await proceduresApi.setTrigger(procedure.id, step.key, value, filled));
      setEditing(false);
      focusWhenPresent(() => document.getElementById(`${base}-result`));
    } catch (e) {
      setError(errorMessage(e, t));
      focusWhenPresent(() => document.getElementById(`${base}-trigger`));
    } finally {
      setBusy(false);
    }
  }

  async function complete() {
    setBusy(true);
    setError(null);
    try {
      onChange(await proceduresApi.complete(procedure.id, step.key, todayText()));
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  const hasDeadline = step.dueDate !== null || step.dueInstant !== null;
  const filing = isFilingStep(procedure, step);
  const showForm = !step.completedOn && editing;
  return (
    <li className="step">
      <div className="step__head">
        <h4 className="step__title">{localized(step.title, language)}</h4>
        {step.status ? <StatusBadge status={step.status} atRisk={step.atRisk} /> : null}
        {step.workingDaysLeft !== null && step.workingDaysLeft !== undefined && step.status !== 'overdue' ? (
          <span className="step__left">{t('agenda.workingDaysLeft', { count: step.workingDaysLeft })}</span>
        ) : null}
      </div>
      {step.trigger ? (
        <div id={`${base}-result`} tabIndex={-1} className="step__result">
          <p>
            {t('procedures.triggerWas', {
              label: triggerLabel ? localized(triggerLabel, language) : t('procedures.trigger'),
              date:
                step.trigger.length > 10
                  ? formatInstant(step.trigger, language)
                  : formatPlainDate(step.trigger, language),
            })}
          </p>
          {hasDeadline ? (
            <p className="step__due">
              {step.dueInstant
                ? t('procedures.dueAt', { date: formatInstant(step.dueInstant, language) })
                : t('procedures.dueOn', { date: formatPlainDate(step.dueDate ?? '', language, 'full') })}
            </p>
          ) : null}
          {detailKeys.some((k) => step.details?.[k]) ? (
            <p className="step__details">
              {detailKeys
                .filter((k) => step.details?.[k])
                .map((k) => t(`procedures.details.${k}`, { value: step.details?.[k] ?? '' }))
                .join(' · ')}
            </p>
          ) : null}
          {step.window ? (
            <p>
              {t('procedures.window', {
                opens: formatPlainDate(step.window.opens, language),
                closes: formatPlainDate(step.window.closes, language),
              })}
            </p>
          ) : null}
          {step.legalBasis ? (
            <p>
              <strong>{t('procedures.legalBasis')}</strong> {step.legalBasis}
            </p>
          ) : null}
          {step.explanation ? <p className="step__explanation">{localized(step.explanation, language)}</p> : null}
          {step.needsLegalReview ? <p className="step__warning">{t('procedures.needsLegalReview')}</p> : null}
          {step.newerRuleVersion !== null && !step.completedOn ? (
            <p className="step__warning">
              {t('procedures.newerRule', {
                version: String(step.newerRuleVersion),
                change: step.newerRuleChange ? localized(step.newerRuleChange, language) : '',
              })}
            </p>
          ) : null}
          {step.previousDueDate ? (
            <p>
              {t('procedures.moved', {
                date: formatPlainDate(step.previousDueDate, language),
                note: step.changeNote ?? '',
              })}
            </p>
          ) : null}
          {step.completedOn ? (
            <p>{t('procedures.completedOn', { date: formatPlainDate(step.completedOn, language) })}</p>
          ) : null}
        </div>
      ) : null}
      <FilingRecord procedure={procedure} step={step} onChange={onChange} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {showForm ? (
        <form className="step__form" onSubmit={(e) => void save(e)} noValidate>
          <InputField
            id={`${base}-trigger`}
            type={withTime ? 'datetime-local' : 'date'}
            label={triggerLabel ? localized(triggerLabel, language) : t('procedures.trigger')}
            hint={step.ruleId ? t('procedures.triggerHint') : t('procedures.milestoneHint')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          {detailKeys.map((k) => (
            <InputField
              key={k}
              id={`${base}-${k}`}
              label={t(`procedures.detailLabels.${k}`)}
              value={details[k] ?? ''}
              onChange={(e) => setDetails((d) => ({ ...d, [k]: e.target.value }))}
            />
          ))}
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('procedures.saveTrigger', { step: localized(step.title, language) })}
          </button>
        </form>
      ) : null}
      {!showForm && !step.completedOn ? (
        <p className="step__actions">
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setEditing(true);
              focusWhenPresent(() => document.getElementById(`${base}-trigger`));
            }}
          >
            {step.trigger
              ? t('procedures.changeTrigger', { step: localized(step.title, language) })
              : t('procedures.enterTrigger', { step: localized(step.title, language) })}
          </button>
          {hasDeadline && filing ? <FilingButton procedure={procedure} step={step} onChange={onChange} /> : null}
          {hasDeadline && !filing ? (
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={busy}
              onClick={() => void complete()}
            >
              {t('procedures.markDone', { step: localized(step.title, language) })}
            </button>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}
