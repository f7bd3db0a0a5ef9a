// United States federal calendar: Saturdays, Sundays and the legal public holidays of
// 5 U.S.C. 6103(a), on the days they are observed by federal offices.
//
// Observed days (5 U.S.C. 6103(b), Executive Order 11582): a holiday falling on a Saturday is
// observed the Friday before, one falling on a Sunday the Monday after. A New Year's Day that falls
// on a Saturday is therefore observed on Friday 31 December of the previous year (e.g. 2021-12-31
// and 2027-12-31), so each year's table also looks at the next 1 January.
//
// Why "legal holiday" matters for immigration deadlines: 8 CFR 1001.1(h) (and 8 CFR 1.2 for DHS)
// counts Saturdays, Sundays and legal holidays in a period, but when the last day falls on one of
// them the period runs until the next day that is none of them (applied to statutory periods by
// the Supreme Court in Monsalvo Velázquez v. Bondi, 2025).
//
// Inauguration Day (5 U.S.C. 6103(c)): 20 January of each fourth year after 1965 (Monday 21 January
// when the 20th is a Sunday) is a holiday ONLY for federal employees in the "Inauguration Day area"
// (District of Columbia; Montgomery and Prince George's Counties, MD; Arlington and Fairfax
// Counties and the cities of Alexandria, Fairfax and Falls Church, VA). Decision: the nationwide
// `us-federal` calendar does NOT include it — immigration courts outside that area are open, and
// leaving it out can only make a deadline earlier, never later. The BIA sits in Falls Church, so
// a separate `us-federal-dc` calendar includes it for offices in that area; a lawyer should decide
// before relying on it (needsLegalReview).

import type { CalendarDefinition, LocalizedText, NonWorkingDay } from './calendar.types.ts';
import {
  dayNumberOf,
  formatDay,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  weekdayOf,
  type DayNumber,
} from './plain-date.util.ts';

const SOURCE = '5 U.S.C. 6103(a)';
const OBSERVED = '5 U.S.C. 6103(b); Executive Order 11582';
const MONDAY = 1;
const THURSDAY = 4;

interface FederalHoliday {
  name: LocalizedText;
  /** Actual date of the holiday in the given year, or undefined when it did not exist yet. */
  dateIn(year: number): DayNumber | undefined;
}

const FIXED =
  (month: number, day: number, since = 0) =>
  (year: number) =>
    year >= since ? dayNumberOf(year, month, day) : undefined;

const FEDERAL_HOLIDAYS: readonly FederalHoliday[] = [
  { name: { es: 'Año Nuevo', en: "New Year's Day" }, dateIn: FIXED(1, 1) },
  {
    name: { es: 'Natalicio de Martin Luther King Jr.', en: 'Birthday of Martin Luther King, Jr.' },
    dateIn: (y) => (y >= 1986 ? nthWeekdayOfMonth(y, 1, MONDAY, 3) : undefined),
  },
  {
    name: { es: 'Natalicio de Washington', en: "Washington's Birthday" },
    dateIn: (y) => nthWeekdayOfMonth(y, 2, MONDAY, 3),
  },
  { name: { es: 'Día de los Caídos', en: 'Memorial Day' }, dateIn: (y) => lastWeekdayOfMonth(y, 5, MONDAY) },
  // Juneteenth National Independence Day Act, Pub. L. 117-17 (17 June 2021); first observed 18 June 2021.
  { name: { es: 'Juneteenth', en: 'Juneteenth National Independence Day' }, dateIn: FIXED(6, 19, 2021) },
  { name: { es: 'Día de la Independencia', en: 'Independence Day' }, dateIn: FIXED(7, 4) },
  { name: { es: 'Día del Trabajo', en: 'Labor Day' }, dateIn: (y) => nthWeekdayOfMonth(y, 9, MONDAY, 1) },
  { name: { es: 'Día de Colón', en: 'Columbus Day' }, dateIn: (y) => nthWeekdayOfMonth(y, 10, MONDAY, 2) },
  { name: { es: 'Día de los Veteranos', en: 'Veterans Day' }, dateIn: FIXED(11, 11) },
  {
    name: { es: 'Día de Acción de Gracias', en: 'Thanksgiving Day' },
    dateIn: (y) => nthWeekdayOfMonth(y, 11, THURSDAY, 4),
  },
  { name: { es: 'Navidad', en: 'Christmas Day' }, dateIn: FIXED(12, 25) },
];

function observedDay(actual: DayNumber): DayNumber {
  const weekday = weekdayOf(actual);
  if (weekday === 6) return actual - 1;
  if (weekday === 0) return actual + 1;
  return actual;
}

function observedHoliday(holiday: FederalHoliday, actual: DayNumber): NonWorkingDay {
  const observed = observedDay(actual);
  const moved = observed !== actual;
  return {
    date: formatDay(observed),
    kind: 'holiday',
    reason: moved
      ? {
          es: `${holiday.name.es} (observado; cae el ${formatDay(actual)})`,
          en: `${holiday.name.en} (observed; falls on ${formatDay(actual)})`,
        }
      : holiday.name,
    source: moved ? `${SOURCE}; ${OBSERVED}` : SOURCE,
  };
}

function federalHolidaysOf(year: number): NonWorkingDay[] {
  const days: NonWorkingDay[] = [];
  // Look one year ahead: next year's 1 January may be observed on this year's 31 December.
  for (const y of [year, year + 1]) {
    for (const holiday of FEDERAL_HOLIDAYS) {
      const actual = holiday.dateIn(y);
      if (actual === undefined) continue;
      const entry = observedHoliday(holiday, actual);
      if (entry.date.startsWith(`${year}-`)) days.push(entry);
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** 5 U.S.C. 6103(c): 20 January of every fourth year after 1965; the 21st when the 20th is a Sunday. */
export function inaugurationDayOf(year: number): DayNumber | undefined {
  if (year <= 1965 || (year - 1965) % 4 !== 0) return undefined;
  const day = dayNumberOf(year, 1, 20);
  return weekdayOf(day) === 0 ? day + 1 : day;
}

const COMMON = {
  jurisdiction: 'US' as const,
  weekendDays: [0, 6],
  // Generated from the statute, so any year is computable; the range is bounded to keep
  // far-future or far-past triggers (usually typos) from producing confident answers.
  firstYear: 2000,
  lastYear: 2040,
};

export const US_FEDERAL_CALENDAR: CalendarDefinition = {
  ...COMMON,
  id: 'us-federal',
  name: { es: 'Federal de EE. UU. (días hábiles federales)', en: 'US federal (federal business days)' },
  // The BIA (Falls Church, VA) keeps Eastern time; an immigration court uses its own local time
  // and callers pass that zone with the computation.
  timeZone: 'America/New_York',
  legalBasis: '5 U.S.C. 6103; 8 CFR 1001.1(h)',
  holidaysOf: federalHolidaysOf,
  notes: [
    'Inauguration Day (5 U.S.C. 6103(c)) is excluded: it is a holiday only in the Washington DC area; see us-federal-dc.',
  ],
  needsLegalReview: false,
};

export const US_FEDERAL_DC_CALENDAR: CalendarDefinition = {
  ...COMMON,
  id: 'us-federal-dc',
  name: { es: 'Federal de EE. UU., área de Washington DC', en: 'US federal, Washington DC area' },
  timeZone: 'America/New_York',
  legalBasis: '5 U.S.C. 6103(a), (c); 8 CFR 1001.1(h)',
  holidaysOf(year) {
    const days = federalHolidaysOf(year);
    const inauguration = inaugurationDayOf(year);
    if (inauguration !== undefined) {
      const date = formatDay(inauguration);
      // In 2025 (and 2053…) it coincides with Martin Luther King Jr. Day; keep one entry per day.
      if (!days.some((d) => d.date === date)) {
        days.push({
          date,
          kind: 'holiday',
          reason: { es: 'Día de la Toma de Posesión (solo área de DC)', en: 'Inauguration Day (DC area only)' },
          source: '5 U.S.C. 6103(c)',
        });
      }
    }
    return days.sort((a, b) => a.date.localeCompare(b.date));
  },
  notes: [
    'Adds Inauguration Day for offices in the Inauguration Day area (5 U.S.C. 6103(c)), e.g. the BIA in Falls Church, VA.',
  ],
  needsLegalReview: true,
};
