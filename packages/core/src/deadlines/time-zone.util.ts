// Instants and IANA time zones, for the few rules counted in hours (the 36-hour limit on
// migration detention) and for reading the local date of an instant in the jurisdiction's zone.
// Only Intl is used (no dependency); Node ships full ICU, so every IANA zone is available.

import { DeadlineError } from './deadline.errors.ts';
import { dayNumberOf, daysInMonth, formatDay, type PlainDate } from './plain-date.util.ts';

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new DeadlineError('INVALID_TIME_ZONE', `unknown IANA time zone "${timeZone}"`, { timeZone });
    }
    FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTimeOf(epochMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallAsUtcMs(w: WallTime): number {
  return dayNumberOf(w.year, w.month, w.day) * 86_400_000 + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
}

/** Offset of the zone from UTC at an instant, in milliseconds (e.g. −6 h for Mexico City). */
export function offsetMsAt(epochMs: number, timeZone: string): number {
  const rounded = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtcMs(wallTimeOf(rounded, timeZone)) - rounded;
}

/**
 * Instant of a local wall time. For a time repeated when clocks go back, the EARLIER instant is
 * chosen; for a time skipped when clocks go forward, the instant after the gap. For a detention
 * that starts then, the earlier reading ends the 36 hours sooner, which protects the person.
 */
export function instantOfWallTime(w: WallTime, timeZone: string): number {
  const asUtc = wallAsUtcMs(w);
  const candidates = new Set<number>();
  for (const probe of [asUtc - 86_400_000, asUtc, asUtc + 86_400_000]) {
    const candidate = asUtc - offsetMsAt(probe, timeZone);
    if (wallAsUtcMs(wallTimeOf(candidate, timeZone)) === asUtc) candidates.add(candidate);
  }
  if (candidates.size > 0) return Math.min(...candidates);
  // In a gap: read the wall time with the offset in force before the change.
  return asUtc - offsetMsAt(asUtc - 86_400_000, timeZone);
}

export function plainDateOfInstant(epochMs: number, timeZone: string): PlainDate {
  const w = wallTimeOf(epochMs, timeZone);
  return formatDay(dayNumberOf(w.year, w.month, w.day));
}

/** Local wall time written YYYY-MM-DDTHH:MM (minutes precision, as the law counts hours). */
export function localDateTimeOf(epochMs: number, timeZone: string): string {
  const w = wallTimeOf(epochMs, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDay(dayNumberOf(w.year, w.month, w.day))}T${pad(w.hour)}:${pad(w.minute)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an instant: either ISO 8601 with `Z` or an offset, or a local wall time
 * YYYY-MM-DDTHH:MM[:SS] read in the jurisdiction's zone.
 */
export function parseInstant(text: string, timeZone: string, field = 'instant'): number {
  const invalid = () =>
    new DeadlineError(
      'INVALID_INSTANT',
      `invalid ${field} "${text}": expected YYYY-MM-DDTHH:MM (local time) or an ISO instant with Z or an offset`,
      {
        field,
        value: text,
      },
    );
  if (WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    const [y, m, d] = text.slice(0, 10).split('-').map(Number);
    if (Number.isNaN(ms) || !y || !m || !d || d > daysInMonth(y, m)) throw invalid();
    return ms;
  }
  const match = LOCAL.exec(text);
  if (!match) throw invalid();
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
    throw invalid();
  return instantOfWallTime({ year, month, day, hour, minute, second }, timeZone);
}
