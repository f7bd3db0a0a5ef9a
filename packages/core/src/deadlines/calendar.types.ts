// Shapes of jurisdiction calendars. A calendar is data: for each year it can produce a table of
// non-working days, each with its reason and the source that makes it non-working, so that a
// deadline's explanation can say *why* a day was skipped and administrators can audit it.

import type { PlainDate } from './plain-date.util.ts';

export interface LocalizedText {
  es: string;
  en: string;
}

/** weekend: Saturday/Sunday; holiday: fixed by statute; declared: published by an authority;
 *  extra: added by an administrator of this installation (engine input). */
export type NonWorkingKind = 'weekend' | 'holiday' | 'declared' | 'extra';

export interface NonWorkingDay {
  date: PlainDate;
  kind: Exclude<NonWorkingKind, 'weekend'>;
  reason: LocalizedText;
  /** Article, law or official publication that makes the day non-working. */
  source: string;
}

/** A day an administrator declares non-working (e.g. an office closure published in the DOF). */
export interface ExtraNonWorkingDay {
  date: PlainDate;
  reason: LocalizedText | string;
  source: string;
}

export interface CalendarDefinition {
  id: string;
  name: LocalizedText;
  jurisdiction: 'MX' | 'US';
  /** IANA zone of the jurisdiction; dates of instants are read in this zone. */
  timeZone: string;
  /** Law that defines the working days of this calendar. */
  legalBasis: string;
  /** Weekdays that are never working days (0 = Sunday, 6 = Saturday). */
  weekendDays: readonly number[];
  /** Inclusive range of years the calendar has data for; outside it the engine refuses. */
  firstYear: number;
  lastYear: number;
  /** Years inside [firstYear, lastYear] for which data is still missing (none for generated ones). */
  missingYears?: readonly number[];
  /** Non-weekend non-working days of a year, in date order. */
  holidaysOf(year: number): readonly NonWorkingDay[];
  notes: readonly string[];
  needsLegalReview: boolean;
}
