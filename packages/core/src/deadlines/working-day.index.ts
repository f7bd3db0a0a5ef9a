// Working days as bitsets (ARCHITECTURE.md, "Working days"): each calendar year is precomputed
// once into twelve 32-bit words (bit i = day i of the year is a working day) plus a running
// count of working days before each word. Adding N working days is then a popcount walk — skip
// whole words and whole years by their counts, and only look at bits inside the final word — so
// recomputing every open deadline when a calendar changes stays cheap.

import type { CalendarDefinition, ExtraNonWorkingDay, LocalizedText, NonWorkingKind } from './calendar.types.ts';
import { calendarYearNotLoaded, DeadlineError } from './deadline.errors.ts';
import { dayNumberOf, formatDay, parsePlainDate, weekdayOf, yearOf, type DayNumber } from './plain-date.util.ts';

export interface NonWorkingReason {
  kind: NonWorkingKind;
  reason: LocalizedText;
  source: string;
}

export interface YearBits {
  year: number;
  start: DayNumber;
  length: number;
  words: Uint32Array;
  /** before[w] = working days in words 0..w-1; before[12] = total of the year. */
  before: Uint16Array;
  total: number;
  /** Non-weekend reasons by day offset in the year (weekends are derived, not stored). */
  reasons: Map<number, NonWorkingReason[]>;
}

const WORDS = 12; // 12 × 32 = 384 ≥ 366 days

export function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Mask of bits 0..bit inclusive. */
function maskThrough(bit: number): number {
  return bit >= 31 ? 0xffffffff : ((1 << (bit + 1)) >>> 0) - 1;
}

const WEEKEND_REASON: Record<number, LocalizedText> = {
  0: { es: 'domingo', en: 'Sunday' },
  6: { es: 'sábado', en: 'Saturday' },
};

function normaliseReason(reason: LocalizedText | string): LocalizedText {
  return typeof reason === 'string' ? { es: reason, en: reason } : reason;
}

/** A calendar compiled into yearly bitsets, optionally with extra non-working days declared by an administrator. */
export class WorkingDayIndex {
  readonly calendar: CalendarDefinition;
  private readonly years = new Map<number, YearBits>();
  private readonly extras = new Map<number, NonWorkingReason[]>();

  constructor(calendar: CalendarDefinition, extraDays: readonly ExtraNonWorkingDay[] = []) {
    this.calendar = calendar;
    for (const extra of extraDays) {
      const day = parsePlainDate(extra.date, 'extra non-working day');
      if (!extra.source || !extra.source.trim()) {
        throw new DeadlineError(
          'INVALID_INPUT',
          `extra non-working day ${extra.date} needs a source (e.g. the DOF publication)`,
          {
            date: extra.date,
          },
        );
      }
      const list = this.extras.get(day) ?? [];
      list.push({ kind: 'extra', reason: normaliseReason(extra.reason), source: extra.source });
      this.extras.set(day, list);
    }
  }

  get calendarId(): string {
    return this.calendar.id;
  }

  hasYear(year: number): boolean {
    const c = this.calendar;
    return year >= c.firstYear && year <= c.lastYear && !(c.missingYears ?? []).includes(year);
  }

  /** Fails with CALENDAR_YEAR_NOT_LOADED rather than guessing for a year without data. */
  assertYear(year: number): void {
    if (!this.hasYear(year)) throw calendarYearNotLoaded(this.calendar.id, year);
  }

  yearBits(year: number): YearBits {
    const cached = this.years.get(year);
    if (cached) return cached;
    this.assertYear(year);
    const built = this.build(year);
    this.years.set(year, built);
    return built;
  }

  private build(year: number): YearBits {
    const start = dayNumberOf(year, 1, 1);
    const length = dayNumberOf(year + 1, 1, 1) - start;
    const reasons = new Map<number, NonWorkingReason[]>();
    for (const holiday of this.calendar.holidaysOf(year)) {
      const offset = parsePlainDate(holiday.date) - start;
      if (offset < 0 || offset >= length) continue;
      const list = reasons.get(offset) ?? [];
      list.push({ kind: holiday.kind, reason: holiday.reason, source: holiday.source });
      reasons.set(offset, list);
    }
    for (const [day, list] of this.extras) {
      const offset = day - start;
      if (offset >= 0 && offset < length) reasons.set(offset, [...(reasons.get(offset) ?? []), ...list]);
    }
    const words = new Uint32Array(WORDS);
    const weekend = this.calendar.weekendDays;
    for (let offset = 0; offset < length; offset++) {
      if (weekend.includes(weekdayOf(start + offset)) || reasons.has(offset)) continue;
      words[offset >>> 5] = (words[offset >>> 5]! | (1 << (offset & 31))) >>> 0;
    }
    const before = new Uint16Array(WORDS + 1);
    for (let w = 0; w < WORDS; w++) before[w + 1] = before[w]! + popcount32(words[w]!);
    return { year, start, length, words, before, total: before[WORDS]!, reasons };
  }

  isWorkingDay(day: DayNumber): boolean {
    const bits = this.yearBits(yearOf(day));
    const offset = day - bits.start;
    return ((bits.words[offset >>> 5]! >>> (offset & 31)) & 1) === 1;
  }

  /** Why a day is not a working day (empty for a working day). Weekends come first. */
  reasonsFor(day: DayNumber): NonWorkingReason[] {
    const bits = this.yearBits(yearOf(day));
    const list: NonWorkingReason[] = [];
    const weekday = weekdayOf(day);
    if (this.calendar.weekendDays.includes(weekday)) {
      list.push({
        kind: 'weekend',
        reason: WEEKEND_REASON[weekday] ?? { es: 'día de descanso semanal', en: 'weekly rest day' },
        source: this.calendar.legalBasis,
      });
    }
    return [...list, ...(bits.reasons.get(day - bits.start) ?? [])];
  }

  /** Working days in the year up to and including `offset`. */
  private static rank(bits: YearBits, offset: number): number {
    const w = offset >>> 5;
    return bits.before[w]! + popcount32((bits.words[w]! & maskThrough(offset & 31)) >>> 0);
  }

  /** Offset in the year of its k-th working day (1-based, 1 ≤ k ≤ total). */
  private static select(bits: YearBits, k: number): number {
    let w = 0;
    while (bits.before[w + 1]! < k) w++;
    let word = bits.words[w]!;
    for (let skip = k - bits.before[w]! - 1; skip > 0; skip--) word = (word & (word - 1)) >>> 0;
    return (w << 5) + (31 - Math.clz32((word & -word) >>> 0));
  }

  /** The n-th working day strictly after `from` (n ≥ 1); `from` itself is returned for n = 0. */
  addWorkingDays(from: DayNumber, n: number): DayNumber {
    if (n === 0) return from;
    if (n < 0) return this.subtractWorkingDays(from, -n);
    let year = yearOf(from);
    let bits = this.yearBits(year);
    let target = WorkingDayIndex.rank(bits, from - bits.start) + n;
    while (target > bits.total) {
      target -= bits.total;
      year += 1;
      bits = this.yearBits(year);
    }
    return bits.start + WorkingDayIndex.select(bits, target);
  }

  /** The n-th working day strictly before `from` (n ≥ 1); `from` itself for n = 0. */
  subtractWorkingDays(from: DayNumber, n: number): DayNumber {
    if (n === 0) return from;
    if (n < 0) return this.addWorkingDays(from, -n);
    let year = yearOf(from);
    let bits = this.yearBits(year);
    const offset = from - bits.start;
    const strictlyBefore = offset === 0 ? 0 : WorkingDayIndex.rank(bits, offset - 1);
    let target = strictlyBefore - n + 1;
    while (target < 1) {
      year -= 1;
      bits = this.yearBits(year);
      target += bits.total;
    }
    return bits.start + WorkingDayIndex.select(bits, target);
  }

  nextWorkingDayOnOrAfter(day: DayNumber): DayNumber {
    return this.isWorkingDay(day) ? day : this.addWorkingDays(day, 1);
  }

  previousWorkingDayOnOrBefore(day: DayNumber): DayNumber {
    return this.isWorkingDay(day) ? day : this.subtractWorkingDays(day, 1);
  }

  /** Working days d with from < d ≤ to (negative when to < from). */
  countWorkingDays(from: DayNumber, to: DayNumber): number {
    if (to < from) return -this.countWorkingDays(to, from);
    const rankThrough = (day: DayNumber): [number, number] => {
      const bits = this.yearBits(yearOf(day));
      return [bits.year, WorkingDayIndex.rank(bits, day - bits.start)];
    };
    const [fromYear, fromRank] = rankThrough(from);
    const [toYear, toRank] = rankThrough(to);
    let count = toRank - fromRank;
    for (let year = fromYear; year < toYear; year++) count += this.yearBits(year).total;
    return count;
  }

  /** Non-working days d with from ≤ d ≤ to, with their reasons, for explanations. */
  nonWorkingDaysBetween(from: DayNumber, to: DayNumber): Array<{ date: string; reasons: NonWorkingReason[] }> {
    const out: Array<{ date: string; reasons: NonWorkingReason[] }> = [];
    for (let day = from; day <= to; day++) {
      if (!this.isWorkingDay(day)) out.push({ date: formatDay(day), reasons: this.reasonsFor(day) });
    }
    return out;
  }
}
