// Reference implementation for tests and the benchmark: walks day by day over a set of
// non-working dates built straight from the calendar definition, with none of the bitset
// machinery. Slow on purpose; its only job is to be obviously right.

import type { CalendarDefinition, ExtraNonWorkingDay } from './calendar.types.ts';
import { formatDay, weekdayOf, yearOf, type DayNumber } from './plain-date.util.ts';

export class NaiveCalendar {
  private readonly closed = new Set<string>();
  private readonly calendar: CalendarDefinition;

  constructor(calendar: CalendarDefinition, extraDays: readonly ExtraNonWorkingDay[] = []) {
    this.calendar = calendar;
    for (let year = calendar.firstYear; year <= calendar.lastYear; year++) {
      for (const day of calendar.holidaysOf(year)) this.closed.add(day.date);
    }
    for (const extra of extraDays) this.closed.add(extra.date);
  }

  isWorkingDay(day: DayNumber): boolean {
    const year = yearOf(day);
    if (year < this.calendar.firstYear || year > this.calendar.lastYear) throw new Error(`no data for ${year}`);
    return !this.calendar.weekendDays.includes(weekdayOf(day)) && !this.closed.has(formatDay(day));
  }

  addWorkingDays(from: DayNumber, n: number): DayNumber {
    let day = from;
    for (let left = n; left > 0;) {
      day += 1;
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  subtractWorkingDays(from: DayNumber, n: number): DayNumber {
    let day = from;
    for (let left = n; left > 0;) {
      day -= 1;
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  nextWorkingDayOnOrAfter(day: DayNumber): DayNumber {
    let d = day;
    while (!this.isWorkingDay(d)) d += 1;
    return d;
  }

  previousWorkingDayOnOrBefore(day: DayNumber): DayNumber {
    let d = day;
    while (!this.isWorkingDay(d)) d -= 1;
    return d;
  }
}
