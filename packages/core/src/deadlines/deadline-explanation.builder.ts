// Plain-language explanation of a computed deadline, in Spanish and English: the rule's template
// filled with dates, then what the engine did (holidays skipped, rolling, warnings, review).

import type { LocalizedText } from './calendar.types.ts';
import type { SkippedDay } from './deadline.types.ts';
import { parsePlainDate, civilOf, weekdayOf, type PlainDate } from './plain-date.util.ts';
import type { ResolvedRule } from './rule.types.ts';

const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS_ES = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "martes 15 de abril de 2025 (2025-04-15)" / "Tuesday, April 15, 2025 (2025-04-15)". */
export function humanDate(text: string, lang: 'es' | 'en'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text; // instants and local times stay as they are
  const day = parsePlainDate(text);
  const c = civilOf(day);
  const w = weekdayOf(day);
  return lang === 'es'
    ? `${DAYS_ES[w]} ${c.day} de ${MONTHS_ES[c.month - 1]} de ${c.year} (${text})`
    : `${DAYS_EN[w]}, ${MONTHS_EN[c.month - 1]} ${c.day}, ${c.year} (${text})`;
}

export interface ExplanationFacts {
  rule: ResolvedRule;
  values: Record<string, string>;
  skippedDays: SkippedDay[];
  unrolledDate?: PlainDate;
  dueDate: PlainDate | null;
  rolled: boolean;
  endsOnNonWorkingDay: boolean;
  calendarName: LocalizedText;
  extraDaysUsed: number;
}

function fill(template: string, values: Record<string, string>, lang: 'es' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? humanDate(values[key]!, lang) : whole,
  );
}

function reasonsText(day: SkippedDay, lang: 'es' | 'en'): string {
  return day.reasons.map((r) => `${r.reason[lang]}, ${r.source}`).join('; ');
}

function build(facts: ExplanationFacts, lang: 'es' | 'en'): string {
  const es = lang === 'es';
  const parts = [fill(facts.rule.explanation[lang], facts.values, lang)];
  const holidays = facts.skippedDays.filter((d) => d.reasons.some((r) => r.kind !== 'weekend'));
  if (holidays.length > 0) {
    const list = holidays.map((d) => `${d.date} (${reasonsText(d, lang)})`).join(', ');
    parts.push(
      es
        ? `Días inhábiles (además de fines de semana) no contados: ${list}.`
        : `Non-working days (besides weekends) not counted: ${list}.`,
    );
  }
  if (facts.rolled && facts.unrolledDate && facts.dueDate) {
    const backward = facts.dueDate < facts.unrolledDate;
    const first = facts.skippedDays.find((d) => d.date === facts.unrolledDate);
    const why = first ? ` (${reasonsText(first, lang)})` : '';
    parts.push(
      es
        ? `El plazo caía el ${humanDate(facts.unrolledDate, 'es')}, día inhábil${why}; se ${backward ? 'adelanta al día hábil anterior' : 'recorre al siguiente día hábil'}: ${humanDate(facts.dueDate, 'es')}.`
        : `The period fell on ${humanDate(facts.unrolledDate, 'en')}, a non-working day${why}; it moves to the ${backward ? 'previous' : 'next'} working day: ${humanDate(facts.dueDate, 'en')}.`,
    );
  }
  if (facts.endsOnNonWorkingDay && facts.dueDate) {
    parts.push(
      es
        ? `Atención: el último día (${facts.dueDate}) es inhábil y esta regla no lo recorre; actúe antes.`
        : `Warning: the last day (${facts.dueDate}) is a non-working day and this rule does not roll it; act earlier.`,
    );
  }
  parts.push(es ? `Calendario: ${facts.calendarName.es}.` : `Calendar: ${facts.calendarName.en}.`);
  if (facts.extraDaysUsed > 0) {
    parts.push(
      es
        ? `Incluye ${facts.extraDaysUsed} día(s) inhábil(es) declarados por la administración.`
        : `Includes ${facts.extraDaysUsed} non-working day(s) declared by an administrator.`,
    );
  }
  parts.push(
    `${es ? 'Fundamento' : 'Legal basis'}: ${facts.rule.legalBasis.citation} (${es ? 'regla' : 'rule'} ${facts.rule.id} v${facts.rule.version}).`,
  );
  if (facts.rule.needsLegalReview) {
    parts.push(
      es
        ? 'Pendiente de revisión por una persona abogada: no presentar como criterio firme.'
        : 'Pending review by a lawyer: do not present as settled law.',
    );
  }
  return parts.join(' ');
}

export function buildExplanation(facts: ExplanationFacts): LocalizedText {
  return { es: build(facts, 'es'), en: build(facts, 'en') };
}
