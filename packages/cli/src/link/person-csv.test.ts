import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CsvError, parseCsv } from './csv-parse.ts';
import { readPersonCsv, LINKAGE_COLUMNS } from './person-csv.ts';

const HEADER = LINKAGE_COLUMNS.join(',');
const row = (fields: Partial<Record<(typeof LINKAGE_COLUMNS)[number], string>>): string =>
  LINKAGE_COLUMNS.map((c) => fields[c] ?? '').join(',');

function errorOf(fn: () => unknown): CsvError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof CsvError, `expected a CsvError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an error');
}

describe('reading CSV', () => {
  it('handles quoted commas, doubled quotes and line breaks inside quotes', () => {
    const rows = parseCsv('a,b\n"x, y","say ""hola"""\n"two\nlines",z\n', 'f.csv');
    assert.deepEqual(rows[1]?.fields, ['x, y', 'say "hola"']);
    assert.deepEqual(rows[2]?.fields, ['two\nlines', 'z']);
    assert.equal(rows[2]?.line, 3);
  });

  it('names the file, line and column of a quote that is never closed', () => {
    const e = errorOf(() => parseCsv('a,b,c\n1,"open,3\n', 'reports.csv'));
    assert.equal(e.line, 2);
    assert.equal(e.column, 2);
    assert.match(e.message, /reports\.csv: line 2, column 2/);
  });

  it('names the place of a stray quote inside an unquoted field', () => {
    const e = errorOf(() => parseCsv('a,b\n1,ab"c\n', 'x.csv'));
    assert.equal(e.line, 2);
    assert.equal(e.column, 2);
  });
});

describe('reading person records', () => {
  it('reads a well-formed file and tolerates sex words and "30 años"', () => {
    const text = `${HEADER}\n${row({ id: 'A1', given_names: 'José', surnames: 'Pérez', sex: 'hombre', age_min: '30 años', age_max: '40' })}\n`;
    const [r] = readPersonCsv(text, 'a.csv');
    assert.equal(r?.sex, 'M');
    assert.equal(r?.ageMin, 30);
  });

  it('rejects an unknown sex code, naming file, line and the sex column', () => {
    const text = `${HEADER}\n${row({ id: 'A1', sex: 'F' })}\n${row({ id: 'A2', sex: 'Q' })}\n`;
    const e = errorOf(() => readPersonCsv(text, 'right.csv'));
    assert.equal(e.line, 3);
    assert.equal(e.column, 4);
    assert.match(e.message, /right\.csv: line 3, column 4 \(sex\): unknown sex code "Q"/);
  });

  it('rejects a row with a missing column', () => {
    const short = row({ id: 'A1' }).split(',').slice(0, -1).join(',');
    const e = errorOf(() => readPersonCsv(`${HEADER}\n${short}\n`, 'left.csv'));
    assert.equal(e.line, 2);
    assert.equal(e.column, LINKAGE_COLUMNS.length);
    assert.match(e.message, /column description is missing/);
  });

  it('rejects a header without a required column', () => {
    const e = errorOf(() => readPersonCsv('id,given_names\nA1,Ana\n', 'left.csv'));
    assert.equal(e.line, 1);
    assert.match(e.message, /missing the columns surnames, sex/);
  });

  it('rejects a duplicated id', () => {
    const e = errorOf(() => readPersonCsv(`${HEADER}\n${row({ id: 'A1' })}\n${row({ id: 'A1' })}\n`, 'left.csv'));
    assert.equal(e.line, 3);
    assert.match(e.message, /already used on line 2/);
  });
});
