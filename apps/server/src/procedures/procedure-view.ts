// Turns stored procedures and steps into what the API shows: every step of the type (set or not),
// its deadline status today, and whether a newer version of its rule is now in force.
import {
  deadlineStatus,
  isDeadlineError,
  resolveRule,
  type AtRiskReason,
  type DeadlineErrorCode,
  type DeadlineStatus,
  type ProcedureStepView,
  type ProcedureType,
  type ProcedureView,
} from '@acompana/core';
import type { ProcedureFiling } from '@acompana/core';
import type { ProcedureRow, StepRow } from './procedures.queries.ts';

/** Today's date in an IANA time zone (a deadline in Tijuana ends at Tijuana's midnight). */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Rethrows everything but the engine's honest "I lack the data" answers: a calendar year not loaded
 * or a calendar or rule that is no longer known leave the status unknown (never guessed); any other
 * error is a fault that must surface, not a silently missing status.
 */
function unknownOnlyFor(error: unknown, codes: readonly DeadlineErrorCode[]): null {
  if (isDeadlineError(error) && codes.includes(error.code)) return null;
  throw error;
}
const CALENDAR_GAPS: readonly DeadlineErrorCode[] = ['CALENDAR_YEAR_NOT_LOADED', 'UNKNOWN_CALENDAR'];
const RULE_GAPS: readonly DeadlineErrorCode[] = ['UNKNOWN_RULE', 'NO_VERSION_IN_FORCE'];

export function stepStatus(
  step: Pick<StepRow, 'due_date' | 'completed_on' | 'trigger_value' | 'calendar_id'>,
  today: string,
): { status: DeadlineStatus; workingDaysLeft: number | null; atRisk: AtRiskReason | null } | null {
  if (!step.due_date) return null;
  try {
    const view = deadlineStatus({
      dueDate: step.due_date,
      today,
      ...(step.completed_on ? { completedOn: step.completed_on } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(step.trigger_value) && step.trigger_value < step.due_date
        ? { startDate: step.trigger_value }
        : {}),
      ...(step.calendar_id ? { calendarId: step.calendar_id } : {}),
    });
    return { status: view.status, workingDaysLeft: view.workingDaysLeft ?? null, atRisk: view.atRiskBecause ?? null };
  } catch (error) {
    return unknownOnlyFor(error, CALENDAR_GAPS);
  }
}

function newerVersion(step: StepRow, today: string): number | null {
  if (!step.rule_id || step.rule_version === null) return null;
  try {
    const current = resolveRule(step.rule_id, today);
    return current.version > step.rule_version ? current.version : null;
  } catch (error) {
    return unknownOnlyFor(error, RULE_GAPS);
  }
}

/** The change note of the rule version now in force, when it is newer than the step's. */
function newerChange(step: StepRow, today: string): { es: string; en: string } | null {
  if (newerVersion(step, today) === null || !step.rule_id) return null;
  try {
    return resolveRule(step.rule_id, today).changeNote ?? null;
  } catch (error) {
    return unknownOnlyFor(error, RULE_GAPS);
  }
}

export function buildProcedureView(
  row: ProcedureRow,
  type: ProcedureType,
  steps: readonly StepRow[],
  today: string,
  /** Live filings by step key (already decrypted for the reader). */
  filings: ReadonlyMap<string, ProcedureFiling> = new Map(),
): ProcedureView {
  const byKey = new Map(steps.map((s) => [s.step_key, s]));
  const stepViews: ProcedureStepView[] = type.steps.map((def) => {
    const s = byKey.get(def.key);
    const status = s ? stepStatus(s, today) : null;
    return {
      key: def.key,
      title: def.title,
      ruleId: s?.rule_id ?? def.ruleId ?? null,
      ruleVersion: s?.rule_version ?? null,
      calendarId: s?.calendar_id ?? null,
      trigger: s?.trigger_value ?? null,
      dueDate: s?.due_date ?? null,
      dueInstant: s?.due_instant ? new Date(s.due_instant).toISOString() : null,
      window: s?.window_opens && s.window_closes ? { opens: s.window_opens, closes: s.window_closes } : null,
      explanation: s?.explanation_es && s.explanation_en ? { es: s.explanation_es, en: s.explanation_en } : null,
      legalBasis: s?.legal_basis ?? null,
      needsLegalReview: s?.needs_legal_review ?? false,
      completedOn: s?.completed_on ?? null,
      status: status?.status ?? null,
      atRisk: status?.atRisk ?? null,
      workingDaysLeft: status && status.status !== 'met' ? status.workingDaysLeft : null,
      filing: filings.get(def.key) ?? null,
      details: s?.details ?? null,
      previousDueDate: s?.previous_due_date ?? null,
      changeNote: s?.change_note ?? null,
      newerRuleVersion: s ? newerVersion(s, today) : null,
      newerRuleChange: s ? newerChange(s, today) : null,
    };
  });
  return {
    id: row.id,
    personId: row.person_id,
    type: row.type,
    typeVersion: row.type_version,
    title: type.title,
    jurisdiction: type.jurisdiction,
    stage: row.stage,
    stages: [...type.stages],
    version: row.version,
    ownerAccountId: row.owner_account_id,
    createdAt: new Date(row.created_at).toISOString(),
    steps: stepViews,
  };
}
