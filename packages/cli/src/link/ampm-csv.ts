// Reads the ante-mortem / post-mortem columns of a format v2 linkage file (data/linkage README) on
// top of the v1 person columns. Strict: an unknown tooth, body location or dental state, a death
// window that ends before it starts or an impossible stature stops the whole file with the line and
// column, so nothing is linked on half-read evidence.
import {
  AmPmValueError,
  parseClothing,
  parseDental,
  parseFeatures,
  parseIsoDate,
  parseStature,
  parseTattoos,
  rangeProblem,
  type AmPmRecord,
  type PersonRecord,
} from '@acompana/core';
import { CsvError, parseCsv } from './csv-parse.ts';
import { readPersonCsv } from './person-csv.ts';

export const AMPM_COLUMNS = [
  'stature_min_cm',
  'stature_max_cm',
  'death_date_min',
  'death_date_max',
  'tattoos',
  'dental',
  'clothing',
  'features',
] as const;

/** True when the header of a linkage file has any AM/PM column (format v2). */
export function hasAmPmColumns(text: string): boolean {
  const firstLine = (text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  const names = firstLine.split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  return AMPM_COLUMNS.some((c) => names.includes(c));
}

/**
 * Parses a v2 file; `postMortem` says whether it describes remains (a dental chart may then mark
 * teeth not observable). A missing AM/PM column is read as empty: a v1 file is a valid v2 file.
 */
export function readAmPmCsv(text: string, file: string, postMortem: boolean): AmPmRecord[] {
  const people: PersonRecord[] = readPersonCsv(text, file);
  const rows = parseCsv(text, file);
  const header = (rows[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  const col = new Map<string, number>();
  header.forEach((h, i) => col.set(h, i));
  return people.map((person, k) => {
    const row = rows[k + 1] as { line: number; fields: string[] };
    const at = (name: string): string => {
      const i = col.get(name);
      return i === undefined ? '' : (row.fields[i] ?? '').trim();
    };
    const fail = (field: string, detail: string): never => {
      const i = col.get(field);
      throw new CsvError(file, row.line, i === undefined ? header.length + 1 : i + 1, field, detail);
    };
    try {
      const record: AmPmRecord = {
        ...person,
        statureMinCm: parseStature(at('stature_min_cm'), 'stature_min_cm'),
        statureMaxCm: parseStature(at('stature_max_cm'), 'stature_max_cm'),
        deathDateMin: parseIsoDate(at('death_date_min'), 'death_date_min'),
        deathDateMax: parseIsoDate(at('death_date_max'), 'death_date_max'),
        tattoos: parseTattoos(at('tattoos')),
        dental: parseDental(at('dental'), postMortem),
        clothing: parseClothing(at('clothing')),
        features: parseFeatures(at('features')),
      };
      if (!postMortem && (record.deathDateMin || record.deathDateMax))
        fail('death_date_min', 'a death window belongs to remains (the right file), not to a report');
      const problem = rangeProblem(record);
      if (problem) fail(problem.field, problem.detail);
      return record;
    } catch (e) {
      if (e instanceof AmPmValueError) return fail(e.field, e.message);
      throw e;
    }
  });
}
