// The redacted report of one event, for a complaint (CNDH, a prosecutor, an oversight office):
// what happened, where and when, acts, perpetrators, victims by sex and age group, complaints
// and the SHA-256 of every evidence file. Names and personal details of victims are redacted:
// linked people's names (every token of their given names, surnames and aliases), e-mail
// addresses and long digit runs (phone and document numbers) are replaced in the title and the
// narrative; coordinates are left out (they can point at a safe house). Generated on the server
// with pdfkit's built-in Helvetica (WinAnsi covers Spanish), so no font file is shipped.
import PDFDocument from 'pdfkit';
import type { Incident } from '@acompana/core';
import { findInstitution, findViolationType } from '@acompana/core';

export type ReportLang = 'es' | 'en';

const L = {
  es: {
    heading: 'Informe de evento (versión testada)',
    generated: 'Generado',
    period: 'Fecha',
    place: 'Lugar',
    state: 'Estado',
    municipality: 'Municipio',
    locality: 'Localidad',
    confidentiality: 'Confidencialidad',
    narrative: 'Relato',
    acts: 'Hechos',
    perpetrators: 'Presuntos responsables',
    victims: 'Víctimas',
    complaints: 'Quejas y denuncias',
    evidence: 'Evidencia (SHA-256)',
    victim: 'Víctima',
    people: 'persona(s)',
    linked: 'registrada con consentimiento',
    unknown: 'desconocido',
    redacted: '[testado]',
    note: 'Los nombres y datos personales de las víctimas se han testado. La huella SHA-256 permite comprobar que cada archivo de evidencia no ha cambiado.',
    filed: 'presentada el',
    status: 'estado',
    deadline: 'próximo plazo',
    suspected: 'se sospecha de',
    page: 'Página',
  },
  en: {
    heading: 'Event report (redacted)',
    generated: 'Generated',
    period: 'Date',
    place: 'Place',
    state: 'State',
    municipality: 'Municipality',
    locality: 'Locality',
    confidentiality: 'Confidentiality',
    narrative: 'Narrative',
    acts: 'Acts',
    perpetrators: 'Alleged perpetrators',
    victims: 'Victims',
    complaints: 'Complaints',
    evidence: 'Evidence (SHA-256)',
    victim: 'Victim',
    people: 'person(s)',
    linked: 'registered with consent',
    unknown: 'unknown',
    redacted: '[redacted]',
    note: "Victims' names and personal details are redacted. The SHA-256 fingerprint lets anyone check that an evidence file has not changed.",
    filed: 'filed on',
    status: 'status',
    deadline: 'next deadline',
    suspected: 'suspected',
    page: 'Page',
  },
} as const;

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
  const t = L[options.lang];
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
  const institution = (key: string) => findInstitution(key)?.label[options.lang] ?? key;

  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555')
    .text(`${t.heading} · ${t.generated} ${options.now.toISOString().slice(0, 10)}`);
  doc.moveDown(0.5).fillColor('#000').font('Helvetica-Bold').fontSize(16).text(clean(event.title));
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  const period = event.end ? `${event.start.date} – ${event.end.date}` : event.start.date;
  doc.text(`${t.period}: ${period} (${event.start.precision})`);
  const place = [
    event.place.country,
    event.place.stateCode ? `${t.state} ${event.place.stateCode}` : null,
    event.place.municipalityCode ? `${t.municipality} ${event.place.municipalityCode}` : null,
    event.place.locality ? clean(event.place.locality) : null,
  ];
  doc.text(`${t.place}: ${place.filter(Boolean).join(', ')}`);
  doc.text(`${t.confidentiality}: ${event.confidentiality}`);

  if (event.narrative) {
    section(t.narrative);
    doc.text(clean(event.narrative), { align: 'left' });
  }
  section(t.acts);
  for (const act of event.acts)
    doc.text(
      `• ${findViolationType(act.type)?.label[options.lang] ?? act.type}${act.date ? ` (${act.date.date})` : ''}`,
    );
  section(t.perpetrators);
  for (const p of event.perpetrators) {
    const suspected = p.suspectedInstitution
      ? ` (${t.suspected}: ${institution(p.suspectedInstitution)}, ${p.attribution})`
      : '';
    doc.text(
      `• ${p.institutionPath.map(institution).reverse().join(' › ')}${suspected}${p.unit ? ` — ${p.unit}` : ''}`,
    );
  }
  section(t.victims);
  event.victims.forEach((v, i) => {
    doc.text(
      `• ${t.victim} ${i + 1}: ${v.count} ${t.people}, ${v.sex}, ${v.ageGroup}${v.nationality ? `, ${v.nationality}` : ''}${v.personId ? ` (${t.linked})` : ''}`,
    );
  });
  if (event.complaints.length > 0) {
    section(t.complaints);
    for (const c of event.complaints) {
      const deadline = c.deadline?.dueDate ?? c.nextDeadline;
      doc.text(
        `• ${c.authority}${c.authorityState ? ` (${c.authorityState})` : ''} ${c.fileNumber ?? ''} — ${t.filed} ${c.filedOn}; ${t.status}: ${c.status}${deadline ? `; ${t.deadline}: ${deadline}` : ''}`,
      );
    }
  }
  if (event.evidence.length > 0) {
    section(t.evidence);
    event.evidence.forEach((e, i) =>
      doc.text(`• ${i + 1}. ${e.kind}, ${e.contentType}, ${e.sizeBytes} B — ${e.sha256}`),
    );
  }
  doc.moveDown(1).fontSize(8).fillColor('#555').text(t.note);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc
      .fontSize(8)
      .fillColor('#555')
      .text(`${t.page} ${i + 1} / ${range.count}`, 56, doc.page.height - 40, { lineBreak: false });
  }
  doc.end();
  return done;
}
