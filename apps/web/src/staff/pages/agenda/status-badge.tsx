// A deadline's status: colour and words together (never colour alone). "En riesgo" says beside it
// which part of the deadline engine's rule applies, with the engine's own threshold as the server
// sent it (atRisk), e.g. "En riesgo: faltan 5 días hábiles o menos para el vencimiento".
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DeadlineStatus } from '../people/people-api';

export interface AtRiskReasonView {
  rule: 'working_days' | 'calendar_days' | 'share_of_period';
  limit: number;
}

/** The rule that made a deadline at risk, in words ("faltan 5 días hábiles o menos para el vencimiento"). */
export function atRiskWords(reason: AtRiskReasonView, t: TFunction): string {
  if (reason.rule === 'share_of_period')
    return t('agenda.atRiskBecause.share_of_period', { share: `${Math.round(reason.limit * 100)} %` });
  return reason.rule === 'working_days'
    ? t('agenda.atRiskBecause.working_days', { count: reason.limit })
    : t('agenda.atRiskBecause.calendar_days', { count: reason.limit });
}

export function StatusBadge({
  status,
  atRisk,
}: {
  status: DeadlineStatus;
  atRisk?: AtRiskReasonView | null | undefined;
}) {
  const { t } = useTranslation();
  const badge = <span className={`badge badge--${status.replace('_', '-')}`}>{t(`agenda.status.${status}`)}</span>;
  if (status !== 'at_risk' || !atRisk) return badge;
  return (
    <span className="status-with-reason">
      {badge}
      <span className="status-reason">
        <span className="visually-hidden">: </span>
        {atRiskWords(atRisk, t)}
      </span>
    </span>
  );
}
