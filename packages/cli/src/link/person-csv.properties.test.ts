// Fuzzing the linkage CSV reader (issue 11, item 4: "CSV imports"): whatever bytes a person
// feeds it — broken quotes, stray commas, odd line endings, unknown codes, dates written any
// way — it either reads the file or throws a CsvError that names the file, a line and a column
// inside the file. It never throws anything else and never hangs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvError } from './csv-parse.ts';
import { LINKAGE_COLUMNS, readPersonCsv } from './person-csv.ts';

const FILE = 'reportes.csv';
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    '"',
    '""',
    '"a,b"',
    'a"b',
    '\r',
    '\n',
    '\r\n',
    ',',
    'F',
    'M',
    'X',
    'mujer',
    'q',
    '15/08/1990',
    'agosto 1990',
    '1990-02-30',
    '30 años',
    'treinta',
    'HN',
    'hn',
    '\u0000',
    'ñ',
    '=SUM(A1)',
    '\ufeff',
  ),
);
const row = fc.array(cell, { minLength: 0, maxLength: 16 }).map((cells) => cells.join(','));
const header = fc.oneof(
  { weight: 4, arbitrary: fc.constant(LINKAGE_COLUMNS.join(',')) },
  { weight: 1, arbitrary: fc.shuffledSubarray([...LINKAGE_COLUMNS]).map((c) => c.join(',')) },
  { weight: 1, arbitrary: row },
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const file = fc.tuple(header, fc.array(row, { maxLength: 8 }), lineEnd).map(([h, rows, end]) => [h, ...rows].join(end));

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

describe('linkage CSV reader under generated files', () => {
  it('reads or names the file, line and column of the problem; nothing else escapes', () => {
    fc.assert(
      fc.property(file, (text) => {
        try {
          const records = readPersonCsv(text, FILE);
          assert.ok(Array.isArray(records));
        } catch (error) {
          if (!(error instanceof CsvError))
            throw new Error(`not a CsvError for ${JSON.stringify(text)}: ${String(error)}`);
          assert.equal(error.file, FILE);
          assert.ok(error.line >= 1 && error.line <= lineCount(text) + 1, `line ${error.line} outside the file`);
          assert.ok(error.column >= 1, `column ${error.column}`);
          assert.match(error.message, new RegExp(`^${FILE}: line \\d+, column \\d+`));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any well-quoted value back as written, trimmed (commas, quotes and line breaks inside quotes)', () => {
    const value = fc.string({ maxLength: 30 }).filter((v) => !v.includes('\u0000'));
    fc.assert(
      fc.property(value, (description) => {
        const quoted = `"${description.replace(/"/g, '""')}"`;
        const text = `${LINKAGE_COLUMNS.join(',')}\nR1,Ana,López,F,,,,,,,,,,${quoted}\n`;
        const [record] = readPersonCsv(text, FILE);
        assert.equal(record?.id, 'R1');
        assert.equal(record?.description, description.trim());
      }),
      { numRuns: 500 },
    );
  });
});
