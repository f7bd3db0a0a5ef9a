// The comparison vector of a pair: one agreement level per field. This is what the Fellegi–Sunter
// model weighs and what an explanation shows. Names are compared under several readings of the
// record (as written, given names and surnames swapped, a full name typed into the given-names
// box) and the reading that agrees best is kept.
import {
  compareAddress,
  compareBirth,
  compareDocument,
  compareEventDate,
  compareNationality,
  comparePlace,
  compareSex,
  ADDRESS_LEVELS,
  BIRTH_LEVELS,
  DOCUMENT_LEVELS,
  EVENT_DATE_LEVELS,
  NATIONALITY_LEVELS,
  PLACE_LEVELS,
  SEX_LEVELS,
} from './field-compare.ts';
import { compareGiven, compareSurnames, nameScratch, GIVEN_LEVELS, SURNAME_LEVELS } from './name-compare.ts';
import type { PreparedRecord } from './person-record.types.ts';

/** Fields in the order of the comparison vector. */
export const FIELDS = [
  'given_names',
  'surnames',
  'birth',
  'sex',
  'nationality',
  'origin_place',
  'document_id',
  'address',
  'event_date',
  'event_place',
] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/** Human-readable label of every level of every field, index 0 always "missing". */
export const FIELD_LEVELS: readonly (readonly string[])[] = [
  GIVEN_LEVELS,
  SURNAME_LEVELS,
  BIRTH_LEVELS,
  SEX_LEVELS,
  NATIONALITY_LEVELS,
  PLACE_LEVELS,
  DOCUMENT_LEVELS,
  ADDRESS_LEVELS,
  EVENT_DATE_LEVELS,
  PLACE_LEVELS,
];

export const F_GIVEN = 0;
export const F_SURNAME = 1;
export const F_BIRTH = 2;
export const F_SEX = 3;
export const F_NATIONALITY = 4;
export const F_ORIGIN = 5;

/** Which values agreed exactly, for term-frequency adjustment of the two name fields. */
export interface NameAgreement {
  givenValue: string;
  surnameValue: string;
  /** Whether each value above is a whole name (true) or a single agreeing token (false). */
  givenFull: boolean;
  surnameFull: boolean;
  /** True when the best reading swapped given names and surnames or split a full name. */
  rearranged: boolean;
}

// Rough goodness of each level, used only to choose between readings of the names.
const GIVEN_RANK = [0, 10, 8, 7, 5, 1, -4];
const SURNAME_RANK = [0, 10, 8, 8, 6, 2, -4];

let bestG = 0;
let bestS = 0;
let bestRank = -100;
let bestGivenValue = '';
let bestSurValue = '';
let bestRearranged = false;
let bestGivenFull = false;
let bestSurFull = false;

interface Names {
  t: string[];
  p: string[];
  i: number[];
}

function tryReading(ag: Names, as: Names, bg: Names, bs: Names, penalty: number, gKey = '', sKey = ''): void {
  const g = compareGiven(ag.t, ag.p, ag.i, bg.t, bg.p, bg.i);
  const gTok = nameScratch.exactToken;
  const s = compareSurnames(as.t, as.p, as.i, bs.t, bs.p, bs.i);
  const sTok = nameScratch.exactToken;
  const rank = (GIVEN_RANK[g] as number) + (SURNAME_RANK[s] as number) - penalty;
  if (rank > bestRank) {
    bestRank = rank;
    bestG = g;
    bestS = s;
    bestRearranged = penalty > 0;
    // Exact agreement on the whole value uses the frequency of that value; otherwise that of the
    // token that agreed ("Enrique" when "Enrique Wilson" meets "Enrique").
    bestGivenFull = g === 1 && gKey !== '';
    bestSurFull = s === 1 && sKey !== '' && as.t.length === bs.t.length;
    bestGivenValue = bestGivenFull ? gKey : g === 1 || g === 2 ? gTok : '';
    bestSurValue = bestSurFull ? sKey : s === 1 || s === 2 ? sTok : '';
  }
}

const given = (r: PreparedRecord): Names => ({ t: r.given, p: r.givenPhon, i: r.givenIds });
const surnames = (r: PreparedRecord): Names => ({ t: r.sur, p: r.surPhon, i: r.surIds });
const slice = (n: Names, from: number, to?: number): Names => ({
  t: n.t.slice(from, to),
  p: n.p.slice(from, to),
  i: n.i.slice(from, to),
});

/** A full name typed into the given-names box: try every split into given names + surnames. */
function trySplits(full: PreparedRecord, other: PreparedRecord, fullFirst: boolean): void {
  const all = given(full);
  for (let k = 1; k < full.given.length; k++) {
    const g = slice(all, 0, k);
    const s = slice(all, k);
    if (fullFirst) tryReading(g, s, given(other), surnames(other), 1);
    else tryReading(given(other), surnames(other), g, s, 1);
  }
}

/** Cheap test before reading names swapped: some given name of one sounds like a surname of the other. */
function mayBeSwapped(a: PreparedRecord, b: PreparedRecord): boolean {
  for (const g of a.givenPhon) if (b.surPhon.includes(g)) return true;
  for (const g of b.givenPhon) if (a.surPhon.includes(g)) return true;
  return false;
}

// Reused views of the two records, so the common path allocates nothing.
const aG: Names = { t: [], p: [], i: [] };
const aS: Names = { t: [], p: [], i: [] };
const bG: Names = { t: [], p: [], i: [] };
const bS: Names = { t: [], p: [], i: [] };

function fill(n: Names, t: string[], p: string[], i: number[]): Names {
  n.t = t;
  n.p = p;
  n.i = i;
  return n;
}

/** Fields that cost almost nothing to compare (numbers and short codes). */
export const CHEAP_FIELDS = [2, 3, 4, 6, 8] as const;

/** Compares the cheap fields only (birth, sex, nationality, document, event date). */
export function compareCheapFields(a: PreparedRecord, b: PreparedRecord, out: Uint8Array): void {
  out[2] = compareBirth(a, b);
  out[3] = compareSex(a, b);
  out[4] = compareNationality(a, b);
  out[6] = compareDocument(a, b);
  out[8] = compareEventDate(a, b);
}

/** Compares names and free-text places, the expensive part of a comparison. */
export function compareCostlyFields(a: PreparedRecord, b: PreparedRecord, out: Uint8Array, names: NameAgreement): void {
  bestRank = -100;
  fill(aG, a.given, a.givenPhon, a.givenIds);
  fill(aS, a.sur, a.surPhon, a.surIds);
  fill(bG, b.given, b.givenPhon, b.givenIds);
  fill(bS, b.sur, b.surPhon, b.surIds);
  tryReading(aG, aS, bG, bS, 0, a.givenKey, a.surKey);
  if (bestRank < 16) {
    // Given names and surnames entered in each other's box (frequent in transcribed lists).
    if (a.sur.length && b.sur.length && mayBeSwapped(a, b)) tryReading(aG, aS, bS, bG, 1);
    if (a.sur.length === 0 && a.given.length > 1 && b.sur.length) trySplits(a, b, true);
    if (b.sur.length === 0 && b.given.length > 1 && a.sur.length) trySplits(b, a, false);
    if (a.given.length === 0 && a.sur.length > 1 && b.given.length)
      tryReading(slice(aS, 0, 1), slice(aS, 1), bG, bS, 1);
  }
  out[0] = bestG;
  out[1] = bestS;
  out[5] = comparePlace(a.origin, b.origin);
  out[7] = compareAddress(a, b);
  out[9] = comparePlace(a.eventPlace, b.eventPlace);
  names.givenValue = bestGivenValue;
  names.surnameValue = bestSurValue;
  names.rearranged = bestRearranged;
  names.givenFull = bestGivenFull;
  names.surnameFull = bestSurFull;
}

/** Fills `out` with the level of each field for the pair (a, b) and `names` with what agreed. */
export function compareRecords(a: PreparedRecord, b: PreparedRecord, out: Uint8Array, names: NameAgreement): void {
  compareCheapFields(a, b, out);
  compareCostlyFields(a, b, out, names);
}
