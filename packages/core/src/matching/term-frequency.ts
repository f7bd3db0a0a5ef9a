// Term frequencies of names, so that agreeing on "García Hernández" counts for less than agreeing
// on "Xicará Tzul" (Splink's term-frequency adjustment: the u probability of an exact agreement is
// replaced by how often that very value occurs).
import type { PreparedRecord } from './person-record.types.ts';

export interface TermFrequencies {
  givenFull: Map<string, number>;
  givenToken: Map<string, number>;
  surnameFull: Map<string, number>;
  surnameToken: Map<string, number>;
  givenRecords: number;
  surnameRecords: number;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function emptyTermFrequencies(): TermFrequencies {
  return {
    givenFull: new Map(),
    givenToken: new Map(),
    surnameFull: new Map(),
    surnameToken: new Map(),
    givenRecords: 0,
    surnameRecords: 0,
  };
}

/** Adds the names of some records to the frequency tables (call once per collection). */
export function addTermFrequencies(tf: TermFrequencies, records: readonly PreparedRecord[]): void {
  for (const r of records) {
    if (r.given.length) {
      tf.givenRecords++;
      bump(tf.givenFull, r.givenKey);
      for (const t of r.given) bump(tf.givenToken, t);
    }
    if (r.sur.length) {
      tf.surnameRecords++;
      bump(tf.surnameFull, r.surKey);
      for (const t of r.sur) bump(tf.surnameToken, t);
    }
  }
}

/**
 * Relative frequency of an agreeing value; `full` says whether it is a whole value or one token.
 * A value never seen counts as seen once, so a new query cannot get an unbounded weight.
 */
export function termFrequency(tf: TermFrequencies, field: 0 | 1, value: string, full: boolean): number {
  const total = field === 0 ? tf.givenRecords : tf.surnameRecords;
  if (total === 0) return Number.NaN;
  const map = field === 0 ? (full ? tf.givenFull : tf.givenToken) : full ? tf.surnameFull : tf.surnameToken;
  return Math.max(1, map.get(value) ?? 0) / total;
}
