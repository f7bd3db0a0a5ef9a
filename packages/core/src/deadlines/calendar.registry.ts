// The calendars shipped with the engine, and compiled (bitset) indexes over them.
//
// Base calendars carry only what their statute lists. Days an authority declares non-working in
// the DOF come as a separately named overlay (`<base>+<authority>`), whose years are limited to
// the years whose declarations we ship; administrators add further days as `extraDays`.

import type { CalendarDefinition, ExtraNonWorkingDay, NonWorkingDay } from './calendar.types.ts';
import { DeadlineError } from './deadline.errors.ts';
import { formatDay } from './plain-date.util.ts';
import { MX_AMPARO_CALENDAR, MX_FEDERAL_ADMIN_CALENDAR } from './mx-federal.calendar.ts';
import { SEGOB_DECLARED_DAYS } from './segob-declared-days.data.ts';
import { US_FEDERAL_CALENDAR, US_FEDERAL_DC_CALENDAR } from './us-federal.calendar.ts';
import { WorkingDayIndex } from './working-day.index.ts';

/** Base calendar plus an authority's declared days, limited to the years that table covers. */
export function withDeclaredDays(
  base: CalendarDefinition,
  overlayId: string,
  table: Readonly<Record<number, readonly NonWorkingDay[]>>,
  note: string,
): CalendarDefinition {
  const years = Object.keys(table)
    .map(Number)
    .sort((a, b) => a - b);
  const firstYear = Math.max(base.firstYear, years[0] ?? base.firstYear);
  const lastYear = Math.min(base.lastYear, years[years.length - 1] ?? base.firstYear - 1);
  const missingYears: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) if (!table[y]) missingYears.push(y);
  return {
    ...base,
    id: `${base.id}+${overlayId}`,
    name: {
      es: `${base.name.es} + días declarados (${overlayId})`,
      en: `${base.name.en} + declared days (${overlayId})`,
    },
    firstYear,
    lastYear,
    missingYears,
    holidaysOf: (year) =>
      [...base.holidaysOf(year), ...(table[year] ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
    notes: [...base.notes, note],
    needsLegalReview: true,
  };
}

export const MX_FEDERAL_ADMIN_SEGOB_CALENDAR = withDeclaredDays(
  MX_FEDERAL_ADMIN_CALENDAR,
  'segob',
  SEGOB_DECLARED_DAYS,
  'Declared days of SEGOB/COMAR published in the DOF; only years with collected declarations are loaded [U: completeness].',
);

const CALENDARS: ReadonlyMap<string, CalendarDefinition> = new Map(
  [
    MX_FEDERAL_ADMIN_CALENDAR,
    MX_FEDERAL_ADMIN_SEGOB_CALENDAR,
    MX_AMPARO_CALENDAR,
    US_FEDERAL_CALENDAR,
    US_FEDERAL_DC_CALENDAR,
  ].map((c) => [c.id, c] as const),
);

export function listCalendars(): CalendarDefinition[] {
  return [...CALENDARS.values()];
}

export function getCalendar(id: string): CalendarDefinition {
  const calendar = CALENDARS.get(id);
  if (!calendar) {
    throw new DeadlineError(
      'UNKNOWN_CALENDAR',
      `unknown calendar "${id}"; known calendars: ${[...CALENDARS.keys()].join(', ')}`,
      {
        calendarId: id,
        known: [...CALENDARS.keys()],
      },
    );
  }
  return calendar;
}

/** The table of non-weekend non-working days of one calendar and year, each with its source. */
export function calendarYearTable(calendarId: string, year: number, extraDays: readonly ExtraNonWorkingDay[] = []) {
  const index = getWorkingDayIndex(calendarId, extraDays);
  const bits = index.yearBits(year);
  return [...bits.reasons.entries()]
    .sort(([a], [b]) => a - b)
    .map(([offset, reasons]) => ({ date: formatDay(bits.start + offset), reasons }));
}

// Compiled indexes are cached by calendar and set of extra days: a server recomputing all open
// deadlines of an organisation reuses one index (and its yearly bitsets) for all of them.
const INDEX_CACHE = new Map<string, WorkingDayIndex>();
const INDEX_CACHE_LIMIT = 64;

function cacheKey(calendarId: string, extraDays: readonly ExtraNonWorkingDay[]): string {
  if (extraDays.length === 0) return calendarId;
  const parts = extraDays.map((d) => `${d.date}|${JSON.stringify(d.reason)}|${d.source}`).sort();
  return `${calendarId}\n${parts.join('\n')}`;
}

export function getWorkingDayIndex(calendarId: string, extraDays: readonly ExtraNonWorkingDay[] = []): WorkingDayIndex {
  const key = cacheKey(calendarId, extraDays);
  const cached = INDEX_CACHE.get(key);
  if (cached) return cached;
  const index = new WorkingDayIndex(getCalendar(calendarId), extraDays);
  if (INDEX_CACHE.size >= INDEX_CACHE_LIMIT) {
    const oldest = INDEX_CACHE.keys().next().value;
    if (oldest !== undefined) INDEX_CACHE.delete(oldest);
  }
  INDEX_CACHE.set(key, index);
  return index;
}
