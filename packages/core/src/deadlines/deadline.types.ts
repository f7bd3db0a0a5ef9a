// Input and output of a deadline computation. The server stores procedure steps with the rule
// id, the trigger and (after computing) the rule version, so a stored deadline can be recomputed
// and explained later.

import type { ExtraNonWorkingDay, LocalizedText } from './calendar.types.ts';
import type { PlainDate } from './plain-date.util.ts';
import type { LegalBasis, RuleComputation } from './rule.types.ts';
import type { NonWorkingReason } from './working-day.index.ts';

export interface ComputeDeadlineInput {
  ruleId: string;
  /**
   * YYYY-MM-DD: the trigger (notice taking effect, entry, decision…) or, for rules counted
   * backwards, the event (hearing, expiry). For hour rules: YYYY-MM-DDTHH:MM in the
   * jurisdiction's zone, or an ISO instant with Z / offset.
   */
  trigger: string;
  /** Pin a rule version instead of using the one in force at the trigger date. */
  version?: number;
  /** Use another calendar than the rule's (e.g. `mx-federal-admin+segob`); same jurisdiction. */
  calendarId?: string;
  /** Non-working days declared by an authority and entered by an administrator. */
  extraDays?: readonly ExtraNonWorkingDay[];
  /** IANA zone of the office (e.g. America/Tijuana); defaults to the calendar's zone. */
  timeZone?: string;
  /** Window of an `input_window` rule (e.g. dates of a Federal Register notice). */
  window?: { opens: PlainDate; closes: PlainDate };
  /** Recurring rules: list occurrences on or after this date (default: the day after the trigger). */
  from?: PlainDate;
  /** Recurring rules: how many occurrences to list (default 4, at most 260). */
  occurrences?: number;
}

export interface SkippedDay {
  date: PlainDate;
  reasons: NonWorkingReason[];
}

export interface DeadlineResult {
  ruleId: string;
  ruleVersion: number;
  ruleTitle: LocalizedText;
  kind: RuleComputation['kind'];
  calendarId: string;
  timeZone: string;
  trigger: string;
  /** Due date (last day to act) in the jurisdiction's calendar; null when no deadline applies. */
  dueDate: PlainDate | null;
  /** Hour rules: the limit as an ISO instant (UTC) and as local wall time. */
  dueInstant?: string;
  dueLocalTime?: string;
  /** Windows: first and last day. */
  window?: { opens: PlainDate; closes: PlainDate };
  /** Recurring rules: next occurrences. */
  occurrences?: PlainDate[];
  /** Date the period reached before any rolling. */
  unrolledDate?: PlainDate;
  rolled: boolean;
  /** True when the due date is a non-working day that this rule does not roll. */
  endsOnNonWorkingDay: boolean;
  /** Non-working days skipped by the count or by the roll, with reasons (weekends included). */
  skippedDays: SkippedDay[];
  legalBasis: LegalBasis;
  needsLegalReview: boolean;
  reviewNote?: string;
  explanation: LocalizedText;
}
