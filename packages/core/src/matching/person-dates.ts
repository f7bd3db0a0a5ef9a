// Tolerant reading of dates as people write them on intake forms: ISO dates, partial dates,
// "15/08/1990" (day first, as in Latin America), "agosto 1990", "15 de agosto de 1990".
// A date part that is unknown is 0; nothing here throws, an unreadable date is simply unknown.
import { foldText } from './text-normalise.ts';

/** A possibly partial calendar date; 0 marks an unknown part. */
export interface PartialDate {
  year: number;
  month: number;
  day: number;
}

const MONTHS: Record<string, number> = {
  enero: 1,
  ene: 1,
  january: 1,
  jan: 1,
  janvier: 1,
  janv: 1,
  febrero: 2,
  feb: 2,
  february: 2,
  fevrier: 2,
  fev: 2,
  marzo: 3,
  mar: 3,
  march: 3,
  mars: 3,
  abril: 4,
  abr: 4,
  april: 4,
  apr: 4,
  avril: 4,
  avr: 4,
  mayo: 5,
  may: 5,
  mai: 5,
  junio: 6,
  jun: 6,
  june: 6,
  juin: 6,
  julio: 7,
  jul: 7,
  july: 7,
  juillet: 7,
  juil: 7,
  agosto: 8,
  ago: 8,
  august: 8,
  aug: 8,
  aout: 8,
  septiembre: 9,
  setiembre: 9,
  sep: 9,
  sept: 9,
  set: 9,
  september: 9,
  septembre: 9,
  octubre: 10,
  oct: 10,
  october: 10,
  octobre: 10,
  noviembre: 11,
  nov: 11,
  november: 11,
  novembre: 11,
  diciembre: 12,
  dic: 12,
  december: 12,
  dec: 12,
  decembre: 12,
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year || 2000, month, 0)).getUTCDate();
}

function valid(year: number, month: number, day: number): boolean {
  if (year < 1850 || year > 2200) return false;
  if (month < 0 || month > 12) return false;
  if (day < 0 || day > 31) return false;
  if (day > 0 && month === 0) return false;
  return day === 0 || day <= daysInMonth(year, month);
}

function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  // Two-digit years: assume the most recent century that does not put the date in the future.
  const now = new Date().getUTCFullYear() % 100;
  return y <= now ? 2000 + y : 1900 + y;
}

function make(year: number, month: number, day: number): PartialDate | null {
  return valid(year, month, day) ? { year, month, day } : null;
}

/** Day/month order when both are numbers: day first unless that is impossible (then month first). */
function dayFirst(year: number, a: number, b: number): PartialDate | null {
  return make(year, b, a) ?? make(year, a, b);
}

/**
 * Reads a birth date in any common written form. Returns null when nothing sensible can be read.
 * Examples: "1990-08-15", "1990-08", "1990", "15/08/1990", "15-8-90", "agosto 1990",
 * "15 de agosto de 1990", "Aug 15, 1990".
 */
export function parsePartialDate(text: string | undefined): PartialDate | null {
  if (!text) return null;
  const raw = text.trim();
  if (!raw) return null;
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$/.exec(raw);
  if (m) {
    const year = Number(m[1]);
    const a = m[2] ? Number(m[2]) : 0;
    const b = m[3] ? Number(m[3]) : 0;
    return make(year, a, b) ?? (b ? make(year, b, a) : null);
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(raw);
  if (m) return dayFirst(fullYear(Number(m[3]), (m[3] as string).length), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(raw);
  if (m) return make(Number(m[2]), Number(m[1]), 0);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  // Words: find a month name, a 4-digit year and optionally a day number.
  const words = foldText(raw).split(' ').filter(Boolean);
  let month = 0;
  let year = 0;
  let day = 0;
  for (const w of words) {
    const mm = MONTHS[w] ?? MONTHS[w.slice(0, 3)];
    if (!month && mm !== undefined && /^[a-z]+$/.test(w)) month = mm;
    else if (/^\d{4}$/.test(w)) year = Number(w);
    else if (/^\d{1,2}$/.test(w) && !day) day = Number(w);
  }
  if (!year) return null;
  return make(year, month, month ? day : 0);
}

/** Days since 1970-01-01 of a date written as YYYY-MM-DD (or any form above); NaN when unknown. */
export function dayNumber(text: string | undefined): number {
  const d = parsePartialDate(text);
  if (!d || !d.month) return d ? Date.UTC(d.year, 6, 1) / 86_400_000 : Number.NaN;
  return Date.UTC(d.year, d.month - 1, d.day || 15) / 86_400_000;
}

/** Age in whole years on a given day (days since epoch) of someone born on `birth`. */
export function ageAt(birth: PartialDate, onDay: number): number {
  const on = new Date(onDay * 86_400_000);
  const y = on.getUTCFullYear();
  const m = on.getUTCMonth() + 1;
  const d = on.getUTCDate();
  let age = y - birth.year;
  const bm = birth.month || 7;
  const bd = birth.day || 1;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}
