// Procedure types as data: the steps of each legal procedure and the deadline rule (from the
// deadline engine) that each step's date triggers. Versioned: a change makes a new version, and
// procedures already opened keep the version they were opened with.
import type { LocalizedText } from '../deadlines/index.ts';

export interface ProcedureStepType {
  key: string;
  title: LocalizedText;
  /** Deadline rule computed from this step's trigger; none for milestones (an interview, a hearing). */
  ruleId?: string;
  /** What the date entered for this step means. */
  trigger: LocalizedText;
  /** Public facts recorded with the date (a hearing's court, judge and place), never personal data. */
  details?: readonly StepDetail[];
}

export type StepDetail = 'court' | 'judge' | 'place';

export interface ProcedureType {
  id: string;
  version: number;
  jurisdiction: 'MX' | 'US';
  title: LocalizedText;
  /** Stages the procedure moves through, in order. */
  stages: readonly string[];
  steps: readonly ProcedureStepType[];
}

const t = (es: string, en: string): LocalizedText => ({ es, en });
const notice = t('Fecha en que surte efectos la notificación', 'Date the notice takes effect');
const hearing = t('Fecha de la audiencia', 'Hearing date');
const decision = t('Fecha de la decisión del juez', "Date of the judge's decision");

export const procedureTypes: readonly ProcedureType[] = [
  {
    id: 'mx.comar.refugee_status',
    version: 1,
    jurisdiction: 'MX',
    title: t('Reconocimiento de la condición de refugiado (COMAR)', 'Refugee status (COMAR)'),
    stages: ['preparing', 'filed', 'admitted', 'interviewed', 'resolved', 'notified', 'closed'],
    steps: [
      {
        key: 'application',
        title: t('Solicitud de refugio', 'Asylum application'),
        ruleId: 'mx.comar.application',
        trigger: t('Fecha de entrada a México', 'Date of entry into Mexico'),
      },
      {
        key: 'late_application',
        title: t('Solicitud extemporánea con justificación', 'Late application with justification'),
        trigger: t('Fecha de presentación', 'Filing date'),
      },
      {
        key: 'ratification',
        title: t(
          'Ratificación de solicitud presentada por tercero',
          'Ratification of an application filed by a third party',
        ),
        ruleId: 'mx.comar.ratification',
        trigger: t('Fecha de presentación por el tercero', 'Date the third party filed'),
      },
      {
        key: 'weekly_signing',
        title: t('Firma semanal', 'Weekly signing'),
        ruleId: 'mx.comar.weekly_signing',
        trigger: t('Fecha de admisión', 'Admission date'),
      },
      { key: 'interview', title: t('Entrevista', 'Interview'), trigger: t('Fecha de la entrevista', 'Interview date') },
      {
        key: 'resolution',
        title: t('Resolución de COMAR', 'COMAR decision'),
        ruleId: 'mx.comar.resolution',
        trigger: t('Fecha de admisión de la solicitud', 'Date the application was admitted'),
      },
      { key: 'notification', title: t('Notificación de la resolución', 'Notice of the decision'), trigger: notice },
    ],
  },
  {
    id: 'mx.revision',
    version: 1,
    jurisdiction: 'MX',
    title: t('Recurso de revisión', 'Administrative appeal (recurso de revisión)'),
    stages: ['preparing', 'filed', 'resolved', 'closed'],
    steps: [
      { key: 'filing', title: t('Presentar el recurso', 'File the appeal'), ruleId: 'mx.revision', trigger: notice },
    ],
  },
  {
    id: 'mx.amparo',
    version: 1,
    jurisdiction: 'MX',
    title: t('Juicio de amparo', 'Amparo'),
    stages: ['preparing', 'filed', 'suspension', 'resolved', 'closed'],
    steps: [
      {
        key: 'filing',
        title: t('Presentar la demanda de amparo', 'File the amparo'),
        ruleId: 'mx.amparo',
        trigger: notice,
      },
      {
        key: 'any_time',
        title: t('Amparo contra deportación o detención', 'Amparo against deportation or detention'),
        ruleId: 'mx.amparo.any_time',
        trigger: t('Fecha del acto reclamado', 'Date of the act'),
      },
    ],
  },
  {
    id: 'mx.tfja.nulidad',
    version: 1,
    jurisdiction: 'MX',
    title: t('Juicio de nulidad (TFJA)', 'Annulment suit (TFJA)'),
    stages: ['preparing', 'filed', 'resolved', 'closed'],
    steps: [
      { key: 'filing', title: t('Presentar la demanda', 'File the suit'), ruleId: 'mx.tfja.nulidad', trigger: notice },
    ],
  },
  {
    id: 'mx.inm.tvrh',
    version: 1,
    jurisdiction: 'MX',
    title: t('Tarjeta de visitante por razones humanitarias (INM)', 'Humanitarian visitor card (INM)'),
    stages: ['preparing', 'requested', 'prevention', 'granted', 'denied', 'closed'],
    steps: [
      {
        key: 'decision',
        title: t('Resolución del INM', 'INM decision'),
        ruleId: 'mx.inm.tvrh.decision',
        trigger: t('Fecha de la solicitud', 'Request date'),
      },
      {
        key: 'prevention_answer',
        title: t('Respuesta a la prevención', 'Answer to the request for information'),
        ruleId: 'mx.inm.prevention.answer',
        trigger: notice,
      },
    ],
  },
  {
    id: 'mx.inm.detention',
    version: 1,
    jurisdiction: 'MX',
    title: t('Detención migratoria y oficio de salida', 'Immigration detention and exit order'),
    stages: ['detained', 'released', 'exit_order', 'deported', 'closed'],
    steps: [
      {
        key: 'detention_limit',
        title: t('Límite de la detención (36 horas)', 'Detention limit (36 hours)'),
        ruleId: 'mx.inm.detention.max',
        trigger: t('Fecha y hora de la detención', 'Date and time of detention'),
      },
      {
        key: 'exit_order',
        title: t('Plazo del oficio de salida', 'Exit order period'),
        ruleId: 'mx.inm.exit_order',
        trigger: t('Fecha del oficio de salida', 'Date of the exit order'),
      },
    ],
  },
  {
    id: 'us.asylum.affirmative',
    version: 1,
    jurisdiction: 'US',
    title: t('Asilo afirmativo (USCIS)', 'Affirmative asylum (USCIS)'),
    stages: ['preparing', 'filed', 'interviewed', 'granted', 'referred', 'closed'],
    steps: [
      {
        key: 'one_year',
        title: t('Plazo de un año para pedir asilo', 'One-year asylum deadline'),
        ruleId: 'us.asylum.one_year',
        trigger: t('Fecha de la última llegada', 'Date of last arrival'),
      },
      {
        key: 'interview',
        title: t('Entrevista de asilo', 'Asylum interview'),
        trigger: t('Fecha de la entrevista', 'Interview date'),
      },
    ],
  },
  {
    id: 'us.asylum.defensive',
    version: 1,
    jurisdiction: 'US',
    title: t('Asilo defensivo ante la corte de inmigración', 'Defensive asylum in immigration court'),
    stages: ['nta', 'master_hearing', 'individual_hearing', 'decided', 'appeal', 'closed'],
    steps: [
      {
        key: 'one_year',
        title: t('Plazo de un año para pedir asilo', 'One-year asylum deadline'),
        ruleId: 'us.asylum.one_year',
        trigger: t('Fecha de la última llegada', 'Date of last arrival'),
      },
      {
        key: 'master_filings',
        title: t('Escritos antes de la audiencia preliminar', 'Filings before the master hearing'),
        ruleId: 'us.eoir.filing.master',
        trigger: hearing,
      },
      {
        key: 'individual_filings',
        title: t('Escritos antes de la audiencia final', 'Filings before the individual hearing'),
        ruleId: 'us.eoir.filing.individual',
        trigger: hearing,
      },
      {
        key: 'change_of_address',
        title: t('Aviso de cambio de domicilio (EOIR-33)', 'Change of address (EOIR-33)'),
        ruleId: 'us.eoir.change_of_address',
        trigger: t('Fecha de la mudanza', 'Date of the move'),
      },
      {
        key: 'bia_appeal',
        title: t('Apelación ante la BIA (EOIR-26)', 'BIA appeal (EOIR-26)'),
        ruleId: 'us.bia.appeal',
        trigger: decision,
      },
      {
        key: 'motion_reopen',
        title: t('Moción para reabrir', 'Motion to reopen'),
        ruleId: 'us.motion.reopen',
        trigger: decision,
      },
      {
        key: 'motion_reconsider',
        title: t('Moción de reconsideración', 'Motion to reconsider'),
        ruleId: 'us.motion.reconsider',
        trigger: decision,
      },
    ],
  },
  // Version 2 (issue 5, item 6): the hearings themselves, with their court and judge.
  {
    id: 'us.asylum.defensive',
    version: 2,
    jurisdiction: 'US',
    title: t('Asilo defensivo ante la corte de inmigración', 'Defensive asylum in immigration court'),
    stages: ['nta', 'master_hearing', 'individual_hearing', 'decided', 'appeal', 'closed'],
    steps: [
      {
        key: 'one_year',
        title: t('Plazo de un año para pedir asilo', 'One-year asylum deadline'),
        ruleId: 'us.asylum.one_year',
        trigger: t('Fecha de la última llegada', 'Date of last arrival'),
      },
      {
        key: 'master_hearing',
        title: t('Audiencia preliminar (master calendar)', 'Master calendar hearing'),
        trigger: hearing,
        details: ['court', 'judge'],
      },
      {
        key: 'individual_hearing',
        title: t('Audiencia final (individual)', 'Individual (merits) hearing'),
        trigger: hearing,
        details: ['court', 'judge'],
      },
      {
        key: 'master_filings',
        title: t('Escritos antes de la audiencia preliminar', 'Filings before the master hearing'),
        ruleId: 'us.eoir.filing.master',
        trigger: hearing,
      },
      {
        key: 'individual_filings',
        title: t('Escritos antes de la audiencia final', 'Filings before the individual hearing'),
        ruleId: 'us.eoir.filing.individual',
        trigger: hearing,
      },
      {
        key: 'change_of_address',
        title: t('Aviso de cambio de domicilio (EOIR-33)', 'Change of address (EOIR-33)'),
        ruleId: 'us.eoir.change_of_address',
        trigger: t('Fecha de la mudanza', 'Date of the move'),
      },
      {
        key: 'bia_appeal',
        title: t('Apelación ante la BIA (EOIR-26)', 'BIA appeal (EOIR-26)'),
        ruleId: 'us.bia.appeal',
        trigger: decision,
      },
      {
        key: 'motion_reopen',
        title: t('Moción para reabrir', 'Motion to reopen'),
        ruleId: 'us.motion.reopen',
        trigger: decision,
      },
      {
        key: 'motion_reconsider',
        title: t('Moción de reconsideración', 'Motion to reconsider'),
        ruleId: 'us.motion.reconsider',
        trigger: decision,
      },
    ],
  },
  {
    id: 'us.credible_fear',
    version: 1,
    jurisdiction: 'US',
    title: t('Miedo creíble', 'Credible fear'),
    stages: ['interview', 'negative', 'review', 'positive', 'closed'],
    steps: [
      {
        key: 'review',
        title: t('Revisión por un juez de inmigración', 'Review by an immigration judge'),
        ruleId: 'us.credible_fear.review',
        trigger: t('Fecha de la decisión negativa', 'Date of the negative decision'),
      },
    ],
  },
  {
    id: 'us.mpp',
    version: 1,
    jurisdiction: 'US',
    title: t('Espera en México (MPP)', 'Wait in Mexico (MPP)'),
    stages: ['returned_to_mexico', 'hearing_scheduled', 'hearing_attended', 'decided', 'closed'],
    steps: [
      {
        key: 'hearing',
        title: t('Audiencia (presentarse en el puerto de entrada)', 'Hearing (report to the port of entry)'),
        trigger: hearing,
        details: ['court', 'judge', 'place'],
      },
      {
        key: 'master_filings',
        title: t('Escritos antes de la audiencia preliminar', 'Filings before the master hearing'),
        ruleId: 'us.eoir.filing.master',
        trigger: hearing,
      },
    ],
  },
  {
    id: 'us.cbp_one',
    version: 1,
    jurisdiction: 'US',
    title: t('Cita de entrada (tipo CBP One)', 'Entry appointment (CBP One-type)'),
    stages: ['requested', 'scheduled', 'attended', 'cancelled_by_policy', 'closed'],
    steps: [
      { key: 'appointment', title: t('Cita', 'Appointment'), trigger: t('Fecha de la cita', 'Appointment date') },
    ],
  },
  {
    id: 'us.tps',
    version: 1,
    jurisdiction: 'US',
    title: t('Renovación de TPS', 'TPS re-registration'),
    stages: ['preparing', 'filed', 'approved', 'closed'],
    steps: [
      {
        key: 'reregistration',
        title: t('Periodo de re-registro', 'Re-registration period'),
        ruleId: 'us.tps.reregistration',
        trigger: t('Fecha del aviso en el Federal Register', 'Federal Register notice date'),
      },
    ],
  },
  {
    id: 'us.daca',
    version: 1,
    jurisdiction: 'US',
    title: t('Renovación de DACA', 'DACA renewal'),
    stages: ['preparing', 'filed', 'approved', 'closed'],
    steps: [
      {
        key: 'renewal_window',
        title: t('Ventana de renovación', 'Renewal window'),
        ruleId: 'us.daca.renewal_window',
        trigger: t('Fecha de vencimiento de DACA', 'DACA expiry date'),
      },
    ],
  },
];

export function findProcedureType(id: string, version?: number): ProcedureType | undefined {
  const candidates = procedureTypes.filter((p) => p.id === id && (version === undefined || p.version === version));
  return candidates.sort((a, b) => b.version - a.version)[0];
}
