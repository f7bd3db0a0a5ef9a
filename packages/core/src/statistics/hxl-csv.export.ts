// HXL CSV export of a protected table, in LONG form: one row per cell, one column per dimension,
// the count, and a note. Long form is what HXL tools (HXL Proxy, hxl-python's count/filter) expect:
// every column has one hashtag and every row is one observation. Under the header row comes the
// HXL hashtag row.
//
// A hidden cell is written with an EMPTY count and the note "suppressed": a marker such as "x" or
// "<5" in a +num column breaks numeric parsing in HXL tools and spreadsheets, while an empty value
// is read as "no value". The note does not say which cells are primary and which secondary by
// default: telling a reader that a hidden cell is a complement (so ≥ threshold) narrows the
// interval an attacker can compute (decision 0106).
//
// Every text cell that a spreadsheet would run as a formula (= + - @ tab CR) is prefixed with a
// quote (OWASP CSV injection).
import { cellCoordinates } from './suppression.service.ts';
import type { SafeTable } from './statistics.types.ts';

export interface HxlCsvOptions {
  /** Header and hashtag of the count column. Default "Count" / "#indicator+num". */
  readonly valueHeader?: string;
  readonly valueHashtag?: string;
  /** Label of the total row/column in every dimension. Default "Total". */
  readonly totalLabel?: string;
  /** Include the totals as rows (labelled `totalLabel`). Default true. */
  readonly includeTotals?: boolean;
  /** Say "suppressed (small count)" / "suppressed (protects another cell)". Default false. */
  readonly distinguishReasons?: boolean;
  /** Header of the note column. Default "Note". */
  readonly noteHeader?: string;
}

export const NOTE_HASHTAG = '#meta+note';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a quote to a value a spreadsheet would treat as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: neutralised, then quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders the table as HXL-tagged CSV (CRLF line ends, as RFC 4180 says). */
export function toHxlCsv(table: SafeTable, options: HxlCsvOptions = {}): string {
  const totalLabel = options.totalLabel ?? 'Total';
  const header = [...table.dimensions.map((d) => d.name), options.valueHeader ?? 'Count', options.noteHeader ?? 'Note'];
  // A dimension without a hashtag still gets one: #indicator+category keeps the row valid HXL.
  const tags = [
    ...table.dimensions.map((d, i) => d.hxl ?? `#indicator+category+d${i + 1}`),
    options.valueHashtag ?? '#indicator+num',
    NOTE_HASHTAG,
  ];
  const lines = [header.map(csvField).join(','), tags.map(csvField).join(',')];
  const coords = cellCoordinates(table);
  table.cells.forEach((cell, c) => {
    const at = coords[c]!;
    const isTotal = at.some((k, d) => k === table.dimensions[d]!.categories.length);
    if (isTotal && options.includeTotals === false) return;
    const labels = at.map((k, d) => table.dimensions[d]!.categories[k] ?? totalLabel);
    let value = '';
    let note = '';
    if (typeof cell === 'number') value = String(cell);
    else if (options.distinguishReasons)
      note = cell.reason === 'primary' ? 'suppressed (small count)' : 'suppressed (protects another cell)';
    else note = 'suppressed';
    lines.push([...labels.map(csvField), value, csvField(note)].join(','));
  });
  return lines.join('\r\n') + '\r\n';
}
