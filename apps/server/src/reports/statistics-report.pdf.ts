// The monthly (or custom-period) statistics report of one organisation, as a PDF drawn with pdfkit
// (issue 10, item 5; decision 0122): the organisation's name as branding, key figures, acts by
// month (a line), acts by type (bars), acts by state on the tile map of Mexico and Central
// America, and tables. Charts are vector paths and rectangles (no images), text in the built-in
// Helvetica (WinAnsi covers Spanish), so no font or image file is shipped.
import PDFDocument from 'pdfkit';
import { regionTiles, tileKeyOf } from '@acompana/core';

export type ReportLang = 'es' | 'en';

export interface ReportSeries {
  title: string;
  unit: string;
  rows: { key: string; label: string; value: number | null }[];
  total: number | null;
}

export interface ReportContent {
  orgName: string;
  lang: ReportLang;
  period: { from: string; to: string };
  generatedAt: Date;
  threshold: number;
  actsByMonth: ReportSeries;
  actsByType: ReportSeries;
  actsByState: ReportSeries;
  tables: ReportSeries[];
}

export type ReportText = Record<
  | 'heading'
  | 'period'
  | 'generated'
  | 'keyFigures'
  | 'byMonth'
  | 'byType'
  | 'byState'
  | 'mapNote'
  | 'total'
  | 'hidden'
  | 'page'
  | 'of'
  | 'note',
  string
>;

export const L: Record<ReportLang, ReportText> = {
  es: {
    heading: 'Informe de estadísticas',
    period: 'Periodo',
    generated: 'Generado',
    keyFigures: 'Cifras principales',
    byMonth: 'Actos por mes',
    byType: 'Actos por tipo',
    byState: 'Actos por estado (México) y país (Centroamérica)',
    mapNote:
      'Mapa de cuadrícula: cada lugar es un cuadro del mismo tamaño en su posición aproximada; más oscuro es más.',
    total: 'Total',
    hidden: 'no sumable',
    page: 'Página',
    of: 'de',
    note: 'Conteos exactos de los registros de la organización, para uso interno. Las celdas menores que {t} pueden identificar a personas: no publique estas cifras sin la supresión de las estadísticas públicas.',
  },
  en: {
    heading: 'Statistics report',
    period: 'Period',
    generated: 'Generated',
    keyFigures: 'Key figures',
    byMonth: 'Acts by month',
    byType: 'Acts by type',
    byState: 'Acts by state (Mexico) and country (Central America)',
    mapNote: 'Tile map: each place is a square of the same size at its approximate position; darker means more.',
    total: 'Total',
    hidden: 'not additive',
    page: 'Page',
    of: 'of',
    note: "Exact counts of the organisation's records, for internal use. Cells under {t} may identify people: do not publish these figures without the public statistics' suppression.",
  },
};

const BLUE = '#2171b5';
const steps = ['#f1f4f8', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
export const num = (v: number | null, t: ReportText) => (v === null ? t.hidden : v.toLocaleString('en-US'));

export type Doc = InstanceType<typeof PDFDocument>;

export function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 200) doc.addPage();
  doc
    .moveDown(0.8)
    .font('Helvetica-Bold')
    .fontSize(13)
    .fillColor('#000')
    .text(text, doc.page.margins.left)
    .font('Helvetica')
    .fontSize(10)
    .moveDown(0.3);
}

function lineChart(doc: Doc, series: ReportSeries): void {
  const x0 = doc.page.margins.left + 30;
  const w = 440;
  const h = 120;
  const top = doc.y + 10;
  const max = Math.max(1, ...series.rows.map((r) => r.value ?? 0));
  const x = (i: number) => x0 + (series.rows.length <= 1 ? w / 2 : (w * i) / (series.rows.length - 1));
  const y = (v: number) => top + h - (h * v) / max;
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor('#6b7380')
    .moveTo(x0, top + h)
    .lineTo(x0 + w, top + h)
    .stroke();
  doc
    .fontSize(8)
    .fillColor('#3d4450')
    .text(String(max), x0 - 30, top - 4, { width: 26, align: 'right' })
    .text('0', x0 - 30, top + h - 4, { width: 26, align: 'right' });
  let drawing = false;
  doc.lineWidth(1.5).strokeColor(BLUE);
  series.rows.forEach((r, i) => {
    if (r.value === null) {
      if (drawing) doc.stroke();
      drawing = false;
      return;
    }
    if (drawing) doc.lineTo(x(i), y(r.value));
    else doc.moveTo(x(i), y(r.value));
    drawing = true;
  });
  if (drawing) doc.stroke();
  const every = Math.max(1, Math.ceil(series.rows.length / 12));
  series.rows.forEach((r, i) => {
    if (r.value !== null) doc.circle(x(i), y(r.value), 2.5).fill('#08306b');
    if (i % every === 0)
      doc
        .fontSize(7)
        .fillColor('#3d4450')
        .text(r.label, x(i) - 20, top + h + 4, { width: 40, align: 'center' });
  });
  doc.restore();
  doc.x = doc.page.margins.left;
  doc.y = top + h + 24;
}

export function barChart(doc: Doc, series: ReportSeries, t: ReportText): void {
  const left = doc.page.margins.left;
  const labelW = 170;
  const barW = 260;
  const row = 16;
  const max = Math.max(1, ...series.rows.map((r) => r.value ?? 0));
  for (const r of series.rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - row) doc.addPage();
    const y = doc.y;
    const w = r.value === null ? 0 : Math.max(r.value > 0 ? 1 : 0, (barW * r.value) / max);
    doc
      .fontSize(9)
      .fillColor('#1f2933')
      .text(r.label, left, y + 2, { width: labelW - 8, align: 'right', lineBreak: false, ellipsis: true });
    if (w > 0) doc.rect(left + labelW, y + 2, w, row - 5).fill(BLUE);
    doc.fillColor('#1f2933').text(num(r.value, t), left + labelW + w + 4, y + 2, { lineBreak: false });
    doc.y = y + row;
  }
  doc.x = left;
}

function tileMap(doc: Doc, series: ReportSeries, t: ReportText): void {
  const byTile = new Map<string, number>();
  for (const r of series.rows) {
    const tile = tileKeyOf(r.key);
    if (tile && r.value !== null) byTile.set(tile, (byTile.get(tile) ?? 0) + r.value);
  }
  const max = Math.max(0, ...byTile.values());
  const size = 34;
  const gap = 3;
  const rows = 1 + Math.max(...regionTiles.map((r) => r.row));
  if (doc.y + rows * (size + gap) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const left = doc.page.margins.left;
  const top = doc.y + 4;
  for (const tile of regionTiles) {
    const v = byTile.get(tile.key) ?? 0;
    const step = v === 0 || max === 0 ? 0 : Math.min(4, 1 + Math.floor((3 * Math.log(v)) / Math.log(max + 1)));
    const x = left + tile.col * (size + gap);
    const y = top + tile.row * (size + gap);
    doc.rect(x, y, size, size).lineWidth(0.5).fillAndStroke(steps[step]!, '#6b7380');
    const ink = step >= 3 ? '#ffffff' : '#1f2933';
    doc
      .fillColor(ink)
      .fontSize(6.5)
      .text(tile.abbr, x, y + 6, { width: size, align: 'center', lineBreak: false });
    doc
      .fontSize(9)
      .font('Helvetica-Bold')
      .text(String(v), x, y + 17, { width: size, align: 'center', lineBreak: false })
      .font('Helvetica');
  }
  doc.x = left;
  doc.y = top + rows * (size + gap) + 4;
  doc.fontSize(8).fillColor('#3d4450').text(t.mapNote, left).fillColor('#000').fontSize(10);
}

export function table(doc: Doc, series: ReportSeries, t: ReportText): void {
  const left = doc.page.margins.left;
  for (const r of [...series.rows, { key: 'total', label: t.total, value: series.total }]) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 14) doc.addPage();
    const y = doc.y;
    doc
      .font(r.key === 'total' ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor('#1f2933')
      .text(r.label, left, y, { width: 300, lineBreak: false, ellipsis: true })
      .text(num(r.value, t), left + 310, y, { width: 80, align: 'right', lineBreak: false });
    doc
      .moveTo(left, y + 12)
      .lineTo(left + 390, y + 12)
      .lineWidth(0.3)
      .strokeColor('#d0d4da')
      .stroke();
    doc.y = y + 14;
  }
  doc.font('Helvetica').fontSize(10).fillColor('#000');
  doc.x = left;
}

export async function renderStatisticsReport(content: ReportContent): Promise<Buffer> {
  const t = L[content.lang];
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 56,
    bufferPages: true,
    info: { Title: `${t.heading} · ${content.orgName}`, Producer: 'Acompaña' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const period =
    content.period.from === content.period.to ? content.period.from : `${content.period.from} – ${content.period.to}`;

  // Branding: the organisation's name as the masthead, a rule in the report colour.
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#08306b').text(content.orgName);
  doc
    .moveTo(56, doc.y + 4)
    .lineTo(doc.page.width - 56, doc.y + 4)
    .lineWidth(2)
    .strokeColor(BLUE)
    .stroke();
  doc.moveDown(0.6).font('Helvetica').fontSize(14).fillColor('#000').text(`${t.heading} · ${t.period}: ${period}`);
  doc
    .fontSize(9)
    .fillColor('#3d4450')
    .text(`${t.generated} ${content.generatedAt.toISOString().slice(0, 10)}`)
    .fillColor('#000');
  doc
    .moveDown(0.4)
    .fontSize(9)
    .text(t.note.replace('{t}', String(content.threshold)));

  heading(doc, t.keyFigures);
  for (const s of [content.actsByType, ...content.tables])
    doc.fontSize(10).text(`${s.title}: ${num(s.total, t)} ${s.total === null ? '' : s.unit}`);

  heading(doc, t.byMonth);
  lineChart(doc, content.actsByMonth);
  heading(doc, t.byType);
  barChart(doc, content.actsByType, t);
  heading(doc, t.byState);
  tileMap(doc, content.actsByState, t);
  for (const s of content.tables) {
    heading(doc, s.title);
    table(doc, s, t);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#3d4450')
      .text(
        `${content.orgName} · ${t.heading} ${period} · ${t.page} ${i + 1} ${t.of} ${range.count}`,
        56,
        doc.page.height - 36,
        { width: doc.page.width - 112, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
