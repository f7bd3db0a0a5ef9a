// The plaintext inside a backup: NDJSON lines. A table line, then that table's rows (arrays of
// PostgreSQL text values or null), then the next table…, the sequences, and an end line with
// the row count of every table (a last consistency check on restore).
import { StringDecoder } from 'node:string_decoder';
import { corrupt } from './backup-format.ts';

export type TableLine = { table: string; columns: [string, string][] };
export type RowLine = (string | null)[];
export type SequenceLine = { sequence: string; value: string; isCalled: boolean };
export type EndLine = { end: Record<string, number> };
export type BackupLine = TableLine | RowLine | SequenceLine | EndLine;

/** Splits a byte stream into parsed lines (JSON strings never contain a raw newline). */
export async function* parseLines(source: AsyncIterable<Buffer>): AsyncGenerator<BackupLine> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const parse = (text: string): BackupLine => {
    try {
      return JSON.parse(text) as BackupLine;
    } catch (error) {
      throw corrupt('unreadable line', error);
    }
  };
  for await (const chunk of source) {
    pending += decoder.write(chunk);
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
      yield parse(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending.length > 0) yield parse(pending);
}
