// Status of a deadline at a given "today", for lists and dashboards. Pure: the caller passes
// today (in the jurisdiction's zone), so the server's clock never leaks into the engine.
//
// "at_risk" (our choice, documented in docs/decisions/0102): a deadline is at risk when
//  - at most 5 working days remain after today (one working week: the time a caseworker needs to
//    gather documents and file, and the usual notice period for an organisation's review), or
//  - at most 25% of the period remains (so a one-year deadline turns amber three months ahead,
//    when preparing a full application has to start).
// Whichever comes first. Without a calendar, 7 calendar days stand in for 5 working days.

import { getWorkingDayIndex } from './calendar.registry.ts';
import type { ExtraNonWorkingDay } from './calendar.types.ts';
import { DeadlineError } from './deadline.errors.ts';
import { parsePlainDate, type PlainDate } from './plain-date.util.ts';
import { plainDateOfInstant } from './time-zone.util.ts';

export type DeadlineStatus = 'overdue' | 'due_today' | 'at_risk' | 'on_track' | 'met';

import {
  AT_RISK_CALENDAR_DAYS_WITHOUT_CALENDAR,
  AT_RISK_FRACTION,
  AT_RISK_WORKING_DAYS,
  atRiskRules,
  type AtRiskReason,
} from './at-risk.ts';
export {
  AT_RISK_CALENDAR_DAYS_WITHOUT_CALENDAR,
  AT_RISK_FRACTION,
  AT_RISK_WORKING_DAYS,
  atRiskRules,
  type AtRiskReason,
};

export interface DeadlineStatusInput {
  dueDate: PlainDate;
  today: PlainDate;
  /** Date the step was done (filed, received…); gives `met`. */
  completedOn?: PlainDate;
  /** Start of the period (usually the trigger), to measure the share of the period left. */
  startDate?: PlainDate;
  /** Calendar to count working days left; without it calendar days are used. */
  calendarId?: string;
  extraDays?: readonly ExtraNonWorkingDay[];
  atRiskWorkingDays?: number;
  atRiskFraction?: number;
}

export interface DeadlineStatusView {
  status: DeadlineStatus;
  /** With `met`: true when it was completed after the due date. */
  late?: boolean;
  calendarDaysLeft: number;
  workingDaysLeft?: number;
  fractionLeft?: number;
  /** With `at_risk`: the part of the rule that applies (the days rule when both do) and its threshold. */
  atRiskBecause?: AtRiskReason;
}

export function deadlineStatus(input: DeadlineStatusInput): DeadlineStatusView {
  const due = parsePlainDate(input.dueDate, 'dueDate');
  const today = parsePlainDate(input.today, 'today');
  const calendarDaysLeft = due - today;
  if (input.completedOn !== undefined) {
    const done = parsePlainDate(input.completedOn, 'completedOn');
    return { status: 'met', late: done > due, calendarDaysLeft };
  }
  if (today > due) return { status: 'overdue', calendarDaysLeft };
  if (today === due) return { status: 'due_today', calendarDaysLeft, workingDaysLeft: 0 };
  const view: DeadlineStatusView = { status: 'on_track', calendarDaysLeft };
  let because: AtRiskReason | undefined;
  if (input.calendarId) {
    const index = getWorkingDayIndex(input.calendarId, input.extraDays ?? []);
    view.workingDaysLeft = index.countWorkingDays(today, due);
    const limit = input.atRiskWorkingDays ?? AT_RISK_WORKING_DAYS;
    if (view.workingDaysLeft <= limit) because = { rule: 'working_days', limit };
  } else if (calendarDaysLeft <= AT_RISK_CALENDAR_DAYS_WITHOUT_CALENDAR) {
    because = { rule: 'calendar_days', limit: AT_RISK_CALENDAR_DAYS_WITHOUT_CALENDAR };
  }
  if (input.startDate !== undefined) {
    const start = parsePlainDate(input.startDate, 'startDate');
    if (start >= due)
      throw new DeadlineError('INVALID_INPUT', 'startDate must be before dueDate', { startDate: input.startDate });
    view.fractionLeft = calendarDaysLeft / (due - start);
    const limit = input.atRiskFraction ?? AT_RISK_FRACTION;
    if (!because && view.fractionLeft <= limit) because = { rule: 'share_of_period', limit };
  }
  if (because) {
    view.status = 'at_risk';
    view.atRiskBecause = because;
  }
  return view;
}

export interface InstantStatusInput {
  /** ISO instants. */
  dueInstant: string;
  now: string;
  startInstant?: string;
  completedAt?: string;
  /** Zone in which "today" is read for `due_today`. */
  timeZone: string;
  atRiskFraction?: number;
}

/**
 * Status of an hour-based deadline (e.g. the 36-hour detention limit). due_today means the limit
 * falls on today's local date; at_risk when at most 25% of the period (or 6 hours) remains.
 */
export function instantDeadlineStatus(input: InstantStatusInput): DeadlineStatus {
  const parse = (text: string, field: string) => {
    const ms = Date.parse(text);
    if (Number.isNaN(ms))
      throw new DeadlineError('INVALID_INSTANT', `invalid ${field} "${text}"`, { field, value: text });
    return ms;
  };
  const due = parse(input.dueInstant, 'dueInstant');
  const now = parse(input.now, 'now');
  if (input.completedAt !== undefined) {
    parse(input.completedAt, 'completedAt');
    return 'met';
  }
  if (now > due) return 'overdue';
  const left = due - now;
  const start = input.startInstant === undefined ? undefined : parse(input.startInstant, 'startInstant');
  const fraction = start !== undefined && due > start ? left / (due - start) : 1;
  if (left <= 6 * 3_600_000 || fraction <= (input.atRiskFraction ?? AT_RISK_FRACTION)) {
    return plainDateOfInstant(now, input.timeZone) === plainDateOfInstant(due, input.timeZone)
      ? 'due_today'
      : 'at_risk';
  }
  return plainDateOfInstant(now, input.timeZone) === plainDateOfInstant(due, input.timeZone) ? 'due_today' : 'on_track';
}
