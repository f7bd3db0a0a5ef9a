// Downloads of a published release (decision 0127), all made from its frozen document, so a
// release always gives the same files: JSON (the document itself, byte for byte), HXL CSV (one
// table: its cells, or its totals in a table of their own), XLSX (the same long form) and the
// PDF bulletin in the reader's language; and deaths and disappearances in the columns of IOM's
// Missing Migrants Project (release-mmp.ts).
import { AppError } from '../kernel/errors.ts';
import { renderReleaseBulletin } from '../reports/release-bulletin.pdf.ts';
import type { FrozenTable, ReleaseDocument } from './releases.service.ts';
import { releaseHxl } from './release-hxl.ts';
import { releaseMmpCsv } from './release-mmp.ts';
import { toCsv, toXlsx } from './stats-export.ts';

export interface ReleaseFileRequest {
  format: 'csv' | 'json' | 'xlsx' | 'pdf' | 'mmp';
  locale: 'es' | 'en';
  table: string | null;
  part: 'cells' | 'totals';
}

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_');

function pickTable(document: ReleaseDocument, id: string | null): FrozenTable {
  const table = id === null ? document.tables[0] : document.tables.find((t) => t.indicator === id);
  if (!table) throw new AppError('stats.unknown_indicator', { field: 'table', params: { value: id ?? '' } });
  return table;
}

export async function releaseFile(
  document: ReleaseDocument,
  text: string,
  request: ReleaseFileRequest,
): Promise<{ name: string; data: Buffer }> {
  const base = safeName(`release-${document.periodFrom}-${document.periodTo}-${(document.id ?? '').slice(0, 8)}`);
  if (request.format === 'json') return { name: `${base}.json`, data: Buffer.from(text, 'utf8') };
  if (request.format === 'pdf')
    return { name: `${base}-${request.locale}.pdf`, data: await renderReleaseBulletin(document, request.locale) };
  if (request.format === 'mmp')
    return { name: `${base}-missing-migrants.csv`, data: Buffer.from(releaseMmpCsv(document), 'utf8') };
  const table = pickTable(document, request.table);
  const long = releaseHxl(table, request.locale, request.part);
  const name = `${base}-${safeName(table.indicator)}${request.part === 'totals' ? '-totals' : ''}-${request.locale}`;
  if (request.format === 'xlsx') return { name: `${name}.xlsx`, data: toXlsx(long, table.indicator) };
  return { name: `${name}.csv`, data: Buffer.from(toCsv(long), 'utf8') };
}
