// Comparison levels for everything that is not a name: birth date or age, sex, nationality,
// places, documents, addresses and the date of the event along the route.
import { ageAt } from './person-dates.ts';
import type { PreparedRecord } from './person-record.types.ts';
import { editDistance, jaroWinkler } from './jaro-winkler.ts';

export const BIRTH_LEVELS = [
  'missing',
  'same full date',
  'day/month swapped or one digit off',
  'partial date agrees',
  'age range fits the birth date',
  'within two years',
  'different',
  'more than ten years apart',
] as const;
export const SEX_LEVELS = ['missing', 'same', 'different'] as const;
export const NATIONALITY_LEVELS = ['missing', 'same', 'different'] as const;
export const PLACE_LEVELS = ['missing', 'same place', 'overlapping place names', 'different'] as const;
export const DOCUMENT_LEVELS = ['missing', 'same number', 'one or two characters differ', 'different'] as const;
export const ADDRESS_LEVELS = [
  'missing',
  'nearly the same',
  'half the words agree',
  'a few words agree',
  'different',
] as const;
export const EVENT_DATE_LEVELS = ['missing', 'within about a year', 'within three years', 'further apart'] as const;

function oneDigitOff(a: number, b: number): boolean {
  if (a === b) return true;
  const sa = String(a);
  const sb = String(b);
  if (sa.length !== sb.length) return Math.abs(a - b) === 1;
  let diff = 0;
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) diff++;
  return diff === 1 || Math.abs(a - b) === 1;
}

/**
 * Level for birth years that disagree by `years`: near (a typo or a rough estimate), different, or
 * so far apart (over ten years) that no slip of the pen explains it — the namesake's signature.
 */
function apart(years: number, near: number): number {
  if (years <= near) return 5;
  return years <= 10 ? 6 : 7;
}

/** True when two numbers differ by two neighbouring digits swapped (1952 / 1925). */
function transposed(a: number, b: number): boolean {
  const sa = String(a);
  const sb = String(b);
  if (sa.length !== sb.length) return false;
  for (let i = 0; i + 1 < sa.length; i++) {
    if (sa[i] !== sb[i]) return sa[i] === sb[i + 1] && sa[i + 1] === sb[i] && sa.slice(i + 2) === sb.slice(i + 2);
  }
  return false;
}

/** Birth-year interval [lo, hi] implied by an age range estimated on a given day. */
function birthYearsFromAges(r: PreparedRecord): [number, number] | null {
  if (Number.isNaN(r.ageMin) || Number.isNaN(r.eventDay)) return null;
  const year = new Date(r.eventDay * 86_400_000).getUTCFullYear();
  return [year - r.ageMax - 1, year - r.ageMin];
}

/** Level of agreement of birth dates, partial dates and age ranges (see BIRTH_LEVELS). */
export function compareBirth(a: PreparedRecord, b: PreparedRecord): number {
  if (a.birthYear && b.birthYear) {
    const full = a.birthDay > 0 && b.birthDay > 0;
    if (full) {
      if (a.birthYear === b.birthYear && a.birthMonth === b.birthMonth && a.birthDay === b.birthDay) return 1;
      const sameYear = a.birthYear === b.birthYear;
      const swapped = a.birthMonth === b.birthDay && a.birthDay === b.birthMonth;
      if (sameYear && swapped) return 2;
      const sameMonthDay = a.birthMonth === b.birthMonth && a.birthDay === b.birthDay;
      if (sameMonthDay && oneDigitOff(a.birthYear, b.birthYear)) return 2;
      if (sameYear && a.birthMonth === b.birthMonth && oneDigitOff(a.birthDay, b.birthDay)) return 2;
      if (sameYear && a.birthDay === b.birthDay && oneDigitOff(a.birthMonth, b.birthMonth)) return 2;
    } else if (a.birthYear === b.birthYear) {
      // At least one side is partial: every known part must agree.
      if (
        !a.birthMonth ||
        !b.birthMonth ||
        a.birthMonth === b.birthMonth ||
        a.birthMonth === b.birthDay ||
        b.birthMonth === a.birthDay
      )
        return 3;
    }
    const years = Math.abs(a.birthYear - b.birthYear);
    // 1952 typed 1925 or 1962 is a slip of the pen, however many years it makes.
    if (years > 10 && (oneDigitOff(a.birthYear, b.birthYear) || transposed(a.birthYear, b.birthYear))) return 6;
    return apart(years, 2);
  }
  // Age ranges: compare the age one person would have had on the other record's event date.
  const dated = a.birthYear ? a : b.birthYear ? b : null;
  const ranged = dated === a ? b : a;
  if (dated) {
    if (Number.isNaN(ranged.ageMin) || Number.isNaN(ranged.eventDay)) return 0;
    const age = ageAt({ year: dated.birthYear, month: dated.birthMonth, day: dated.birthDay }, ranged.eventDay);
    if (age >= ranged.ageMin - 1 && age <= ranged.ageMax + 1) return 4;
    return apart(Math.max(ranged.ageMin - age, age - ranged.ageMax), 3);
  }
  const ra = birthYearsFromAges(a);
  const rb = birthYearsFromAges(b);
  if (!ra || !rb) return 0;
  if (ra[0] <= rb[1] + 1 && rb[0] <= ra[1] + 1) return 4;
  return apart(Math.max(ra[0] - rb[1], rb[0] - ra[1]), 3);
}

export function compareSex(a: PreparedRecord, b: PreparedRecord): number {
  if (!a.sex || !b.sex) return 0;
  return a.sex === b.sex ? 1 : 2;
}

export function compareNationality(a: PreparedRecord, b: PreparedRecord): number {
  if (!a.nationality || !b.nationality) return 0;
  return a.nationality === b.nationality ? 1 : 2;
}

// Words that begin many place names and say nothing on their own.
const GENERIC_PLACE = new Set([
  'san',
  'santa',
  'santo',
  'ciudad',
  'villa',
  'puerto',
  'nuevo',
  'nueva',
  'el',
  'los',
  'las',
  'county',
  'municipio',
  'departamento',
  'colonia',
  'col',
  'barrio',
  'aldea',
  'canton',
]);

/** Share of words of the shorter text found (exactly or nearly) in the longer one. */
function tokenOverlap(a: string[], b: string[], skipGeneric: boolean, overLonger = false): number {
  let short = a;
  let long = b;
  if (a.length > b.length) {
    short = b;
    long = a;
  }
  let counted = 0;
  let found = 0;
  for (const t of short) {
    if (skipGeneric && GENERIC_PLACE.has(t)) continue;
    counted++;
    if (long.includes(t)) {
      found++;
      continue;
    }
    if (t.length <= 3) continue;
    for (const u of long) {
      // Typos rarely touch the first letter; checking it first avoids most Jaro–Winkler calls.
      if (u.length > 3 && u.charCodeAt(0) === t.charCodeAt(0) && jaroWinkler(t, u) >= 0.9) {
        found++;
        break;
      }
    }
  }
  if (overLonger) return found / long.length;
  return counted ? found / counted : 0;
}

// Places repeat (a few hundred towns for millions of records): cache the level per pair of places.
const placeIds = new Map<string[], number>();
const placeCache = new Map<number, number>();

function placeId(tokens: string[]): number {
  let id = placeIds.get(tokens);
  if (id === undefined) {
    if (placeIds.size > 1_000_000) {
      placeIds.clear();
      placeCache.clear();
    }
    id = placeIds.size;
    placeIds.set(tokens, id);
  }
  return id;
}

/** Places (origin, event place): same words, some words in common, or different. */
export function comparePlace(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const ia = placeId(a);
  const ib = placeId(b);
  const key = ia < ib ? ia * 2_097_152 + ib : ib * 2_097_152 + ia;
  const known = placeCache.get(key);
  if (known !== undefined) return known;
  let level: number;
  if (a.length === b.length && a.every((t, i) => t === b[i])) level = 1;
  else level = tokenOverlap(a, b, true) >= 0.5 ? 2 : 3;
  if (placeCache.size > 4_000_000) placeCache.clear();
  placeCache.set(key, level);
  return level;
}

export function compareDocument(a: PreparedRecord, b: PreparedRecord): number {
  if (!a.document || !b.document) return 0;
  if (a.document === b.document) return 1;
  return editDistance(a.document, b.document, 2) <= 2 ? 2 : 3;
}

/** Addresses as bags of words: street names, numbers, town, postcode, in any order. */
export function compareAddress(a: PreparedRecord, b: PreparedRecord): number {
  if (a.address.length === 0 || b.address.length === 0) return 0;
  const overlap = tokenOverlap(a.address, b.address, false, true);
  if (overlap >= 0.8) return 1;
  if (overlap >= 0.5) return 2;
  if (overlap >= 0.25) return 3;
  return 4;
}

/** Dates of the events (last seen, found, registered): people are found near when they went missing. */
export function compareEventDate(a: PreparedRecord, b: PreparedRecord): number {
  if (Number.isNaN(a.eventDay) || Number.isNaN(b.eventDay)) return 0;
  const gap = Math.abs(a.eventDay - b.eventDay);
  if (gap <= 400) return 1;
  return gap <= 1100 ? 2 : 3;
}
