// A small RFC 4180 CSV reader that knows where it is: every field carries its line and column, so
// an error can tell a person exactly where to look in their spreadsheet.

/** A malformed file: the message names the file, line and column. */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly columnName: string,
    detail: string,
  ) {
    super(`${file}: line ${line}, column ${column}${columnName ? ` (${columnName})` : ''}: ${detail}`);
    this.name = 'CsvError';
  }
}

export interface CsvRow {
  /** Line on which the row starts (1-based; the header is line 1). */
  line: number;
  fields: string[];
}

/** Splits CSV text into rows. Throws CsvError on a quote that is never closed or is misplaced. */
export function parseCsv(text: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // tolerate a UTF-8 byte-order mark
  let line = 1;
  const n = text.length;
  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const openLine = line;
        const openColumn = fields.length + 1;
        i++;
        for (;;) {
          if (i >= n)
            throw new CsvError(
              file,
              openLine,
              openColumn,
              '',
              'a quoted field is opened here but its closing quote (") is missing',
            );
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          value += c;
          i++;
        }
        const after = text[i];
        if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
          throw new CsvError(
            file,
            line,
            fields.length + 1,
            '',
            `unexpected text after a closing quote; a quote inside a field must be doubled ("")`,
          );
        }
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"')
            throw new CsvError(
              file,
              line,
              fields.length + 1,
              '',
              'a quote (") in the middle of an unquoted field; quote the whole field and double the inner quote',
            );
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    // Blank lines (often at the end of a file) are not rows.
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
  }
  return rows;
}
