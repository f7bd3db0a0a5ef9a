// Deadline engine: public surface (re-exported by @acompana/core).
export { computeDeadline, computeDueDate } from './compute-deadline.service.ts';
export type { ComputeDeadlineInput, DeadlineResult, SkippedDay } from './deadline.types.ts';
export {
  deadlineStatus,
  instantDeadlineStatus,
  AT_RISK_WORKING_DAYS,
  AT_RISK_FRACTION,
  atRiskRules,
  type AtRiskReason,
  type DeadlineStatus,
  type DeadlineStatusInput,
  type DeadlineStatusView,
  type InstantStatusInput,
} from './deadline-status.service.ts';
export { DeadlineError, isDeadlineError, type DeadlineErrorCode } from './deadline.errors.ts';
export {
  listRules,
  listRuleIds,
  getRule,
  resolveRule,
  diffRuleVersions,
  listRuleChanges,
  type RuleFieldChange,
  type RuleVersionChange,
} from './rule.registry.ts';
export type {
  DeadlineRule,
  ResolvedRule,
  RuleVersion,
  RuleComputation,
  PeriodComputation,
  WindowComputation,
  InputWindowComputation,
  RecurringComputation,
  NoDeadlineComputation,
  PeriodUnit,
  RollPolicy,
  CountingStart,
  LegalBasis,
} from './rule.types.ts';
export {
  listCalendars,
  getCalendar,
  getWorkingDayIndex,
  calendarYearTable,
  withDeclaredDays,
} from './calendar.registry.ts';
export type {
  CalendarDefinition,
  NonWorkingDay,
  ExtraNonWorkingDay,
  LocalizedText,
  NonWorkingKind,
} from './calendar.types.ts';
export { WorkingDayIndex, type NonWorkingReason } from './working-day.index.ts';
export { isValidPlainDateText, type PlainDate } from './plain-date.util.ts';
