// United States immigration deadline rules. Periods are calendar days; under 8 CFR 1001.1(h) a
// period whose last day is a Saturday, Sunday or legal holiday runs to the next business day
// (Monsalvo Velázquez v. Bondi, 2025). "Days before a hearing": the hearing is day 0.
// EOIR has no mailbox rule: filings count when RECEIVED (ICPM 3.1(a)(3)).
// Versions start at 2000-01-01 (start of the engine's calendars) unless a change is modelled.

import type { DeadlineRule, PeriodComputation, PeriodUnit, RuleVersion } from './rule.types.ts';

const forward = (amount: number, unit: PeriodUnit = 'calendar_days'): PeriodComputation => ({
  kind: 'period',
  amount,
  unit,
  direction: 'forward',
  countingStart: 'day_after_trigger',
  roll: 'next_working_day',
});

// The contract: a backward deadline landing on a non-working day moves EARLIER.
// NB the ICPM text ("Deadlines prior to hearings") construes it to the NEXT business day; moving
// earlier is always timely under both readings, so it is the safe default — flagged for review.
const beforeHearing = (amount: number): PeriodComputation => ({
  kind: 'period',
  amount,
  unit: 'calendar_days',
  direction: 'backward',
  countingStart: 'event_is_day_zero',
  roll: 'previous_working_day',
});

function version(
  fields: Omit<RuleVersion, 'version' | 'validFrom' | 'jurisdiction' | 'calendarId' | 'needsLegalReview'> &
    Partial<RuleVersion>,
): RuleVersion {
  return {
    version: 1,
    validFrom: '2000-01-01',
    jurisdiction: 'US',
    calendarId: 'us-federal',
    needsLegalReview: false,
    ...fields,
  };
}

const ROLL_EN = 'if the last day is a weekend or federal holiday, it moves to the next business day (8 CFR 1001.1(h))';
const ROLL_ES = 'si el último día es fin de semana o feriado federal, pasa al siguiente día hábil (8 CFR 1001.1(h))';
const DECISION = { es: 'fecha de la decisión del juez', en: 'date of the immigration judge’s decision' };
const BACKWARD_REVIEW =
  'ICPM "Deadlines prior to hearings" says a deadline on a weekend/holiday moves to the NEXT business day; the issue contract moves it EARLIER (safe). Confirm with counsel.';

export const US_RULES: readonly DeadlineRule[] = [
  {
    id: 'us.bia.appeal',
    title: { es: 'Apelación ante la BIA (EOIR-26)', en: 'Appeal to the BIA (EOIR-26)' },
    versions: [
      version({
        computation: forward(30),
        legalBasis: {
          citation: '8 CFR 1003.38(b)-(c)',
          law: 'Code of Federal Regulations, title 8',
          article: '1003.38; 1240.15',
          sources: ['8 CFR 1003.38', 'BIA Practice Manual 4.5'],
        },
        trigger: DECISION,
        explanation: {
          es: `La apelación debe RECIBIRSE en la BIA dentro de 30 días naturales desde la decisión ({trigger}); ${ROLL_ES}. Vence el {due}.`,
          en: `The appeal must be RECEIVED by the BIA within 30 calendar days of the decision ({trigger}); ${ROLL_EN}. Due {due}.`,
        },
        consequence: {
          es: 'La decisión del juez queda firme (posible tolerancia equitativa: Matter of Morales-Morales, 2023).',
          en: 'The judge’s decision becomes final (equitable tolling may apply: Matter of Morales-Morales, 28 I&N Dec. 714 (BIA 2023)).',
        },
      }),
    ],
  },
  {
    id: 'us.asylum.one_year',
    title: { es: 'Plazo de un año para el asilo', en: 'One-year asylum filing deadline' },
    versions: [
      version({
        computation: forward(1, 'years'),
        legalBasis: {
          citation: 'INA 208(a)(2)(B); 8 CFR 208.4(a)(2)',
          law: 'Immigration and Nationality Act',
          article: '208(a)(2)(B)',
          sources: ['INA 208(a)(2)(B)', '8 CFR 208.4(a)', 'immigrationequality.org'],
        },
        trigger: { es: 'última llegada a EE. UU.', en: 'last arrival in the United States' },
        explanation: {
          es: `Un año desde la última llegada ({trigger}): el aniversario; ${ROLL_ES}. Vence el {due}.`,
          en: `One year from the last arrival ({trigger}): the anniversary date; ${ROLL_EN}. Due {due}.`,
        },
        consequence: {
          es: 'Se pierde el asilo salvo circunstancias cambiadas o extraordinarias; quedan la suspensión de remoción y la CAT.',
          en: 'Asylum is barred unless changed or extraordinary circumstances apply; withholding and CAT remain.',
        },
        reviewNote: 'A 29 February arrival is clamped to 28 February (earlier, safe).',
      }),
    ],
  },
  {
    id: 'us.motion.reopen',
    title: { es: 'Moción para reabrir', en: 'Motion to reopen' },
    versions: [
      version({
        computation: forward(90),
        legalBasis: {
          citation: 'INA 240(c)(7)(C)(i); 8 CFR 1003.23(b)(1)',
          law: 'Immigration and Nationality Act; 8 CFR',
          article: '240(c)(7); 1003.23(b)',
          sources: ['8 CFR 1003.23(b)', 'ICPM 5.7'],
        },
        trigger: { es: 'orden administrativa final', en: 'final administrative order' },
        explanation: {
          es: `90 días naturales desde la orden final ({trigger}); ${ROLL_ES}. Vence el {due}.`,
          en: `90 calendar days from the final order ({trigger}); ${ROLL_EN}. Due {due}.`,
        },
        consequence: {
          es: 'Solo una moción; excepciones: condiciones cambiadas del país, órdenes in absentia.',
          en: 'One motion only; exceptions: changed country conditions, in-absentia orders.',
        },
      }),
    ],
  },
  {
    id: 'us.motion.reconsider',
    title: { es: 'Moción de reconsideración', en: 'Motion to reconsider' },
    versions: [
      version({
        computation: forward(30),
        legalBasis: {
          citation: 'INA 240(c)(6)(B); 8 CFR 1003.23(b)(1)',
          law: 'Immigration and Nationality Act; 8 CFR',
          article: '240(c)(6); 1003.23(b)',
          sources: ['8 CFR 1003.23(b)'],
        },
        trigger: { es: 'orden administrativa final', en: 'final administrative order' },
        explanation: {
          es: `30 días naturales desde la orden final ({trigger}); ${ROLL_ES}. Vence el {due}.`,
          en: `30 calendar days from the final order ({trigger}); ${ROLL_EN}. Due {due}.`,
        },
        consequence: { es: 'Solo una moción de reconsideración.', en: 'Only one motion to reconsider.' },
      }),
    ],
  },
  {
    id: 'us.credible_fear.review',
    title: { es: 'Revisión del miedo creíble por un juez', en: 'Immigration judge review of credible fear' },
    versions: [
      version({
        // A limit on the judge, not a filing by the person: the date is not rolled.
        computation: { ...forward(7), roll: 'none' },
        legalBasis: {
          citation: '8 CFR 1003.42(e)',
          law: 'Code of Federal Regulations, title 8',
          article: '1003.42(e)',
          sources: ['8 CFR 1003.42(e)'],
        },
        trigger: {
          es: 'aprobación de la determinación negativa por el supervisor',
          en: 'supervisory approval of the negative determination',
        },
        explanation: {
          es: 'El juez debe concluir la revisión en 24 horas si es posible y a más tardar 7 días después ({trigger}): {due}. No hay apelación.',
          en: 'The judge must conclude the review within 24 hours if practicable and no later than 7 days after ({trigger}): {due}. No appeal.',
        },
        consequence: {
          es: 'Revisión tardía: documentar y exigir.',
          en: 'Late review: document it and press for a decision.',
        },
      }),
    ],
  },
  {
    id: 'us.eoir.change_of_address',
    title: {
      es: 'Cambio de domicilio ante la corte (EOIR-33)',
      en: 'Change of address to the immigration court (EOIR-33)',
    },
    versions: [
      version({
        computation: forward(5),
        legalBasis: {
          citation: '8 CFR 1003.15(d)(2); ICPM 2.2(c)',
          law: 'Code of Federal Regulations, title 8',
          article: '1003.15(d)(2)',
          sources: ['EOIR Policy Manual App. C'],
        },
        trigger: { es: 'fecha de la mudanza', en: 'date of the move' },
        explanation: {
          es: `Formulario EOIR-33 dentro de 5 días desde el cambio de domicilio ({trigger}); ${ROLL_ES}. Vence el {due}.`,
          en: `Form EOIR-33 within 5 days of the change of address ({trigger}); ${ROLL_EN}. Due {due}.`,
        },
        consequence: {
          es: 'Las notificaciones se envían al domicilio anterior: riesgo de orden in absentia.',
          en: 'Notices go to the old address: risk of an in-absentia order.',
        },
      }),
    ],
  },
  {
    id: 'us.eoir.filing.master',
    title: { es: 'Escritos antes de audiencia preliminar (master)', en: 'Filings before a master calendar hearing' },
    versions: [
      version({
        computation: beforeHearing(15),
        legalBasis: {
          citation: 'ICPM 3.1(b)(1)',
          law: 'EOIR Immigration Court Practice Manual',
          article: '3.1(b)(1)',
          sources: ['EOIR Policy Manual App. C'],
        },
        trigger: { es: 'fecha de la audiencia', en: 'hearing date' },
        explanation: {
          es: 'Los escritos deben RECIBIRSE al menos 15 días antes de la audiencia del {event} (la audiencia es el día 0); si ese día es inhábil se adelanta al día hábil anterior. Vence el {due}.',
          en: 'Filings must be RECEIVED at least 15 days before the hearing on {event} (the hearing is day 0); if that day is not a business day it moves to the previous business day. Due {due}.',
        },
        consequence: { es: 'El juez puede no admitir el escrito.', en: 'The judge may refuse the filing.' },
        needsLegalReview: true,
        reviewNote: BACKWARD_REVIEW,
      }),
    ],
  },
  {
    id: 'us.eoir.filing.individual',
    title: {
      es: 'Escritos antes de audiencia individual (merits)',
      en: 'Filings before an individual (merits) hearing',
    },
    versions: [
      version({
        // ICPM in effect from 1 July 2008: 15 days for non-detained individual hearings.
        validFrom: '2008-07-01',
        computation: beforeHearing(15),
        legalBasis: {
          citation: 'ICPM 3.1(b)(ii)(A) (2008)',
          law: 'EOIR Immigration Court Practice Manual',
          article: '3.1(b)',
          sources: ['ICPM 2008, ch. 3'],
        },
        trigger: { es: 'fecha de la audiencia', en: 'hearing date' },
        explanation: {
          es: 'Los escritos deben RECIBIRSE al menos 15 días antes de la audiencia del {event}; si ese día es inhábil se adelanta al día hábil anterior. Vence el {due}.',
          en: 'Filings must be RECEIVED at least 15 days before the hearing on {event}; if that day is not a business day it moves to the previous business day. Due {due}.',
        },
        consequence: { es: 'El juez puede no admitir las pruebas.', en: 'The judge may exclude the evidence.' },
        needsLegalReview: true,
        reviewNote: BACKWARD_REVIEW,
      }),
      version({
        version: 2,
        validFrom: '2020-12-23',
        computation: beforeHearing(30),
        legalBasis: {
          citation: 'EOIR Policy Manual Part II, 3.1(b)(2)',
          law: 'EOIR Policy Manual',
          article: 'Part II, 3.1(b)(2); App. C',
          sources: ['EOIR Policy Manual App. C', 'NIJC pro bono alert (ICPM update of 23 Dec 2020)'],
        },
        trigger: { es: 'fecha de la audiencia', en: 'hearing date' },
        explanation: {
          es: 'Los escritos deben RECIBIRSE al menos 30 días antes de la audiencia del {event}; si ese día es inhábil se adelanta al día hábil anterior. Vence el {due}.',
          en: 'Filings must be RECEIVED at least 30 days before the hearing on {event}; if that day is not a business day it moves to the previous business day. Due {due}.',
        },
        consequence: { es: 'El juez puede no admitir las pruebas.', en: 'The judge may exclude the evidence.' },
        needsLegalReview: true,
        reviewNote: `${BACKWARD_REVIEW} EOIR briefly reverted to 15 days after the 23 Dec 2020 change (NIJC); dates of that interval [U].`,
        changeNote: { es: 'De 15 a 30 días antes de la audiencia.', en: 'From 15 to 30 days before the hearing.' },
      }),
    ],
  },
  {
    id: 'us.daca.renewal_window',
    title: { es: 'Ventana de renovación de DACA', en: 'DACA renewal window' },
    versions: [
      version({
        computation: {
          kind: 'window',
          opensDaysBefore: 150,
          closesDaysBefore: 120,
          unit: 'calendar_days',
          countingStart: 'event_is_day_zero',
          roll: 'none',
        },
        legalBasis: {
          citation: 'USCIS DACA renewal guidance',
          law: 'USCIS guidance (DACA)',
          article: 'renewal timing',
          sources: ['USCIS via NILC (LEGAL-DEADLINES.md [V])'],
        },
        trigger: { es: 'vencimiento del DACA vigente', en: 'expiry of the current DACA' },
        explanation: {
          es: 'Presentar la renovación entre 150 y 120 días antes del vencimiento ({event}): del {opens} al {closes}. Antes de 150 días puede rechazarse.',
          en: 'File the renewal between 150 and 120 days before expiry ({event}): from {opens} to {closes}. Filing more than 150 days early may be rejected.',
        },
        consequence: {
          es: 'Riesgo de quedar sin DACA ni permiso de trabajo.',
          en: 'Risk of a lapse in DACA and work authorisation.',
        },
      }),
    ],
  },
  {
    id: 'us.tps.reregistration',
    title: { es: 'Re-registro de TPS', en: 'TPS re-registration' },
    versions: [
      version({
        computation: { kind: 'input_window' },
        legalBasis: {
          citation: 'INA 244(c)(3)(C); 8 CFR 244.17',
          law: 'Immigration and Nationality Act; 8 CFR',
          article: '244(c)(3)(C); 244.17',
          sources: ['cliniclegal.org (LEGAL-DEADLINES.md [V])'],
        },
        trigger: { es: 'aviso en el Federal Register', en: 'Federal Register notice' },
        explanation: {
          es: 'Re-registrarse dentro de la ventana del aviso del Federal Register: del {opens} al {closes}. No se codifican fechas por país: léase el aviso.',
          en: 'Re-register within the window of the Federal Register notice: from {opens} to {closes}. Country dates are not hard-coded: read the notice.',
        },
        consequence: { es: 'Sin causa justificada, se retira el TPS.', en: 'Without good cause, TPS is withdrawn.' },
      }),
    ],
  },
];
