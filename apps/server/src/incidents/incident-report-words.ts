// The words of the redacted incident report, in the reader's language: every code an event
// keeps (confidentiality, precision, sex, age group, attribution, authority, status, evidence
// kind, INEGI and ISO place codes, countries) becomes a phrase, so nothing internal reaches a
// complaint sent to an authority.
import { placeLabel } from '@acompana/core';

export type ReportLang = 'es' | 'en';

export const reportWords = {
  es: {
    heading: 'Informe de evento (versión testada)',
    generated: 'Generado el',
    period: 'Fecha',
    place: 'Lugar',
    confidentiality: 'Confidencialidad',
    narrative: 'Relato',
    acts: 'Hechos',
    perpetrators: 'Presuntos responsables',
    victims: 'Víctimas',
    complaints: 'Quejas y denuncias',
    evidence: 'Evidencia (huella SHA-256)',
    victim: 'Víctima',
    person: (n: number) => (n === 1 ? '1 persona' : `${n} personas`),
    linked: 'persona registrada, con su consentimiento',
    redacted: '[testado]',
    none: 'Sin registrar',
    note: 'Los nombres y datos personales de las víctimas se han testado. La huella SHA-256 permite comprobar que cada archivo de evidencia no ha cambiado.',
    filed: 'presentada el',
    fileNumber: 'expediente',
    status: 'estado',
    deadline: 'próximo plazo',
    suspected: (institution: string, how: string) => `se sospecha de ${institution}; atribución ${how}`,
    page: (i: number, n: number) => `Página ${i} de ${n}`,
    precision: {
      day: 'fecha exacta',
      month: 'solo se conoce el mes',
      year: 'solo se conoce el año',
      approximate: 'fecha aproximada',
    },
    confidentialityLevel: {
      shareable: 'se puede compartir con organizaciones aliadas',
      internal: 'de uso interno de la organización',
      restricted: 'restringido al equipo responsable',
    },
    attribution: { confirmed: 'confirmada', probable: 'probable', possible: 'posible' },
    sex: { F: 'mujer', M: 'hombre', X: 'no binaria', U: 'sexo no conocido' },
    sexPlural: { F: 'mujeres', M: 'hombres', X: 'no binarias', U: 'sexo no conocido' },
    age: {
      '0-11': 'de 0 a 11 años',
      '12-17': 'de 12 a 17 años',
      '18-29': 'de 18 a 29 años',
      '30-59': 'de 30 a 59 años',
      '60+': 'de 60 años o más',
      unknown: 'edad no conocida',
    },
    authority: {
      cndh: 'Comisión Nacional de los Derechos Humanos (CNDH)',
      state_hr_commission: 'Comisión estatal de derechos humanos',
      fgr: 'Fiscalía General de la República (FGR)',
      state_prosecutor: 'Fiscalía estatal',
      foreign_support_search_mechanism: 'Mecanismo de Apoyo Exterior de Búsqueda e Investigación',
      internal_affairs: 'Asuntos Internos',
      us_oversight: 'Oficina de supervisión de Estados Unidos',
    },
    complaintStatus: {
      filed: 'presentada',
      admitted: 'admitida',
      in_progress: 'en trámite',
      recommendation: 'con recomendación',
      closed: 'concluida',
    },
    evidenceKind: { photo: 'Foto', document: 'Documento', audio: 'Audio', video: 'Video' },
    around: 'hacia',
    of: 'de',
  },
  en: {
    heading: 'Event report (redacted)',
    generated: 'Generated on',
    period: 'Date',
    place: 'Place',
    confidentiality: 'Confidentiality',
    narrative: 'Narrative',
    acts: 'Acts',
    perpetrators: 'Alleged perpetrators',
    victims: 'Victims',
    complaints: 'Complaints',
    evidence: 'Evidence (SHA-256 fingerprint)',
    victim: 'Victim',
    person: (n: number) => (n === 1 ? '1 person' : `${n} people`),
    linked: 'registered person, with their consent',
    redacted: '[redacted]',
    none: 'Not recorded',
    note: "Victims' names and personal details are redacted. The SHA-256 fingerprint lets anyone check that an evidence file has not changed.",
    filed: 'filed on',
    fileNumber: 'file',
    status: 'status',
    deadline: 'next deadline',
    suspected: (institution: string, how: string) => `${institution} suspected; attribution ${how}`,
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    precision: {
      day: 'exact date',
      month: 'only the month is known',
      year: 'only the year is known',
      approximate: 'approximate date',
    },
    confidentialityLevel: {
      shareable: 'may be shared with partner organisations',
      internal: "for the organisation's internal use",
      restricted: 'restricted to the responsible team',
    },
    attribution: { confirmed: 'confirmed', probable: 'probable', possible: 'possible' },
    sex: { F: 'woman', M: 'man', X: 'non-binary', U: 'sex not known' },
    sexPlural: { F: 'women', M: 'men', X: 'non-binary', U: 'sex not known' },
    age: {
      '0-11': 'aged 0 to 11',
      '12-17': 'aged 12 to 17',
      '18-29': 'aged 18 to 29',
      '30-59': 'aged 30 to 59',
      '60+': 'aged 60 or over',
      unknown: 'age not known',
    },
    authority: {
      cndh: 'National Human Rights Commission of Mexico (CNDH)',
      state_hr_commission: 'State human rights commission',
      fgr: 'Federal Attorney General (FGR)',
      state_prosecutor: 'State prosecutor',
      foreign_support_search_mechanism: 'Foreign Support Mechanism for Search and Investigation',
      internal_affairs: 'Internal Affairs',
      us_oversight: 'United States oversight office',
    },
    complaintStatus: {
      filed: 'filed',
      admitted: 'admitted',
      in_progress: 'in progress',
      recommendation: 'recommendation issued',
      closed: 'closed',
    },
    evidenceKind: { photo: 'Photo', document: 'Document', audio: 'Audio', video: 'Video' },
    around: 'around',
    of: 'of',
  },
} as const;

type Words = (typeof reportWords)[ReportLang];

/** A word from one of the tables, or the fallback when a code is not in it. */
export function wordOf(
  table: Readonly<Record<string, string>>,
  code: string | null | undefined,
  fallback: string,
): string {
  return (code ? table[code] : undefined) ?? fallback;
}

const locale = (lang: ReportLang) => (lang === 'es' ? 'es-MX' : 'en-GB');

/** "3 de diciembre de 2026", "diciembre de 2026", "2026" or "hacia el 3 de diciembre de 2026". */
export function dateInWords(date: string, precision: string, lang: ReportLang): string {
  const d = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  const fmt = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale(lang), { ...o, timeZone: 'UTC' }).format(d);
  if (precision === 'year') return fmt({ year: 'numeric' });
  if (precision === 'month') return fmt({ month: 'long', year: 'numeric' });
  const day = fmt({ day: 'numeric', month: 'long', year: 'numeric' });
  return precision === 'approximate' ? `${reportWords[lang].around} ${day}` : day;
}

export function countryName(code: string | null | undefined, lang: ReportLang): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([locale(lang)], { type: 'region' }).of(code) ?? null;
  } catch {
    return null;
  }
}

/** "Huixtla, Chiapas, México" (+ locality), never the INEGI or ISO codes. */
export function placeInWords(
  place: { country: string; stateCode: string | null; municipalityCode: string | null },
  lang: ReportLang,
  t: Words,
): string {
  const parts = [placeLabel(place, lang), countryName(place.country, lang)].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(', ') : t.none;
}

/** "1 persona, mujer, de 18 a 29 años, Honduras" / "4 personas, sexo no conocido, edad no conocida". */
export function victimInWords(
  v: { count: number; sex: string; ageGroup: string; nationality: string | null; personId: string | null },
  lang: ReportLang,
): string {
  const t = reportWords[lang];
  const sex = wordOf(v.count === 1 ? t.sex : t.sexPlural, v.sex, t.sex.U);
  const parts = [t.person(v.count), sex, wordOf(t.age, v.ageGroup, t.age.unknown)];
  const country = countryName(v.nationality, lang);
  if (country) parts.push(country);
  if (v.personId) parts.push(t.linked);
  return parts.join(', ');
}
