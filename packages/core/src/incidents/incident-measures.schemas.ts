// Protection measures (defenders, victims and witnesses at risk) and complaint deadlines computed
// by the deadline engine. No imports from the other incident schemas (incident.schemas.ts uses
// these outputs).
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';

// A real calendar date (2025-02-30 is refused here, not by the database with a 500).
const isoDate = z.iso.date();

/** Rules of the deadline engine offered for complaints and legal actions (any rule id is accepted). */
export const complaintDeadlineRules = [
  'mx.revision',
  'mx.amparo',
  'mx.tfja.nulidad',
  'us.bia.appeal',
  'us.motion.reopen',
] as const;
export const complaintOutcomeKinds = [
  'recommendation_issued',
  'conciliation',
  'charges_filed',
  'dismissed',
  'withdrawn',
  'no_response',
  'other',
] as const;

/** What is protected and how (Ley para la Protección de Personas Defensoras de Derechos Humanos y Periodistas, arts. 32-34). */
export const protectionMeasures = [
  'panic_button',
  'police_patrols',
  'escort',
  'relocation',
  'security_infrastructure',
  'communication_equipment',
  'psychosocial_support',
  'precautionary_measures',
  'other',
] as const;
/** Who grants it: the federal mechanism (2012 law), a state mechanism, the IACHR (Rules art. 25), the CNDH (Ley CNDH art. 40), a prosecutor (CNPP art. 137) or the organisation itself. */
export const protectionAuthorities = [
  'federal_mechanism',
  'state_mechanism',
  'iachr',
  'cndh',
  'prosecutor',
  'own_organisation',
] as const;
export const protectionStages = ['requested', 'granted', 'implemented', 'denied', 'lifted'] as const;

export const complaintDeadlineInputSchema = z.strictObject({
  /** A rule id of the deadline engine, e.g. mx.revision (15 working days, LFPA art. 85). */
  ruleId: z.string().min(1).max(80),
  /** The trigger: usually the day the notice took effect. */
  trigger: isoDate,
});
export type ComplaintDeadlineInput = z.infer<typeof complaintDeadlineInputSchema>;

export const complaintDeadlineSchema = z.object({
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  trigger: z.string(),
  dueDate: z.string().nullable(),
  title: z.object({ es: z.string(), en: z.string() }),
  explanation: z.object({ es: z.string(), en: z.string() }),
  citation: z.string(),
});
export type ComplaintDeadline = z.infer<typeof complaintDeadlineSchema>;

export const protectionMeasureCreateSchema = z.strictObject({
  measure: z.enum(protectionMeasures),
  authority: z.enum(protectionAuthorities),
  stage: z.enum(protectionStages).default('requested'),
  on: isoDate,
  /** Who is protected and how: encrypted. */
  details: z.string().trim().max(2000).optional(),
});
export type ProtectionMeasureCreate = z.infer<typeof protectionMeasureCreateSchema>;

export const protectionStageChangeSchema = z.strictObject({
  stage: z.enum(protectionStages),
  on: isoDate,
  version: versionSchema,
  note: z.string().trim().max(2000).optional(),
});
export type ProtectionStageChange = z.infer<typeof protectionStageChangeSchema>;

export const protectionMeasureSchema = z.object({
  id: z.string(),
  measure: z.string(),
  authority: z.string(),
  details: z.string().optional(),
  stage: z.enum(protectionStages),
  stageOn: z.string(),
  version: z.number().int(),
  history: z.array(
    z.object({ stage: z.string(), on: z.string(), recordedBy: z.string().nullable(), note: z.string().optional() }),
  ),
});
export type ProtectionMeasure = z.infer<typeof protectionMeasureSchema>;
