// The network bulletin as a PDF, drawn from a FROZEN release (decision 0127): title, period,
// organisations taking part, the method note on suppression in the reader's language, charts
// (bars per breakdown), the tile map of Mexico by state and Central America by department on
// one page of its own, and the tables. Hidden counts are written "oculto" / "hidden", never a
// guessed number; on the map a hidden place is hatched. The document's dates are the release's
// publication time, so the same release always gives the same file.
import PDFDocument from 'pdfkit';
import { regionTiles, tileKeyOf } from '@acompana/core';
import type { ReleaseDocument, FrozenTable } from '../stats/releases.service.ts';
import {
  barChart,
  heading,
  L,
  table,
  type Doc,
  type ReportLang,
  type ReportSeries,
  type ReportText,
} from './statistics-report.pdf.ts';

const T = {
  es: {
    period: 'Periodo',
    published: 'Publicado el',
    organisations: 'Organizaciones participantes',
    method: 'Método',
    by: 'por',
    map: 'Mapa: actos por estado (México) y departamento o país (Centroamérica)',
    mapNote:
      'Cada lugar es un cuadro del mismo tamaño en su posición aproximada; más oscuro es más. Un cuadro rayado es una cifra oculta.',
    hash: 'Huella del contenido (SHA-256)',
    hidden: 'oculto',
    bulletin: 'Boletín',
  },
  en: {
    period: 'Period',
    published: 'Published on',
    organisations: 'Organisations taking part',
    method: 'Method',
    by: 'by',
    map: 'Map: acts by state (Mexico) and department or country (Central America)',
    mapNote:
      'Each place is a square of the same size at its approximate position; darker means more. A hatched square is a hidden figure.',
    hash: 'Content fingerprint (SHA-256)',
    hidden: 'hidden',
    bulletin: 'Bulletin',
  },
} as const;

const steps = ['#f1f4f8', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

/** One breakdown of a table: the margin along dimension d (the other dimensions at their total). */
export function marginOf(t: FrozenTable, d: number, lang: ReportLang): ReportSeries {
  const dim = t.dimensions[d]!;
  const cells = new Map(t.cells.map((c) => [c.keys.map((k) => k ?? '*').join('|'), c.count]));
  const at = (key: string | null) =>
    cells.get(t.dimensions.map((_, i) => (i === d ? (key ?? '*') : '*')).join('|')) ?? null;
  return {
    title: `${t.title[lang]} ${T[lang].by} ${dim.title[lang].toLowerCase()}`,
    unit: t.unit[lang],
    rows: dim.categories.map((c) => ({ key: c.key, label: c.label[lang], value: at(c.key) })),
    total: at(null),
  };
}

function tileMapPage(doc: Doc, series: ReportSeries, lang: ReportLang): void {
  doc.addPage();
  heading(doc, T[lang].map);
  const values = new Map<string, number | null>();
  for (const r of series.rows) {
    const tile = tileKeyOf(r.key);
    if (!tile) continue;
    const before = values.get(tile);
    values.set(tile, r.value === null || before === null ? null : (before ?? 0) + r.value);
  }
  const max = Math.max(0, ...[...values.values()].map((v) => v ?? 0));
  const cols = 1 + Math.max(...regionTiles.map((r) => r.col));
  const rows = 1 + Math.max(...regionTiles.map((r) => r.row));
  const left = doc.page.margins.left;
  const top = doc.y + 4;
  // The whole grid on this page: squares as large as the space allows.
  const room = doc.page.height - doc.page.margins.bottom - top - 40;
  const gap = 2;
  const size = Math.floor(Math.min((doc.page.width - 2 * left) / cols, room / rows) - gap);
  for (const tile of regionTiles) {
    const v = values.has(tile.key) ? values.get(tile.key)! : 0;
    const x = left + tile.col * (size + gap);
    const y = top + tile.row * (size + gap);
    if (v === null) {
      doc.rect(x, y, size, size).lineWidth(0.5).fillAndStroke('#ffffff', '#6b7380');
      doc.save().rect(x, y, size, size).clip();
      for (let k = -size; k < size; k += 5)
        doc
          .moveTo(x + k, y + size)
          .lineTo(x + k + size, y)
          .lineWidth(0.4)
          .strokeColor('#9aa3ad')
          .stroke();
      doc.restore();
    } else {
      const step = v === 0 || max === 0 ? 0 : Math.min(4, 1 + Math.floor((3 * Math.log(v)) / Math.log(max + 1)));
      doc.rect(x, y, size, size).lineWidth(0.5).fillAndStroke(steps[step]!, '#6b7380');
    }
    const dark = v !== null && v > 0 && max > 0 && Math.log(v) / Math.log(max + 1) > 0.6;
    doc
      .fillColor(dark ? '#ffffff' : '#1f2933')
      .fontSize(Math.max(4, size / 5.5))
      .text(tile.abbr, x, y + 2, { width: size, align: 'center', lineBreak: false })
      .font('Helvetica-Bold')
      .fontSize(Math.max(5, size / 4))
      .text(v === null ? '—' : String(v), x, y + size / 2, { width: size, align: 'center', lineBreak: false })
      .font('Helvetica');
  }
  doc.x = left;
  doc.y = top + rows * (size + gap) + 6;
  doc.fontSize(8).fillColor('#3d4450').text(T[lang].mapNote, left).fillColor('#000').fontSize(10);
}

export async function renderReleaseBulletin(release: ReleaseDocument, lang: ReportLang): Promise<Buffer> {
  const t = T[lang];
  const text: ReportText = { ...L[lang], hidden: t.hidden };
  const when = new Date(release.publishedAt ?? 0);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 56,
    bufferPages: true,
    info: { Title: release.title, Producer: 'Acompaña', Creator: 'Acompaña', CreationDate: when, ModDate: when },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const period =
    release.periodFrom === release.periodTo ? release.periodFrom : `${release.periodFrom} – ${release.periodTo}`;

  doc.font('Helvetica-Bold').fontSize(18).fillColor('#08306b').text(release.title);
  doc.moveDown(0.4).font('Helvetica').fontSize(12).fillColor('#000').text(`${t.period}: ${period}`);
  doc
    .fontSize(9)
    .fillColor('#3d4450')
    .text(`${t.published} ${when.toISOString().slice(0, 10)}`)
    .text(`${t.organisations}: ${release.organisations.map((o) => o.name).join('; ')}`)
    .fillColor('#000');
  heading(doc, t.method);
  doc.fontSize(9).text(release.method[lang]);

  for (const tbl of release.tables) {
    heading(doc, tbl.title[lang]);
    tbl.dimensions.forEach((dim, d) => {
      const series = marginOf(tbl, d, lang);
      heading(doc, series.title);
      if (dim.id !== 'state') barChart(doc, series, text);
      table(doc, series, text);
      if (dim.id === 'state') tileMapPage(doc, series, lang);
    });
  }
  doc.moveDown(1).fontSize(7).fillColor('#3d4450').text(`${t.hash}: ${release.contentHash}`);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#3d4450')
      .text(`${t.bulletin} · ${period} · ${text.page} ${i + 1} ${text.of} ${range.count}`, 56, doc.page.height - 36, {
        width: doc.page.width - 112,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
