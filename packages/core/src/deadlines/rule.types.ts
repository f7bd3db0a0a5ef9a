// Shape of a deadline rule. A rule id (e.g. `mx.comar.application`) is stable; its content is
// versioned: each version says from which date it is in force, so a deadline computed for a step
// uses the version in force at the trigger date (or a pinned one) and stays reproducible when
// the law or a practice manual changes.

import type { LocalizedText } from './calendar.types.ts';
import type { PlainDate } from './plain-date.util.ts';

export type PeriodUnit = 'working_days' | 'calendar_days' | 'months' | 'years' | 'hours';

/**
 * What happens when a period ends on a non-working day.
 * - none: the date stands (the person must act earlier; the result warns).
 * - next_working_day: forward periods run until the next working day.
 * - previous_working_day: backward periods (N days before a hearing) move EARLIER.
 * Periods in working days never end on a non-working day, so their policy is moot.
 */
export type RollPolicy = 'none' | 'next_working_day' | 'previous_working_day';

/**
 * - day_after_trigger: day 1 is the day after the trigger (notice, entry, decision…).
 * - event_is_day_zero: counted backwards from an event; the event is day 0, the day before day 1.
 * - trigger_instant: hours run continuously from the instant of the trigger.
 */
export type CountingStart = 'day_after_trigger' | 'event_is_day_zero' | 'trigger_instant';

export interface PeriodComputation {
  kind: 'period';
  amount: number;
  unit: PeriodUnit;
  direction: 'forward' | 'backward';
  countingStart: CountingStart;
  roll: RollPolicy;
}

/** A window before an event (e.g. DACA renewal: opens 150 and closes 120 days before expiry). */
export interface WindowComputation {
  kind: 'window';
  opensDaysBefore: number;
  closesDaysBefore: number;
  unit: 'calendar_days';
  countingStart: 'event_is_day_zero';
  roll: 'none';
}

/** A window whose dates come with the computation (e.g. a Federal Register notice). */
export interface InputWindowComputation {
  kind: 'input_window';
}

/** A recurring obligation (e.g. weekly signing at COMAR); the trigger is the last compliance. */
export interface RecurringComputation {
  kind: 'recurring';
  everyDays: number;
  unit: 'calendar_days';
  countingStart: 'day_after_trigger';
  roll: RollPolicy;
}

/** No deadline applies (e.g. amparo "at any time", Ley de Amparo art. 17-IV). */
export interface NoDeadlineComputation {
  kind: 'no_deadline';
}

export type RuleComputation =
  PeriodComputation | WindowComputation | InputWindowComputation | RecurringComputation | NoDeadlineComputation;

export interface LegalBasis {
  /** Short citation shown to users, e.g. "LRPCAP art. 18". */
  citation: string;
  law: string;
  article: string;
  /** Where the rule was checked (statute, regulation, manual, secondary source). */
  sources: readonly string[];
}

export interface RuleVersion {
  version: number;
  /** First date (of the trigger) on which this version applies. */
  validFrom: PlainDate;
  jurisdiction: 'MX' | 'US';
  calendarId: string;
  computation: RuleComputation;
  legalBasis: LegalBasis;
  /** What the trigger date means for this rule (entry into Mexico, decision date, hearing…). */
  trigger: LocalizedText;
  /**
   * Plain-language template. Placeholders: {trigger} {start} {due} {event} {opens} {closes}
   * {amount}; the engine appends skipped holidays, rolling and review notes.
   */
  explanation: LocalizedText;
  /** What happens if the deadline is missed. */
  consequence: LocalizedText;
  /** True for [U] items of LEGAL-DEADLINES.md: a lawyer must confirm before presenting it as law. */
  needsLegalReview: boolean;
  reviewNote?: string;
  /** What changed from the previous version. */
  changeNote?: LocalizedText;
}

export interface DeadlineRule {
  id: string;
  title: LocalizedText;
  versions: readonly RuleVersion[];
}

/** One version of a rule, flattened with the rule's id and title. */
export type ResolvedRule = RuleVersion & { id: string; title: LocalizedText };
