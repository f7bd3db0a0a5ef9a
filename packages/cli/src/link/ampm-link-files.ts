// The link command on format v2 files whose both sides carry ante-mortem / post-mortem columns:
// every line of both files is read and checked before anything is written, then the AM/PM engine
// (docs/decisions/0131) ranks the remains for each report. Output as for names (data/linkage README).
import { basename } from 'node:path';
import { linkAmPm } from '@acompana/core';
import { readAmPmCsv } from './ampm-csv.ts';
import { formatRows, type CommandIo } from './link-command.ts';

export { hasAmPmColumns } from './ampm-csv.ts';

export function linkAmPmFiles(
  files: [string, string],
  texts: [string, string],
  top: number,
  io: CommandIo,
  started: number,
): number {
  const left = readAmPmCsv(texts[0], files[0], false);
  const right = readAmPmCsv(texts[1], files[1], true);
  io.stderr(
    `link: ${left.length} reports in ${basename(files[0])} against ${right.length} remains in ${basename(files[1])} (ante-mortem / post-mortem)\n`,
  );
  const result = linkAmPm(left, right, {
    top,
    onProgress: (done, total) => io.stderr(`link: ${done}/${total} reports compared\n`),
  });
  io.stdout(formatRows(result.rows));
  const matches = result.rows.filter((r) => r.decision === 'match').length;
  io.stderr(
    `link: ${matches} matches and ${result.rows.length - matches} possible matches in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      ` (an estimated ${Math.round(result.matchShare * 100)} % of reports have their remains in the file)\n`,
  );
  return 0;
}
