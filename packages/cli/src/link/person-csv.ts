// Reads a linkage-format CSV file (see data/linkage README, format v1) into person records,
// strictly where a mistake would silently change a result (missing columns, unknown sex codes)
// and tolerantly where a person would understand the value (dates as written, "30 años").
import type { PersonRecord, RecordedSex } from '@acompana/core';
import { CsvError, parseCsv } from './csv-parse.ts';

export const LINKAGE_COLUMNS = [
  'id',
  'given_names',
  'surnames',
  'sex',
  'birth_date',
  'age_min',
  'age_max',
  'nationality',
  'origin_place',
  'address',
  'document_id',
  'event_date',
  'event_place',
  'description',
] as const;

const SEX_CODES: Record<string, RecordedSex> = {
  f: 'F',
  m: 'M',
  x: 'X',
  '': '',
  mujer: 'F',
  femenino: 'F',
  fem: 'F',
  female: 'F',
  woman: 'F',
  femme: 'F',
  hombre: 'M',
  h: 'M',
  masculino: 'M',
  masc: 'M',
  male: 'M',
  man: 'M',
  homme: 'M',
  v: 'M',
  varon: 'M',
  otro: 'X',
  other: 'X',
  'no binario': 'X',
  nobinario: 'X',
};

function readAge(value: string, file: string, line: number, column: number, name: string): number | null {
  const v = value.trim();
  if (!v) return null;
  const m = /(\d+(?:[.,]\d+)?)/.exec(v);
  if (!m) throw new CsvError(file, line, column, name, `"${value}" is not an age in years`);
  return Number((m[1] as string).replace(',', '.'));
}

/** Parses the text of one linkage CSV file; `file` is the name used in error messages. */
export function readPersonCsv(text: string, file: string): PersonRecord[] {
  const rows = parseCsv(text, file);
  const header = rows[0];
  if (!header) throw new CsvError(file, 1, 1, '', 'the file is empty; expected a header line');
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const col = new Map<string, number>();
  names.forEach((h, i) => col.set(h, i));
  const missing = LINKAGE_COLUMNS.filter((c) => !col.has(c));
  if (missing.length) {
    throw new CsvError(
      file,
      header.line,
      names.length + 1,
      missing[0] as string,
      `the header is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  const seenIds = new Map<string, number>();
  const records: PersonRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as { line: number; fields: string[] };
    if (row.fields.length < names.length) {
      const c = row.fields.length + 1;
      throw new CsvError(
        file,
        row.line,
        c,
        names[c - 1] ?? '',
        `the row has ${row.fields.length} columns but the header has ${names.length}: column ${names[c - 1]} is missing`,
      );
    }
    if (row.fields.length > names.length) {
      throw new CsvError(
        file,
        row.line,
        names.length + 1,
        '',
        `the row has ${row.fields.length} columns but the header has ${names.length}; is a comma missing its quotes?`,
      );
    }
    const get = (name: string): string => (row.fields[col.get(name) as number] ?? '').trim();
    const id = get('id');
    const idCol = (col.get('id') as number) + 1;
    if (!id) throw new CsvError(file, row.line, idCol, 'id', 'the id is empty');
    const dup = seenIds.get(id);
    if (dup !== undefined)
      throw new CsvError(file, row.line, idCol, 'id', `the id "${id}" is already used on line ${dup}`);
    seenIds.set(id, row.line);
    const sexRaw = get('sex');
    const sex = SEX_CODES[sexRaw.toLowerCase()];
    if (sex === undefined)
      throw new CsvError(
        file,
        row.line,
        (col.get('sex') as number) + 1,
        'sex',
        `unknown sex code "${sexRaw}"; expected F, M, X or empty`,
      );
    records.push({
      id,
      givenNames: get('given_names'),
      surnames: get('surnames'),
      sex,
      birthDate: get('birth_date'),
      ageMin: readAge(get('age_min'), file, row.line, (col.get('age_min') as number) + 1, 'age_min'),
      ageMax: readAge(get('age_max'), file, row.line, (col.get('age_max') as number) + 1, 'age_max'),
      nationality: get('nationality'),
      originPlace: get('origin_place'),
      address: get('address'),
      documentId: get('document_id'),
      eventDate: get('event_date'),
      eventPlace: get('event_place'),
      description: get('description'),
    });
  }
  return records;
}
