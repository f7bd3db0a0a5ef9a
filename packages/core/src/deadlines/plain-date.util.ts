// Plain calendar dates (YYYY-MM-DD, no time, no zone) as integer day numbers.
// Legal periods are counted in whole days of the jurisdiction's calendar, so the engine works on
// days since 1970-01-01 and never on JavaScript Date objects, whose local-time arithmetic would
// shift dates around daylight-saving changes.

import { DeadlineError } from './deadline.errors.ts';

/** A calendar date written YYYY-MM-DD. */
export type PlainDate = string;
/** Days since 1970-01-01 (day 0 is a Thursday). */
export type DayNumber = number;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOf(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOf(dayNumber: DayNumber): number {
  return civilOf(dayNumber).year;
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function formatDay(dayNumber: DayNumber): PlainDate {
  const { year, month, day } = civilOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Returns the day number, or undefined when the text is not a real YYYY-MM-DD date. */
export function tryParsePlainDate(text: string): DayNumber | undefined {
  const match = PLAIN_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

/** Parses YYYY-MM-DD strictly (2025-02-30 and 25/02/2025 are rejected with INVALID_DATE). */
export function parsePlainDate(text: string, field = 'date'): DayNumber {
  const day = tryParsePlainDate(text);
  if (day === undefined) {
    throw new DeadlineError(
      'INVALID_DATE',
      `invalid ${field} "${text}": expected a real calendar date written YYYY-MM-DD`,
      {
        field,
        value: text,
      },
    );
  }
  return day;
}

/**
 * Adds whole months keeping the day of the month; when the target month is shorter the date is
 * clamped to its last day (31 March + 1 month = 30 April; 29 Feb 2024 + 1 year = 28 Feb 2025).
 * Clamping never moves a deadline later than the anniversary, which is the safe reading.
 */
export function addMonthsClamped(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = civilOf(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayNumberOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** n-th given weekday of a month (n = 1..5), e.g. the third Monday of January. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): DayNumber {
  const first = dayNumberOf(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + offset + (n - 1) * 7;
}

/** Last given weekday of a month, e.g. the last Monday of May. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): DayNumber {
  const last = dayNumberOf(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

export function isValidPlainDateText(text: string): boolean {
  return tryParsePlainDate(text) !== undefined;
}
