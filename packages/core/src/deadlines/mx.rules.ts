// Mexican deadline rules. Sources and [V]/[U] marks come from LEGAL-DEADLINES.md; [U] items carry
// needsLegalReview. Working-day rules use the LFPA art. 28 calendar (or Ley de Amparo art. 19)
// WITHOUT authority-declared days unless the caller picks the +segob overlay or passes extra days.

import type { LocalizedText } from './calendar.types.ts';
import type { DeadlineRule, PeriodComputation, RuleVersion } from './rule.types.ts';

const workingDays = (amount: number): PeriodComputation => ({
  kind: 'period',
  amount,
  unit: 'working_days',
  direction: 'forward',
  countingStart: 'day_after_trigger',
  // A count of working days always ends on a working day: nothing to roll.
  roll: 'none',
});

const LFPA_EXCLUSIONS: LocalizedText = {
  es: 'se excluyen sábados, domingos y los días inhábiles oficiales (LFPA art. 28)',
  en: 'Saturdays, Sundays and official non-working days are excluded (LFPA art. 28)',
};

const NOTICE_TRIGGER: LocalizedText = {
  es: 'día en que surte efectos la notificación',
  en: 'day on which service of the decision takes effect',
};

const MX_ADMIN = { jurisdiction: 'MX', calendarId: 'mx-federal-admin', needsLegalReview: false } as const;

function version(
  fields: Omit<RuleVersion, 'version' | 'validFrom' | 'jurisdiction' | 'calendarId' | 'needsLegalReview'> &
    Partial<RuleVersion>,
): RuleVersion {
  return { version: 1, validFrom: '2000-01-01', ...MX_ADMIN, ...fields };
}

export const MX_RULES: readonly DeadlineRule[] = [
  {
    id: 'mx.comar.application',
    title: { es: 'Solicitud de la condición de refugiado', en: 'Refugee status application (COMAR)' },
    versions: [
      version({
        // LRPCAP published in the DOF on 27 January 2011, in force the next day.
        validFrom: '2011-01-28',
        computation: workingDays(30),
        legalBasis: {
          citation: 'LRPCAP art. 18',
          law: 'Ley sobre Refugiados, Protección Complementaria y Asilo Político',
          article: '18 (late filing: Reglamento art. 19)',
          sources: ['LRPCAP art. 18', 'sauzaricoabogados.com (LEGAL-DEADLINES.md [V])'],
        },
        trigger: { es: 'entrada a México', en: 'entry into Mexico' },
        explanation: {
          es: `30 días hábiles desde el día siguiente a la entrada a México ({start}); ${LFPA_EXCLUSIONS.es}. Vence el {due}.`,
          en: `30 working days from the day after entry into Mexico ({start}); ${LFPA_EXCLUSIONS.en}. Due {due}.`,
        },
        consequence: {
          es: 'Fuera de plazo hay que acreditar causas ajenas a la voluntad (Reglamento art. 19; SCJN AR 353/2019 exige un criterio flexible).',
          en: 'A late application must show causes beyond the person’s control (Reglamento art. 19; SCJN AR 353/2019 requires a flexible test).',
        },
      }),
    ],
  },
  {
    id: 'mx.comar.resolution',
    title: { es: 'Resolución de COMAR', en: 'COMAR decision on the application' },
    versions: [
      version({
        validFrom: '2011-01-28',
        computation: workingDays(45),
        legalBasis: {
          citation: 'LRPCAP (45 días hábiles)',
          law: 'Ley sobre Refugiados, Protección Complementaria y Asilo Político',
          article: '[U] (art. 24 per best knowledge)',
          sources: ['gob.mx/comar (LEGAL-DEADLINES.md [V] for the 45 days)'],
        },
        trigger: { es: 'admisión de la solicitud', en: 'admission of the application' },
        explanation: {
          es: `COMAR debe resolver en 45 días hábiles desde el día siguiente a la admisión ({start}); ${LFPA_EXCLUSIONS.es}. Vence el {due}.`,
          en: `COMAR must decide within 45 working days from the day after admission ({start}); ${LFPA_EXCLUSIONS.en}. Due {due}.`,
        },
        consequence: {
          es: 'Sin efecto automático; puede prorrogarse una vez por 45 días. Opciones: amparo por omisión o negativa ficta.',
          en: 'No automatic effect; it may be extended once by 45 days. Options: amparo for omission or deemed denial.',
        },
        needsLegalReview: true,
        reviewNote: 'Exact article and the one-time 45-day extension are [U] in LEGAL-DEADLINES.md.',
      }),
    ],
  },
  {
    id: 'mx.revision',
    title: { es: 'Recurso de revisión', en: 'Administrative appeal (recurso de revisión)' },
    versions: [
      version({
        validFrom: '2000-01-01',
        computation: workingDays(15),
        legalBasis: {
          citation: 'LFPA art. 85 (LRPCAP art. 25)',
          law: 'Ley Federal de Procedimiento Administrativo',
          article: '83, 85',
          sources: ['LFPA arts. 83, 85', 'infodigna.org (LEGAL-DEADLINES.md [V])'],
        },
        trigger: NOTICE_TRIGGER,
        explanation: {
          es: `15 días hábiles desde el día siguiente a aquel en que surte efectos la notificación ({start}); ${LFPA_EXCLUSIONS.es}. Vence el {due}.`,
          en: `15 working days from the day after service takes effect ({start}); ${LFPA_EXCLUSIONS.en}. Due {due}.`,
        },
        consequence: {
          es: 'La resolución queda firme (la revisión es optativa frente al juicio de nulidad).',
          en: 'The decision becomes final (the appeal is optional; the annulment suit remains).',
        },
      }),
    ],
  },
  {
    id: 'mx.amparo',
    title: { es: 'Demanda de amparo (15 días)', en: 'Amparo claim (15 days)' },
    versions: [
      version({
        // New Ley de Amparo (DOF 2 April 2013), in force 3 April 2013.
        validFrom: '2013-04-03',
        calendarId: 'mx-amparo',
        computation: workingDays(15),
        legalBasis: {
          citation: 'Ley de Amparo arts. 17-18',
          law: 'Ley de Amparo',
          article: '17, 18, 19',
          sources: ['Ley de Amparo arts. 17-19', 'tuabogadoenvivo.org (LEGAL-DEADLINES.md [V])'],
        },
        trigger: NOTICE_TRIGGER,
        explanation: {
          es: '15 días hábiles desde el día siguiente a aquel en que surte efectos la notificación ({start}); se excluyen sábados, domingos y los días del art. 19 de la Ley de Amparo (incluidos 14 de septiembre y 12 de octubre). Vence el {due}.',
          en: '15 working days from the day after service takes effect ({start}); Saturdays, Sundays and the days listed in Ley de Amparo art. 19 (including 14 September and 12 October) are excluded. Due {due}.',
        },
        consequence: {
          es: 'El acto se tiene por consentido y el amparo es improcedente.',
          en: 'The act is deemed accepted and the amparo is inadmissible.',
        },
      }),
    ],
  },
  {
    id: 'mx.amparo.any_time',
    title: { es: 'Amparo en cualquier tiempo', en: 'Amparo at any time' },
    versions: [
      version({
        validFrom: '2013-04-03',
        calendarId: 'mx-amparo',
        computation: { kind: 'no_deadline' },
        legalBasis: {
          citation: 'Ley de Amparo art. 17-IV',
          law: 'Ley de Amparo',
          article: '17, fracción IV',
          sources: ['Ley de Amparo art. 17', 'tuabogadoenvivo.org (LEGAL-DEADLINES.md [V])'],
        },
        trigger: { es: 'acto reclamado', en: 'challenged act' },
        explanation: {
          es: 'Sin plazo: contra deportación, expulsión, incomunicación o privación de la libertad fuera de procedimiento, el amparo puede presentarse en cualquier tiempo (Ley de Amparo art. 17-IV).',
          en: 'No deadline: against deportation, expulsion, incommunicado detention or detention outside a proceeding, amparo may be filed at any time (Ley de Amparo art. 17-IV).',
        },
        consequence: {
          es: 'No aplica; actuar cuanto antes sigue siendo lo prudente.',
          en: 'Not applicable; acting at once is still wise.',
        },
      }),
    ],
  },
  {
    id: 'mx.tfja.nulidad',
    title: { es: 'Juicio contencioso administrativo (nulidad)', en: 'Annulment suit before the TFJA' },
    versions: [
      version({
        validFrom: '2006-01-01',
        computation: workingDays(45),
        legalBasis: {
          citation: 'LFPCA art. 13-I-a (texto original)',
          law: 'Ley Federal de Procedimiento Contencioso Administrativo',
          article: '13, fracción I, inciso a)',
          sources: ['LFPCA (DOF 01-12-2005)'],
        },
        trigger: NOTICE_TRIGGER,
        explanation: {
          es: '45 días hábiles desde el día siguiente a aquel en que surte efectos la notificación ({start}). Vence el {due}.',
          en: '45 working days from the day after service takes effect ({start}). Due {due}.',
        },
        consequence: { es: 'La resolución queda firme.', en: 'The decision becomes final.' },
        needsLegalReview: true,
        reviewNote: '[U] Historical version (45 days before the 2016 reform), from best knowledge.',
      }),
      version({
        version: 2,
        validFrom: '2016-06-14',
        computation: workingDays(30),
        legalBasis: {
          citation: 'LFPCA art. 13-I-a',
          law: 'Ley Federal de Procedimiento Contencioso Administrativo',
          article: '13, fracción I, inciso a)',
          sources: ['LFPCA art. 13 (reforma DOF 13-06-2016)', 'bdg.com.mx (LEGAL-DEADLINES.md [V])'],
        },
        trigger: NOTICE_TRIGGER,
        explanation: {
          es: '30 días hábiles desde el día siguiente a aquel en que surte efectos la notificación ({start}). Vence el {due}. Se usa el calendario de la LFPA; el TFJA publica sus propios días inhábiles.',
          en: '30 working days from the day after service takes effect ({start}). Due {due}. The LFPA calendar is used; the TFJA publishes its own non-working days.',
        },
        consequence: { es: 'La resolución queda firme.', en: 'The decision becomes final.' },
        needsLegalReview: true,
        reviewNote:
          'The TFJA has its own calendar (its Pleno declares non-working days); mx-federal-admin is an approximation. Reform date [U].',
        changeNote: {
          es: 'El plazo pasó de 45 a 30 días hábiles (reforma 2016).',
          en: 'The period went from 45 to 30 working days (2016 reform).',
        },
      }),
    ],
  },
];
