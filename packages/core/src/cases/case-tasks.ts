// The catalogue of case-plan tasks that the product itself suggests, as data: the keys screening
// flags carry in `suggestedTasks` (screening/*questionnaires.ts) and the best-interests steps an
// unaccompanied or separated child's case must start with. Each key has a Spanish and an English
// label; free-text tasks written by a caseworker are not in this list (they are encrypted).

const t = (es: string, en: string) => ({ es, en });

export interface CaseTaskDefinition {
  key: string;
  label: { es: string; en: string };
  /** Days from the case's opening to the suggested due date. */
  dueInDays: number;
}

export const caseTaskCatalogue = {
  best_interests_assessment: {
    label: t(
      'Evaluación del interés superior de la niña, niño o adolescente',
      'Best-interests assessment of the child',
    ),
    dueInDays: 3,
  },
  notify_child_protection_authority: {
    label: t(
      'Notificar a la Procuraduría de Protección de Niñas, Niños y Adolescentes (LGDNNA art. 89; Ley de Migración art. 112)',
      'Notify the Child Protection Authority (Procuraduría de Protección; LGDNNA art. 89; Migration Law art. 112)',
    ),
    dueInDays: 1,
  },
  family_tracing: { label: t('Búsqueda y contacto familiar', 'Family tracing'), dueInDays: 7 },
  safe_accommodation: {
    label: t('Alojamiento seguro y adecuado a su edad', 'Safe, age-appropriate accommodation'),
    dueInDays: 1,
  },
  child_protection_focal_point: {
    label: t('Avisar al punto focal de protección de la niñez', 'Alert the child-protection focal point'),
    dueInDays: 1,
  },
  legal_orientation: { label: t('Orientación jurídica', 'Legal orientation'), dueInDays: 7 },
  comar_application: {
    label: t('Solicitud de la condición de refugiado ante la COMAR', 'Refugee status application to COMAR'),
    dueInDays: 14,
  },
  medical_referral_urgent: { label: t('Canalización médica urgente', 'Urgent medical referral'), dueInDays: 1 },
  clinic_referral: { label: t('Canalización a clínica', 'Clinic referral'), dueInDays: 7 },
  antenatal_referral: { label: t('Canalización a control prenatal', 'Antenatal care referral'), dueInDays: 7 },
  psychosocial_referral: {
    label: t('Canalización a atención psicosocial', 'Psychosocial support referral'),
    dueInDays: 7,
  },
  safety_plan: { label: t('Plan de seguridad', 'Safety plan'), dueInDays: 2 },
  repeat_screening_private: {
    label: t('Repetir la entrevista en un espacio privado', 'Repeat the screening in a private space'),
    dueInDays: 3,
  },
  trafficking_referral: {
    label: t('Canalización a atención especializada en trata', 'Referral to specialised anti-trafficking support'),
    dueInDays: 2,
  },
  education_referral: { label: t('Orientación para inscripción escolar', 'School enrolment guidance'), dueInDays: 14 },
} as const satisfies Record<string, Omit<CaseTaskDefinition, 'key'>>;

export type CaseTaskKey = keyof typeof caseTaskCatalogue;
export const caseTaskKeys = Object.keys(caseTaskCatalogue) as CaseTaskKey[];

export function isCaseTaskKey(key: string): key is CaseTaskKey {
  return Object.hasOwn(caseTaskCatalogue, key);
}

/** The steps an unaccompanied or separated child's case starts with, in this order. */
export const bestInterestsTaskKeys = [
  'best_interests_assessment',
  'notify_child_protection_authority',
  'family_tracing',
  'safe_accommodation',
] as const satisfies readonly CaseTaskKey[];

/** Screening flag and profile indicator that make a case a child-protection case. */
export const UNACCOMPANIED_CHILD_FLAG = 'unaccompanied_or_separated_child';
export const UNACCOMPANIED_CHILD_PROFILE = 'unaccompanied_child';
export const SEPARATED_CHILD_PROFILE = 'separated_child';

/** The due date (YYYY-MM-DD) of a catalogue task for a case opened on `openedOn`. */
export function suggestedDueDate(key: CaseTaskKey, openedOn: string): string {
  const day = new Date(`${openedOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + caseTaskCatalogue[key].dueInDays);
  return day.toISOString().slice(0, 10);
}

/**
 * The plan a new case starts with: best-interests steps first when the person is an
 * unaccompanied or separated child, nothing otherwise (other suggestions are offered, not
 * imposed).
 */
export function initialPlanKeys(facts: { flags: readonly string[]; profile: readonly string[] }): CaseTaskKey[] {
  const child =
    facts.flags.includes(UNACCOMPANIED_CHILD_FLAG) ||
    facts.profile.includes(UNACCOMPANIED_CHILD_PROFILE) ||
    facts.profile.includes(SEPARATED_CHILD_PROFILE);
  return child ? [...bestInterestsTaskKeys] : [];
}

/** Catalogue keys suggested by screenings, once each, known keys only, minus those already planned. */
export function offeredTaskKeys(suggested: readonly string[], planned: readonly string[]): CaseTaskKey[] {
  const out: CaseTaskKey[] = [];
  for (const key of suggested) if (isCaseTaskKey(key) && !planned.includes(key) && !out.includes(key)) out.push(key);
  return out;
}
