// The differentiated profile: structured vulnerability and protection indicators of a person,
// as data (labels in Spanish and English). Some are derived from facts the record already holds
// (child and older person from the birth year, woman from sex F); the others are recorded by
// staff. The intake plan says what the profile changes at intake: which screening
// questionnaires apply and which are required, which alerts fire, which best-interests steps
// are owed to a child (decision 0115).
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';
import type { LocalizedText } from '../deadlines/index.ts';
import type { Condition, ProfileFlag, Questionnaire } from '../screening/questionnaire.types.ts';
import { holds } from '../screening/screening-evaluate.ts';
import { questionnaires } from '../screening/questionnaire-registry.ts';

const t = (es: string, en: string): LocalizedText => ({ es, en });

export interface ProfileIndicatorDefinition {
  key: string;
  label: LocalizedText;
  /** derived: computed from the record, never stored; recorded: set by staff; both: either. */
  source: 'derived' | 'recorded' | 'both';
}

export const profileIndicators = [
  { key: 'child', label: t('Niña, niño o adolescente', 'Child or adolescent'), source: 'derived' },
  {
    key: 'unaccompanied_child',
    label: t('Niña, niño o adolescente no acompañado', 'Unaccompanied child'),
    source: 'recorded',
  },
  { key: 'separated_child', label: t('Niña, niño o adolescente separado', 'Separated child'), source: 'recorded' },
  { key: 'older_person', label: t('Persona adulta mayor', 'Older person'), source: 'derived' },
  { key: 'woman', label: t('Mujer', 'Woman'), source: 'both' },
  { key: 'pregnant', label: t('Embarazada', 'Pregnant'), source: 'recorded' },
  { key: 'breastfeeding', label: t('En periodo de lactancia', 'Breastfeeding'), source: 'recorded' },
  {
    key: 'single_parent',
    label: t('Jefa o jefe de familia monoparental', 'Single parent / head of household'),
    source: 'recorded',
  },
  { key: 'lgbtiq', label: t('Persona LGBTIQ+', 'LGBTIQ+ person'), source: 'recorded' },
  { key: 'indigenous', label: t('Persona indígena', 'Indigenous person'), source: 'recorded' },
  { key: 'afrodescendant', label: t('Persona afrodescendiente', 'Afro-descendant person'), source: 'recorded' },
  { key: 'disability', label: t('Persona con discapacidad', 'Person with a disability'), source: 'recorded' },
  { key: 'chronic_illness', label: t('Enfermedad crónica', 'Chronic illness'), source: 'recorded' },
  { key: 'violence_survivor', label: t('Sobreviviente de violencia', 'Survivor of violence'), source: 'recorded' },
  { key: 'trafficking_indicators', label: t('Indicios de trata', 'Trafficking indicators'), source: 'recorded' },
  {
    key: 'human_rights_defender',
    label: t('Persona defensora de derechos humanos', 'Human rights defender'),
    source: 'recorded',
  },
  { key: 'interpreter_needed', label: t('Necesita intérprete', 'Needs an interpreter'), source: 'recorded' },
] as const satisfies readonly ProfileIndicatorDefinition[];

export type ProfileIndicator = (typeof profileIndicators)[number]['key'];
export const profileIndicatorKeys = profileIndicators.map((i) => i.key) as [ProfileIndicator, ...ProfileIndicator[]];
/** Indicators staff may record (derived-only ones are computed and refused in a payload). */
export const recordedIndicatorKeys = profileIndicators.filter((i) => i.source !== 'derived').map((i) => i.key) as [
  ProfileIndicator,
  ...ProfileIndicator[],
];

export const PROFILE_NOTES_MAX = 2000;
export const ADULT_AGE = 18;
export const OLDER_PERSON_AGE = 60;

/** The stored profile (encrypted JSON): what staff recorded. */
export const profilePayloadSchema = z.strictObject({
  indicators: z
    .array(z.enum(recordedIndicatorKeys))
    .max(recordedIndicatorKeys.length)
    .transform((list) => [...new Set(list)]),
  notes: z.string().max(PROFILE_NOTES_MAX).optional(),
});
export type ProfilePayload = z.infer<typeof profilePayloadSchema>;

/** PUT /api/people/:id/profile: the whole recorded profile and the person version the editor saw. */
export const profileUpdateSchema = profilePayloadSchema.extend({ version: versionSchema });
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

/** The profile as read: recorded, derived, and the effective union the rest of the system uses. */
export const personProfileSchema = z.object({
  recorded: z.array(z.string()),
  derived: z.array(z.string()),
  effective: z.array(z.string()),
  notes: z.string().optional(),
  /** Recorded as an unaccompanied or separated child while the birth year says adult. */
  ageDisputed: z.boolean(),
});
export type PersonProfile = z.infer<typeof personProfileSchema>;

/** Age reached during `year` (the record keeps a birth year in clear; the date is encrypted). */
export function ageInYear(birthYear: number | null | undefined, year: number): number | null {
  return birthYear === null || birthYear === undefined ? null : year - birthYear;
}

export function isAdultAge(age: number | null): boolean {
  return age !== null && age >= ADULT_AGE;
}

export function derivedIndicators(facts: {
  birthYear?: number | null | undefined;
  sex?: string | null | undefined;
  year: number;
}): ProfileIndicator[] {
  const out: ProfileIndicator[] = [];
  const age = ageInYear(facts.birthYear, facts.year);
  if (age !== null && age < ADULT_AGE) out.push('child');
  if (age !== null && age >= OLDER_PERSON_AGE) out.push('older_person');
  if (facts.sex === 'F') out.push('woman');
  return out;
}

const ordered = (set: ReadonlySet<string>) => profileIndicatorKeys.filter((k) => set.has(k));

/**
 * The effective profile. An unaccompanied or separated child is a child even when the recorded
 * birth year says otherwise: in doubt minority is presumed (LGDNNA), and the mismatch is shown.
 */
export function effectiveProfile(
  recorded: ProfilePayload | null | undefined,
  facts: { birthYear?: number | null | undefined; sex?: string | null | undefined; year: number },
): PersonProfile {
  const derived = derivedIndicators(facts);
  const set = new Set<string>([...(recorded?.indicators ?? []), ...derived]);
  const childOnRecord = set.has('unaccompanied_child') || set.has('separated_child');
  if (childOnRecord) set.add('child');
  const age = ageInYear(facts.birthYear, facts.year);
  return {
    recorded: ordered(new Set(recorded?.indicators ?? [])),
    derived: ordered(new Set(derived)),
    effective: ordered(set),
    ...(recorded?.notes ? { notes: recorded.notes } : {}),
    ageDisputed: childOnRecord && age !== null && age >= ADULT_AGE,
  };
}

/** The screening flags (questionnaire conditions) among the effective indicators. */
const screeningFlags: readonly ProfileFlag[] = [
  'child',
  'unaccompanied_child',
  'woman',
  'lgbtiq',
  'indigenous',
  'disability',
  'chronic_illness',
  'pregnant',
  'older_person',
  'violence_survivor',
  'human_rights_defender',
];
export function screeningProfileOf(effective: readonly string[]): ProfileFlag[] {
  return screeningFlags.filter((f) => effective.includes(f));
}

/** When a questionnaire that applies is also required at intake (otherwise it is offered). */
const requiredWhen: Record<string, Condition | 'always'> = {
  international_protection: 'always',
  child_best_interests: { profile: 'child' },
  gbv: { any: [{ profile: 'violence_survivor' }, { profile: 'lgbtiq' }] },
  trafficking: { any: [{ profile: 'unaccompanied_child' }, { profile: 'violence_survivor' }] },
  medical_urgency: {
    any: [
      { profile: 'pregnant' },
      { profile: 'chronic_illness' },
      { profile: 'disability' },
      { profile: 'older_person' },
    ],
  },
};

export interface IntakeAlert {
  key: string;
  severity: 'info' | 'attention' | 'urgent';
  label: LocalizedText;
  /** Who is told at once (the organisation's child-protection focal point: coordinators and admins). */
  notifies?: 'child_protection_focal_point';
}

export interface BestInterestsStep {
  /** Also the task key the case plan uses. */
  key: string;
  label: LocalizedText;
  legalBasis?: string;
}

export interface IntakePlan {
  questionnaires: { id: string; version: number; title: LocalizedText; required: boolean }[];
  alerts: IntakeAlert[];
  bestInterestsSteps: BestInterestsStep[];
}

const BASIS_CHILD = 'Ley de Migración art. 112; LGDNNA art. 89';
const childAloneSteps: BestInterestsStep[] = [
  {
    key: 'child_protection_focal_point',
    label: t(
      'Avisar al punto focal de protección de la niñez de la organización',
      "Alert the organisation's child-protection focal point",
    ),
  },
  {
    key: 'notify_child_protection_authority',
    label: t(
      'Notificar a la Procuraduría de Protección de Niñas, Niños y Adolescentes',
      'Notify the Child Protection Office (Procuraduría de Protección de Niñas, Niños y Adolescentes)',
    ),
    legalBasis: BASIS_CHILD,
  },
  {
    key: 'best_interests_assessment',
    label: t('Iniciar la determinación del interés superior', 'Start the best-interests determination'),
    legalBasis: BASIS_CHILD,
  },
  {
    key: 'family_tracing',
    label: t('Localización y contacto con la familia (si es seguro)', 'Family tracing and contact (when safe)'),
  },
  {
    key: 'safe_accommodation',
    label: t(
      'Alojamiento seguro y adecuado a su edad, nunca en estación migratoria',
      'Safe, age-appropriate accommodation, never in immigration detention',
    ),
    legalBasis: BASIS_CHILD,
  },
];
const accompaniedChildSteps: BestInterestsStep[] = [
  {
    key: 'verify_adult_relationship',
    label: t(
      'Verificar la relación con el adulto que lo acompaña',
      'Verify the relationship with the accompanying adult',
    ),
  },
];

const alertRules: readonly { when: Condition; alert: IntakeAlert }[] = [
  {
    when: { profile: 'unaccompanied_child' },
    alert: {
      key: 'unaccompanied_child',
      severity: 'urgent',
      notifies: 'child_protection_focal_point',
      label: t(
        'Niña, niño o adolescente no acompañado: punto focal y Procuraduría de Protección',
        'Unaccompanied child: focal point and child protection authority',
      ),
    },
  },
  {
    when: { profile: 'pregnant' },
    alert: {
      key: 'pregnancy_care',
      severity: 'attention',
      label: t('Embarazo: valorar atención médica prioritaria', 'Pregnancy: assess priority medical care'),
    },
  },
  {
    when: { profile: 'violence_survivor' },
    alert: {
      key: 'survivor_care',
      severity: 'attention',
      label: t(
        'Sobreviviente de violencia: atención psicosocial, no revictimizar',
        'Survivor of violence: psychosocial care, avoid re-traumatising',
      ),
    },
  },
  {
    when: { profile: 'human_rights_defender' },
    alert: {
      key: 'defender_risk',
      severity: 'attention',
      label: t(
        'Persona defensora: valorar riesgo y medidas de protección',
        'Defender: assess risk and protection measures',
      ),
    },
  },
  {
    when: { profile: 'disability' },
    alert: {
      key: 'accessibility',
      severity: 'info',
      label: t('Discapacidad: ajustes razonables en la atención', 'Disability: reasonable accommodation in care'),
    },
  },
];

/** What the profile changes at intake. Pure: the same profile always gives the same plan. */
export function intakePlanFor(
  profile: Pick<PersonProfile, 'effective' | 'ageDisputed'>,
  registry: readonly Questionnaire[] = questionnaires,
): IntakePlan {
  const flags = new Set(screeningProfileOf(profile.effective));
  const has = (k: string) => profile.effective.includes(k);
  const newest = new Map<string, Questionnaire>();
  for (const q of registry) if ((newest.get(q.id)?.version ?? 0) < q.version) newest.set(q.id, q);
  const plan: IntakePlan = { questionnaires: [], alerts: [], bestInterestsSteps: [] };
  for (const q of newest.values()) {
    if (q.appliesTo && !holds(q.appliesTo, {}, flags)) continue;
    const rule = requiredWhen[q.id];
    const required = rule === 'always' || (rule !== undefined && holds(rule, {}, flags));
    plan.questionnaires.push({ id: q.id, version: q.version, title: q.title, required });
  }
  plan.questionnaires.sort((a, b) => Number(b.required) - Number(a.required));
  for (const r of alertRules) if (holds(r.when, {}, flags)) plan.alerts.push(r.alert);
  if (has('separated_child')) {
    plan.alerts.unshift({
      key: 'separated_child',
      severity: 'urgent',
      notifies: 'child_protection_focal_point',
      label: t(
        'Niña, niño o adolescente separado: punto focal y Procuraduría de Protección',
        'Separated child: focal point and child protection authority',
      ),
    });
    // A separated child's screening must also look for trafficking, as for an unaccompanied one.
    for (const q of plan.questionnaires) if (q.id === 'trafficking') q.required = true;
  }
  if (profile.ageDisputed)
    plan.alerts.push({
      key: 'age_disputed',
      severity: 'attention',
      label: t(
        'Edad en duda: se presume la minoría de edad mientras se determina',
        'Age in doubt: minority is presumed until determined',
      ),
    });
  if (has('unaccompanied_child') || has('separated_child')) plan.bestInterestsSteps.push(...childAloneSteps);
  else if (has('child')) plan.bestInterestsSteps.push(...accompaniedChildSteps);
  return plan;
}

/** Indicators whose first recording alerts the child-protection focal point. */
export const childAloneIndicators: readonly string[] = ['unaccompanied_child', 'separated_child'];

export const intakePlanSchema = z.object({
  questionnaires: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      title: z.object({ es: z.string(), en: z.string() }),
      required: z.boolean(),
    }),
  ),
  alerts: z.array(
    z.object({
      key: z.string(),
      severity: z.enum(['info', 'attention', 'urgent']),
      label: z.object({ es: z.string(), en: z.string() }),
      notifies: z.literal('child_protection_focal_point').optional(),
    }),
  ),
  bestInterestsSteps: z.array(
    z.object({
      key: z.string(),
      label: z.object({ es: z.string(), en: z.string() }),
      legalBasis: z.string().optional(),
    }),
  ),
});
