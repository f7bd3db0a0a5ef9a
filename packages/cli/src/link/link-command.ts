// The link command: argument parsing, reading files, calling the engine, writing CSV to stdout.
// Progress and errors go to stderr only, so stdout can be redirected to a file as it is.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findDuplicates, linkRecords, type LinkRow } from '@acompana/core';
import { CsvError } from './csv-parse.ts';
import { linkPrivately } from './link-private.ts';
import { readPersonCsv } from './person-csv.ts';
import { hasAmPmColumns, linkAmPmFiles } from './ampm-link-files.ts';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'usage: npm run --silent link -- LEFT.csv [RIGHT.csv] [--top 10] [--private] > matches.csv\n';

export function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function formatRows(rows: readonly LinkRow[]): string {
  const out = ['left_id,right_id,score,decision'];
  for (const r of rows) out.push(`${csvField(r.leftId)},${csvField(r.rightId)},${r.score.toFixed(6)},${r.decision}`);
  return out.join('\n') + '\n';
}

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`${path}: cannot read the file (${code === 'ENOENT' ? 'it does not exist' : (code ?? String(e))})`);
  }
}

/** Runs the command; returns the process exit code. */
export function runLinkCommand(argv: string[], io: CommandIo): number {
  const files: string[] = [];
  let top = 10;
  let privately = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--top' || a.startsWith('--top=')) {
      const v = a.includes('=') ? a.slice(6) : argv[++i];
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 1) {
        io.stderr(`link: --top needs a whole number of at least 1 (got ${v ?? 'nothing'})\n${USAGE}`);
        return 2;
      }
      top = n;
    } else if (a === '--private') {
      privately = true;
    } else if (a === '-h' || a === '--help') {
      io.stderr(USAGE);
      return 0;
    } else if (a.startsWith('--')) {
      io.stderr(`link: unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length < 1 || files.length > 2) {
    io.stderr(`link: expected one or two CSV files, got ${files.length}\n${USAGE}`);
    return 2;
  }
  try {
    const started = Date.now();
    const leftText = readFile(files[0] as string);
    const rightText = files[1] ? readFile(files[1]) : null;
    // Reports and remains with ante-mortem / post-mortem columns (format v2): the AM/PM engine
    // (--private links names only, so it keeps to the name engine).
    if (!privately && rightText !== null && hasAmPmColumns(leftText) && hasAmPmColumns(rightText))
      return linkAmPmFiles(files as [string, string], [leftText, rightText], top, io, started);
    const left = readPersonCsv(leftText, files[0] as string);
    const right = files[1] && rightText !== null ? readPersonCsv(rightText, files[1]) : null;
    io.stderr(
      right
        ? `link: ${left.length} records in ${basename(files[0] as string)} against ${right.length} in ${basename(files[1] as string)}\n`
        : `link: looking for duplicates among ${left.length} records in ${basename(files[0] as string)}\n`,
    );
    const onProgress = (done: number, total: number): void => io.stderr(`link: ${done}/${total} records compared\n`);
    const rows = privately
      ? linkPrivately(left, right, { top, onProgress })
      : right
        ? linkRecords(left, right, { top, onProgress })
        : findDuplicates(left, { top, onProgress });
    io.stdout(formatRows(rows));
    const matches = rows.filter((r) => r.decision === 'match').length;
    io.stderr(
      `link: ${matches} matches and ${rows.length - matches} possible matches in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof CsvError || e instanceof Error) {
      io.stderr(`link: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
