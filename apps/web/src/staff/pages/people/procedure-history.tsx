// A procedure's history (GET /api/procedures/:id/timeline), loaded when the person opens it:
// opened, dates recorded, steps done, filings and their undoing, deadlines recomputed, stages —
// each with who and when.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { proceduresApi } from './people-api';
import type { ProcedureTimelineItem, ProcedureView } from './people-api';
import type { Localized } from './reference-data';
import { findProcedureType, formatInstant, formatPlainDate, localized, procedureStageLabels } from './reference-data';

export function ProcedureHistory({ procedure }: { procedure: ProcedureView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [items, setItems] = useState<ProcedureTimelineItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const type = findProcedureType(procedure.type, procedure.typeVersion);
  const stepTitle = (key: string | undefined) => {
    const step = type?.steps.find((s) => s.key === key);
    return step ? localized(step.title, language) : (key ?? '');
  };
  const stage = (value: string | null | undefined) =>
    value && procedureStageLabels[value]
      ? localized(procedureStageLabels[value] as Localized, language)
      : (value ?? '');
  const date = (value: string | null | undefined) => (value ? formatPlainDate(value, language) : '—');

  function load(open: boolean) {
    if (!open || items) return;
    proceduresApi.timeline(procedure.id).then(
      (r) => setItems(r.items),
      (e: unknown) => setError(errorMessage(e, t)),
    );
  }

  function describe(item: ProcedureTimelineItem): string {
    switch (item.kind) {
      case 'opened':
        return t('procedures.history.opened');
      case 'step_set':
        return t('procedures.history.step_set', { step: stepTitle(item.stepKey), date: date(item.dueDate) });
      case 'step_done':
        return t('procedures.history.step_done', { step: stepTitle(item.stepKey), date: date(item.completedOn) });
      case 'step_recomputed':
        return t('procedures.history.step_recomputed', {
          step: stepTitle(item.stepKey),
          from: date(item.from),
          to: date(item.to),
        });
      case 'stage_changed':
        return t('procedures.history.stage_changed', { from: stage(item.from), to: stage(item.to) });
      case 'filed':
        return t('filing.history.filed', {
          step: stepTitle(item.stepKey),
          date: date(item.completedOn),
          hash: (item.sha256 ?? '').slice(0, 12),
        });
      case 'filing_undone':
        return t('filing.history.filing_undone', { step: stepTitle(item.stepKey), date: date(item.completedOn) });
    }
  }

  return (
    <details className="procedure__history" onToggle={(e) => load(e.currentTarget.open)}>
      <summary>{t('procedures.historyTitle')}</summary>
      {error && <p role="alert">{error}</p>}
      {items && items.length === 0 && <p>{t('procedures.historyEmpty')}</p>}
      {items && items.length > 0 && (
        <ol className="procedure__history-list">
          {items.map((item, i) => (
            <li key={i}>
              <time dateTime={item.at}>{formatInstant(item.at, language)}</time> — {describe(item)}
              {item.by && <> ({t('procedures.historyBy', { name: item.by })})</>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
