// Computes a deadline: picks the rule version in force at the trigger date, counts the period in
// the jurisdiction's calendar (bitset index), rolls it where the rule says so, and explains it.
// Pure: no clock, no I/O; the same input always gives the same result.

import type { CalendarDefinition } from './calendar.types.ts';
import { getCalendar, getWorkingDayIndex } from './calendar.registry.ts';
import { buildExplanation } from './deadline-explanation.builder.ts';
import { DeadlineError } from './deadline.errors.ts';
import type { ComputeDeadlineInput, DeadlineResult, SkippedDay } from './deadline.types.ts';
import {
  addMonthsClamped,
  formatDay,
  parsePlainDate,
  tryParsePlainDate,
  yearOf,
  type DayNumber,
} from './plain-date.util.ts';
import { getRule, resolveRule } from './rule.registry.ts';
import type { PeriodComputation, ResolvedRule, RollPolicy } from './rule.types.ts';
import { assertTimeZone, localDateTimeOf, parseInstant, plainDateOfInstant } from './time-zone.util.ts';
import type { WorkingDayIndex } from './working-day.index.ts';

const HOUR_MS = 3_600_000;
const MAX_OCCURRENCES = 260;

interface Counted {
  due: DayNumber | null;
  unrolled?: DayNumber;
  /** Span whose non-working days were skipped by the count (inclusive). */
  skippedFrom?: DayNumber;
  skippedTo?: DayNumber;
  window?: { opens: DayNumber; closes: DayNumber };
  occurrences?: DayNumber[];
  dueInstantMs?: number;
}

interface Prepared {
  rule: ResolvedRule;
  calendar: CalendarDefinition;
  index: WorkingDayIndex;
  timeZone: string;
  triggerDay: DayNumber;
  triggerMs?: number;
}

function prepare(input: ComputeDeadlineInput): Prepared {
  const base = getRule(input.ruleId);
  const latest = base.versions[base.versions.length - 1]!;
  const zoneHint = input.timeZone ?? getCalendar(input.calendarId ?? latest.calendarId).timeZone;
  assertTimeZone(zoneHint);
  let triggerDay = tryParsePlainDate(input.trigger);
  let triggerMs: number | undefined;
  if (triggerDay === undefined) {
    if (!input.trigger.includes('T')) parsePlainDate(input.trigger, 'trigger date'); // throws INVALID_DATE
    triggerMs = parseInstant(input.trigger, zoneHint, 'trigger');
    triggerDay = parsePlainDate(plainDateOfInstant(triggerMs, zoneHint));
  }
  const rule = resolveRule(input.ruleId, triggerDay, input.version);
  const calendar = getCalendar(input.calendarId ?? rule.calendarId);
  if (calendar.jurisdiction !== rule.jurisdiction) {
    throw new DeadlineError(
      'INVALID_INPUT',
      `calendar ${calendar.id} (${calendar.jurisdiction}) cannot be used for rule ${rule.id} (${rule.jurisdiction})`,
      {
        calendarId: calendar.id,
        ruleId: rule.id,
      },
    );
  }
  const timeZone = input.timeZone ?? calendar.timeZone;
  const index = getWorkingDayIndex(calendar.id, input.extraDays ?? []);
  index.assertYear(yearOf(triggerDay));
  return { rule, calendar, index, timeZone, triggerDay, triggerMs };
}

function roll(index: WorkingDayIndex, day: DayNumber, policy: RollPolicy): DayNumber {
  if (policy === 'next_working_day') return index.nextWorkingDayOnOrAfter(day);
  if (policy === 'previous_working_day') return index.previousWorkingDayOnOrBefore(day);
  index.assertYear(yearOf(day)); // even unrolled dates must fall in a year we can vouch for
  return day;
}

function countPeriod(p: Prepared, c: PeriodComputation): Counted {
  const { index, triggerDay } = p;
  const sign = c.direction === 'forward' ? 1 : -1;
  if (c.unit === 'hours') {
    if (p.triggerMs === undefined) {
      throw new DeadlineError(
        'INVALID_INSTANT',
        `rule ${p.rule.id} counts hours: give the trigger as YYYY-MM-DDTHH:MM (local time) or an ISO instant`,
        {
          ruleId: p.rule.id,
        },
      );
    }
    const dueMs = p.triggerMs + sign * c.amount * HOUR_MS;
    const due = parsePlainDate(plainDateOfInstant(dueMs, p.timeZone));
    index.assertYear(yearOf(due));
    return { due, dueInstantMs: dueMs };
  }
  if (c.unit === 'working_days') {
    const due = sign > 0 ? index.addWorkingDays(triggerDay, c.amount) : index.subtractWorkingDays(triggerDay, c.amount);
    return sign > 0
      ? { due, skippedFrom: triggerDay + 1, skippedTo: due - 1 }
      : { due, skippedFrom: due + 1, skippedTo: triggerDay - 1 };
  }
  const months = c.unit === 'years' ? 12 * c.amount : c.unit === 'months' ? c.amount : 0;
  const unrolled = months > 0 ? addMonthsClamped(triggerDay, sign * months) : triggerDay + sign * c.amount;
  const due = roll(index, unrolled, c.roll);
  return due === unrolled
    ? { due }
    : { due, unrolled, skippedFrom: Math.min(due, unrolled), skippedTo: Math.max(due, unrolled) };
}

function count(p: Prepared, input: ComputeDeadlineInput): Counted {
  const c = p.rule.computation;
  switch (c.kind) {
    case 'period':
      return countPeriod(p, c);
    case 'window': {
      const opens = roll(p.index, p.triggerDay - c.opensDaysBefore, 'none');
      const closes = roll(p.index, p.triggerDay - c.closesDaysBefore, 'none');
      return { due: closes, window: { opens, closes } };
    }
    case 'input_window': {
      if (!input.window) {
        throw new DeadlineError(
          'INVALID_INPUT',
          `rule ${p.rule.id} needs the window dates (opens, closes) from the notice`,
          { ruleId: p.rule.id },
        );
      }
      const opens = parsePlainDate(input.window.opens, 'window.opens');
      const closes = parsePlainDate(input.window.closes, 'window.closes');
      if (closes < opens)
        throw new DeadlineError('INVALID_INPUT', 'window closes before it opens', { window: input.window });
      p.index.assertYear(yearOf(closes));
      return { due: closes, window: { opens, closes } };
    }
    case 'recurring': {
      const from = input.from === undefined ? p.triggerDay + 1 : parsePlainDate(input.from, 'from');
      const wanted = Math.min(Math.max(input.occurrences ?? 4, 1), MAX_OCCURRENCES);
      const occurrences: DayNumber[] = [];
      let firstNominal = 0;
      for (let k = 1; occurrences.length < wanted; k++) {
        const nominal = p.triggerDay + k * c.everyDays;
        const day = roll(p.index, nominal, c.roll);
        if (day < from) continue;
        if (occurrences.length === 0) firstNominal = nominal;
        occurrences.push(day);
      }
      const due = occurrences[0]!;
      return due === firstNominal
        ? { due, occurrences }
        : {
            due,
            occurrences,
            unrolled: firstNominal,
            skippedFrom: Math.min(due, firstNominal),
            skippedTo: Math.max(due, firstNominal),
          };
    }
    case 'no_deadline':
      return { due: null };
  }
}

function skipped(index: WorkingDayIndex, from?: DayNumber, to?: DayNumber): SkippedDay[] {
  if (from === undefined || to === undefined || to < from) return [];
  return index.nonWorkingDaysBetween(from, to);
}

/** Full computation: due date, rule version, calendar, skipped days, rolling and explanation. */
export function computeDeadline(input: ComputeDeadlineInput): DeadlineResult {
  const p = prepare(input);
  const counted = count(p, input);
  const { rule, index } = p;
  const c = rule.computation;
  const dueDate = counted.due === null ? null : formatDay(counted.due);
  const unrolledDate = counted.unrolled === undefined ? undefined : formatDay(counted.unrolled);
  const rolled = counted.unrolled !== undefined && counted.unrolled !== counted.due;
  const hours = c.kind === 'period' && c.unit === 'hours';
  const endsOnNonWorkingDay =
    counted.due !== null && !hours && c.kind !== 'no_deadline' && !index.isWorkingDay(counted.due);
  const skippedDays = skipped(index, counted.skippedFrom, counted.skippedTo);
  const values: Record<string, string> = {
    trigger: input.trigger,
    event: input.trigger,
    amount: String(c.kind === 'period' ? c.amount : ''),
  };
  values.start = formatDay(p.triggerDay + 1);
  if (dueDate) values.due = dueDate;
  if (counted.dueInstantMs !== undefined)
    values.due = `${localDateTimeOf(counted.dueInstantMs, p.timeZone)} ${p.timeZone}`;
  if (counted.window) {
    values.opens = formatDay(counted.window.opens);
    values.closes = formatDay(counted.window.closes);
  }
  const result: DeadlineResult = {
    ruleId: rule.id,
    ruleVersion: rule.version,
    ruleTitle: rule.title,
    kind: c.kind,
    calendarId: p.calendar.id,
    timeZone: p.timeZone,
    trigger: input.trigger,
    dueDate,
    rolled,
    endsOnNonWorkingDay,
    skippedDays,
    legalBasis: rule.legalBasis,
    needsLegalReview: rule.needsLegalReview || (p.calendar.needsLegalReview && !hours),
    explanation: buildExplanation({
      rule,
      values,
      skippedDays,
      unrolledDate,
      dueDate,
      rolled,
      endsOnNonWorkingDay,
      calendarName: p.calendar.name,
      extraDaysUsed: (input.extraDays ?? []).length,
    }),
  };
  if (rule.reviewNote) result.reviewNote = rule.reviewNote;
  if (unrolledDate) result.unrolledDate = unrolledDate;
  if (counted.dueInstantMs !== undefined) {
    result.dueInstant = new Date(counted.dueInstantMs).toISOString();
    result.dueLocalTime = localDateTimeOf(counted.dueInstantMs, p.timeZone);
  }
  if (counted.window)
    result.window = { opens: formatDay(counted.window.opens), closes: formatDay(counted.window.closes) };
  if (counted.occurrences) result.occurrences = counted.occurrences.map(formatDay);
  return result;
}

/**
 * Fast path for bulk recomputation (e.g. every open deadline after a calendar change): only the
 * due date, with the same semantics as computeDeadline but without explanation or skipped days.
 */
export function computeDueDate(input: ComputeDeadlineInput): string | null {
  const p = prepare(input);
  const counted = count(p, input);
  if (counted.dueInstantMs !== undefined) return new Date(counted.dueInstantMs).toISOString();
  return counted.due === null ? null : formatDay(counted.due);
}
