// Exports of a statistics table (decision 0122): HXL CSV, JSON and XLSX, all in the same long form
// so that the three files say the same thing, written by the release files' HXL function (the
// same hashtags in staff and public files, decision 0141): the cells, or the totals in a table of
// their own; a hidden or not-additive count is empty with a note in the file's language. Text a spreadsheet
// would run as a formula (= + - @ tab CR) is neutralised in CSV (leading quote, OWASP) and
// written as an inline STRING cell in XLSX (never a <f> formula, never a number).
import { deflateRawSync } from 'node:zlib';
import { csvField, neutraliseFormula } from '@acompana/core';
import type { StatsTable } from './stats.service.ts';
import { releaseHxl, type HxlTable } from './release-hxl.ts';

export interface LongTable {
  header: string[];
  hashtags: string[];
  rows: (string | number | null)[][];
}

/**
 * An organisation's (or the network view's) table in the shape of a release table, so its HXL file
 * is written by the same function as a published release's (release-hxl.ts): one set of tags for
 * staff and public files. The table is in one language; both slots carry it.
 */
export function hxlTableOf(table: StatsTable): HxlTable {
  const both = (s: string) => ({ es: s, en: s });
  return {
    indicator: table.indicator,
    title: both(table.title),
    unit: both(table.unit),
    valueHxl: '',
    dimensions: table.dimensions.map((d) => ({
      id: d.id,
      title: both(d.title),
      hxl: '',
      categories: d.categories.map((c) => ({ key: c.key, label: both(c.label) })),
    })),
    cells: table.cells,
  };
}

/** The staff export's long table: the cells, or the totals in a table of their own. */
export function longForm(table: StatsTable, locale: 'es' | 'en', part: 'cells' | 'totals' = 'cells'): LongTable {
  return releaseHxl(hxlTableOf(table), locale, part);
}

export function toCsv(long: LongTable): string {
  const line = (fields: (string | number | null)[]) => fields.map((f) => (f === null ? '' : csvField(f))).join(',');
  // No hashtag row when there are no hashtags (a file in another dataset's own columns).
  const tags = long.hashtags.length > 0 ? [line(long.hashtags)] : [];
  return [line(long.header), ...tags, ...long.rows.map(line)].join('\r\n') + '\r\n';
}

/** JSON: the table as served, plus its long form; labels neutralised for people who open it in a sheet. */
export function toJsonExport(table: StatsTable, long: LongTable): string {
  return JSON.stringify(
    {
      ...table,
      long: { ...long, rows: long.rows.map((r) => r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v))) },
    },
    null,
    2,
  );
}

// --- XLSX: a minimal SpreadsheetML package (ECMA-376), one sheet, inline strings ------------------

/** XML text: escaped, and without the control characters XML 1.0 forbids (tab, LF, CR allowed). */
const xml = (s: string): string =>
  [...s]
    .filter((c) => c.charCodeAt(0) >= 0x20 || c === '\t' || c === '\n' || c === '\r')
    .join('')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(long: LongTable): string {
  const all = [long.header, long.hashtags, ...long.rows];
  const rows = all.map((fields, r) => {
    const cells = fields.map((v, c) => {
      const ref = `${column(c)}${r + 1}`;
      if (v === null || v === '') return '';
      // Numbers only from counts; every text (labels included) is an inline string, so a label
      // such as "=HYPERLINK(…)" is shown as text and never evaluated.
      if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
      return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
    });
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive (deflate) of the given files; a fixed timestamp keeps the bytes reproducible. */
export function zip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const packed = deflateRawSync(file.data);
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export function toXlsx(long: LongTable, sheetName: string): Buffer {
  const f = (name: string, text: string) => ({ name, data: Buffer.from(text, 'utf8') });
  const sheet = xml(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  return zip([
    f(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    f(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    f(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    f(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    f('xl/worksheets/sheet1.xml', sheetXml(long)),
  ]);
}
