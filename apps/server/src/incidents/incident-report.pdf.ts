// The redacted report of one event, for a complaint (CNDH, a prosecutor, an oversight office):
// what happened, where and when, acts, perpetrators, victims by sex and age group, complaints
// and the SHA-256 of every evidence file. Names and personal details of victims are redacted:
// linked people's names (every token of their given names, surnames and aliases), e-mail
// addresses and long digit runs (phone and document numbers) are replaced in the title and the
// narrative; coordinates are left out (they can point at a safe house). Generated on the server
// with pdfkit's built-in Helvetica (WinAnsi covers Spanish), so no font file is shipped.
import PDFDocument from 'pdfkit';
import type { Incident } from '@acompana/core';
import { findInstitution, findViolationType, placeLabel } from '@acompana/core';
import {
  dateInWords,
  placeInWords,
  reportWords,
  victimInWords,
  wordOf,
  type ReportLang,
} from './incident-report-words.ts';

export type { ReportLang } from './incident-report-words.ts';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Replaces every name token (3+ letters, accent- and case-insensitive), e-mail and long digit run. */
export function redact(text: string, names: readonly string[], mark: string): string {
  const tokens = [
    ...new Set(
      names
        .flatMap((n) => n.split(/[\s,.-]+/))
        .filter((t) => t.length >= 3)
        .map(fold),
    ),
  ];
  let out = text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, mark).replace(/\+?\d[\d\s().-]{6,}\d/g, mark);
  out = out.replace(/[\p{L}\p{M}]+/gu, (word) => (tokens.includes(fold(word)) ? mark : word));
  return out;
}

export async function renderIncidentReport(
  event: Incident,
  options: { names: readonly string[]; lang: ReportLang; now: Date },
): Promise<Buffer> {
  const lang = options.lang;
  const t = reportWords[lang];
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 56,
    bufferPages: true,
    info: { Title: t.heading, Producer: 'Acompaña' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const clean = (text: string) => redact(text, options.names, t.redacted);
  const section = (title: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(title).font('Helvetica').fontSize(10).moveDown(0.2);
  const institution = (key: string) => findInstitution(key)?.label[lang] ?? key;

  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555')
    .text(`${t.heading} · ${t.generated} ${dateInWords(options.now.toISOString().slice(0, 10), 'day', lang)}`);
  doc.moveDown(0.5).fillColor('#000').font('Helvetica-Bold').fontSize(16).text(clean(event.title));
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  const start = dateInWords(event.start.date, event.start.precision, lang);
  const period = event.end ? `${start} – ${dateInWords(event.end.date, event.end.precision, lang)}` : start;
  doc.text(`${t.period}: ${period} (${wordOf(t.precision, event.start.precision, t.none)})`);
  const locality = event.place.locality ? clean(event.place.locality) : null;
  doc.text(`${t.place}: ${[locality, placeInWords(event.place, lang, t)].filter(Boolean).join(', ')}`);
  doc.text(`${t.confidentiality}: ${wordOf(t.confidentialityLevel, event.confidentiality, t.none)}`);

  if (event.narrative) {
    section(t.narrative);
    doc.text(clean(event.narrative), { align: 'left' });
  }
  section(t.acts);
  for (const act of event.acts)
    doc.text(
      `• ${findViolationType(act.type)?.label[lang] ?? act.type}${act.date ? ` (${dateInWords(act.date.date, act.date.precision, lang)})` : ''}`,
    );
  section(t.perpetrators);
  for (const p of event.perpetrators) {
    const suspected = p.suspectedInstitution
      ? ` (${t.suspected(institution(p.suspectedInstitution), wordOf(t.attribution, p.attribution, t.none))})`
      : '';
    doc.text(
      `• ${p.institutionPath.map(institution).reverse().join(' › ')}${suspected}${p.unit ? ` — ${p.unit}` : ''}`,
    );
  }
  section(t.victims);
  event.victims.forEach((v, i) => {
    doc.text(`• ${t.victim} ${i + 1}: ${victimInWords(v, lang)}`);
  });
  if (event.complaints.length > 0) {
    section(t.complaints);
    for (const c of event.complaints) {
      const deadline = c.deadline?.dueDate ?? c.nextDeadline;
      const state = c.authorityState ? placeLabel({ country: 'MX', stateCode: c.authorityState }, lang) : null;
      const parts = [
        `${wordOf(t.authority, c.authority, c.authority)}${state ? ` (${state})` : ''}`,
        c.fileNumber ? `${t.fileNumber} ${c.fileNumber}` : null,
        `${t.filed} ${dateInWords(c.filedOn, 'day', lang)}`,
        `${t.status}: ${wordOf(t.complaintStatus, c.status, c.status)}`,
        deadline ? `${t.deadline}: ${dateInWords(deadline, 'day', lang)}` : null,
      ];
      doc.text(`• ${parts.filter(Boolean).join('; ')}`);
    }
  }
  if (event.evidence.length > 0) {
    section(t.evidence);
    event.evidence.forEach((e, i) =>
      doc.text(
        `• ${i + 1}. ${wordOf(t.evidenceKind, e.kind, t.evidenceKind.document)}, ${sizeInWords(e.sizeBytes, lang)} — ${e.sha256}`,
      ),
    );
  }
  doc.moveDown(1).fontSize(8).fillColor('#555').text(t.note);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc
      .fontSize(8)
      .fillColor('#555')
      .text(t.page(i + 1, range.count), 56, doc.page.height - 40, { lineBreak: false });
  }
  doc.end();
  return done;
}

/** "12,3 kB" in Spanish, "12.3 kB" in English. */
function sizeInWords(bytes: number, lang: ReportLang): string {
  const n = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-GB', { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${n.format(bytes / 1024)} kB` : `${n.format(bytes / (1024 * 1024))} MB`;
}
