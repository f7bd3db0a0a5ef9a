// Mexican migration-procedure rules (INM, COMAR obligations, detention limits).

import type { DeadlineRule, PeriodComputation, RuleVersion } from './rule.types.ts';

const workingDays = (amount: number): PeriodComputation => ({
  kind: 'period',
  amount,
  unit: 'working_days',
  direction: 'forward',
  countingStart: 'day_after_trigger',
  roll: 'none',
});

function version(
  fields: Omit<RuleVersion, 'version' | 'validFrom' | 'jurisdiction' | 'calendarId' | 'needsLegalReview'> &
    Partial<RuleVersion>,
): RuleVersion {
  return {
    version: 1,
    validFrom: '2012-11-09',
    jurisdiction: 'MX',
    calendarId: 'mx-federal-admin',
    needsLegalReview: false,
    ...fields,
  };
}

// Ley de Migración (DOF 25-05-2011) and its Reglamento (DOF 28-09-2012, in force 9 November 2012)
// are the basis of the INM procedures; versions start when the Reglamento entered into force.
const LM = 'Ley de Migración';

export const MX_MIGRATION_RULES: readonly DeadlineRule[] = [
  {
    id: 'mx.inm.tvrh.decision',
    title: { es: 'Resolución del INM sobre la TVRH', en: 'INM decision on a humanitarian visitor card (TVRH)' },
    versions: [
      version({
        computation: workingDays(20),
        legalBasis: {
          citation: 'LM art. 128',
          law: LM,
          article: '128 (TVRH: arts. 52-V-c, 54)',
          sources: ['LM arts. 52, 54, 128', 'lexdir.mx (LEGAL-DEADLINES.md [V])'],
        },
        trigger: { es: 'presentación de la solicitud completa', en: 'filing of the complete request' },
        explanation: {
          es: 'El INM debe resolver en 20 días hábiles desde el día siguiente a la presentación ({start}); se excluyen sábados, domingos y días inhábiles (LFPA art. 28). Vence el {due}.',
          en: 'INM must decide within 20 working days from the day after filing ({start}); weekends and official non-working days are excluded (LFPA art. 28). Due {due}.',
        },
        consequence: {
          es: 'El silencio equivale a negativa (LM art. 128): valorar impugnación.',
          en: 'Silence counts as a denial (LM art. 128): consider a challenge.',
        },
      }),
    ],
  },
  {
    id: 'mx.inm.prevention.answer',
    title: { es: 'Desahogo de prevención del INM', en: 'Answer to an INM request to complete a filing (prevención)' },
    versions: [
      version({
        computation: workingDays(10),
        legalBasis: {
          citation: 'LM art. 130',
          law: LM,
          article: '130',
          sources: ['LM art. 130', 'lexdir.mx (LEGAL-DEADLINES.md [V])'],
        },
        trigger: { es: 'notificación de la prevención', en: 'service of the prevención' },
        explanation: {
          es: '10 días hábiles desde el día siguiente a la notificación de la prevención ({start}) para corregir o completar la solicitud. Vence el {due}.',
          en: '10 working days from the day after service of the prevención ({start}) to correct or complete the request. Due {due}.',
        },
        consequence: { es: 'La solicitud puede desecharse.', en: 'The request may be dismissed.' },
      }),
    ],
  },
  {
    id: 'mx.comar.ratification',
    title: {
      es: 'Ratificación de solicitud presentada por tercero',
      en: 'Ratification of an application filed by a third party',
    },
    versions: [
      version({
        validFrom: '2012-02-22',
        computation: workingDays(3),
        legalBasis: {
          citation: 'LRPCAP art. 11; Reglamento art. 20',
          law: 'Ley sobre Refugiados, Protección Complementaria y Asilo Político y su Reglamento',
          article: 'Ley art. 11; Reglamento art. 20',
          sources: ['rimap.unhcr.org (LEGAL-DEADLINES.md [V])'],
        },
        trigger: {
          es: 'presentación de la solicitud por el tercero',
          en: 'filing of the application by the third party',
        },
        explanation: {
          es: 'La persona solicitante debe ratificar en 3 días hábiles desde el día siguiente a la presentación ({start}). Vence el {due}.',
          en: 'The applicant must ratify within 3 working days from the day after filing ({start}). Due {due}.',
        },
        consequence: {
          es: 'Sin ratificación la solicitud se tiene por no presentada.',
          en: 'Without ratification the application is treated as not filed.',
        },
      }),
    ],
  },
  {
    id: 'mx.comar.weekly_signing',
    title: { es: 'Firma semanal ante COMAR', en: 'Weekly signing at COMAR' },
    versions: [
      version({
        validFrom: '2012-02-22',
        // Conservative choice: when the signing day is a non-working day, sign the working day
        // BEFORE it; signing late is what the Reglamento treats as abandonment.
        computation: {
          kind: 'recurring',
          everyDays: 7,
          unit: 'calendar_days',
          countingStart: 'day_after_trigger',
          roll: 'previous_working_day',
        },
        legalBasis: {
          citation: 'Reglamento LRPCAP art. 24',
          law: 'Reglamento de la Ley sobre Refugiados y Protección Complementaria',
          article: '24',
          sources: ['rimap.unhcr.org; jornada 2023-05-31 (LEGAL-DEADLINES.md [V])'],
        },
        trigger: {
          es: 'última firma (o entrega de la constancia de trámite)',
          en: 'last signing (or issue of the constancia de trámite)',
        },
        explanation: {
          es: 'Firma cada semana; la siguiente, 7 días después de la última firma ({trigger}): {due}. Si ese día es inhábil, se adelanta al día hábil anterior.',
          en: 'Sign every week; the next signing is 7 days after the last one ({trigger}): {due}. If that day is a non-working day, it moves to the previous working day.',
        },
        consequence: {
          es: 'Faltar a la firma puede considerarse abandono del procedimiento.',
          en: 'A missed signing may be treated as abandonment of the claim.',
        },
        needsLegalReview: true,
        reviewNote:
          'Signing weekday and closures differ by office; moving to the previous working day is our conservative choice.',
      }),
    ],
  },
  {
    id: 'mx.inm.detention.max',
    title: { es: 'Límite de la detención migratoria', en: 'Limit on immigration detention' },
    versions: [
      version({
        validFrom: '2011-05-26',
        computation: {
          kind: 'period',
          amount: 15,
          unit: 'working_days',
          direction: 'forward',
          countingStart: 'day_after_trigger',
          roll: 'none',
        },
        legalBasis: {
          citation: 'LM art. 111',
          law: LM,
          article: '111',
          sources: ['LM art. 111 (LEGAL-DEADLINES.md [V])'],
        },
        trigger: { es: 'presentación ante el INM (detención)', en: 'placement in INM custody' },
        explanation: {
          es: 'Hasta 15 días hábiles de alojamiento desde el día siguiente a la presentación ({start}): {due} (ampliable hasta 60 días según LM art. 111).',
          en: 'Up to 15 working days of detention from the day after custody began ({start}): {due} (extendable up to 60 days under LM art. 111).',
        },
        consequence: { es: 'La persona debe quedar en libertad.', en: 'The person must be released.' },
        needsLegalReview: true,
        reviewNote: 'Superseded for triggers from 15 March 2023 by SCJN AR 388/2022 (36 hours); kept for history.',
      }),
      version({
        version: 2,
        validFrom: '2023-03-15',
        // Hours run continuously: weekends and holidays do not stop a detention.
        computation: {
          kind: 'period',
          amount: 36,
          unit: 'hours',
          direction: 'forward',
          countingStart: 'trigger_instant',
          roll: 'none',
        },
        legalBasis: {
          citation: 'CPEUM art. 21; SCJN AR 388/2022',
          law: 'Constitución Política de los Estados Unidos Mexicanos; SCJN, Segunda Sala, amparo en revisión 388/2022 (15-03-2023)',
          article: '21',
          sources: ['tirant.com; elbravo.mx; vlex (LEGAL-DEADLINES.md [V])'],
        },
        trigger: { es: 'momento de la detención', en: 'moment of detention' },
        explanation: {
          es: 'La detención migratoria no puede exceder 36 horas desde {trigger}: límite {due} (hora local). Después, la persona sigue su trámite en libertad (SCJN AR 388/2022; CPEUM art. 21).',
          en: 'Immigration detention may not exceed 36 hours from {trigger}: limit {due} (local time). After that the person continues the procedure at liberty (SCJN AR 388/2022; Constitution art. 21).',
        },
        consequence: {
          es: 'Detención ilegal: amparo en cualquier tiempo (Ley de Amparo art. 17-IV).',
          en: 'Unlawful detention: amparo at any time (Ley de Amparo art. 17-IV).',
        },
        changeNote: {
          es: 'De 15 días hábiles (LM art. 111) a 36 horas (SCJN AR 388/2022).',
          en: 'From 15 working days (LM art. 111) to 36 hours (SCJN AR 388/2022).',
        },
      }),
    ],
  },
  {
    id: 'mx.inm.exit_order',
    title: { es: 'Oficio de salida', en: 'Exit order (oficio de salida)' },
    versions: [
      version({
        // Calendar days; LEGAL-DEADLINES.md: moving a calendar-day period to the next working
        // day is [U] in Mexico, so the engine does not assume it.
        computation: {
          kind: 'period',
          amount: 20,
          unit: 'calendar_days',
          direction: 'forward',
          countingStart: 'day_after_trigger',
          roll: 'none',
        },
        legalBasis: {
          citation: 'Oficio de salida (20 días naturales) [U]',
          law: LM,
          article: '[U]; consequence: art. 144-VI',
          sources: ['elorbe.com 2021 (LEGAL-DEADLINES.md: 20 days [V], basis [U])'],
        },
        trigger: { es: 'entrega del oficio de salida', en: 'issue of the exit order' },
        explanation: {
          es: '20 días naturales desde el día siguiente a la entrega del oficio ({start}) para salir del país o regularizarse. Vence el {due}.',
          en: '20 calendar days from the day after the order was issued ({start}) to leave the country or regularise. Due {due}.',
        },
        consequence: {
          es: 'Incumplirlo es causal de deportación (LM art. 144-VI).',
          en: 'Ignoring it is a ground for deportation (LM art. 144-VI).',
        },
        needsLegalReview: true,
        reviewNote: 'Legal basis of the 20-day term is [U]; whether it rolls past non-working days is [U].',
      }),
    ],
  },
];
